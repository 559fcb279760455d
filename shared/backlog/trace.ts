import type { PainPoint } from '../model/annotations';
import type { WorkshopDocument } from '../model/document';
import type { ProcessId, RequirementId } from '../model/ids';
import type { Step } from '../model/map';
import type { Requirement, RequirementSource } from '../model/requirement';
import type { Language } from '../platform/bridge';
import { firstLine, sourceKey } from './keys';
import { backlogPhrases } from './phrases';
import { belongsToProcess, indexWorkshop, processOfSource, sortBacklog, sortSteps, type WorkshopIndex } from './workshopIndex';

export interface TraceScope {
  /** Defaults to the document's requirements. */
  readonly requirements?: readonly Requirement[];
  /** Limits rows and columns to one process. */
  readonly processId?: ProcessId | null;
}

/** One source of one requirement, with what a reader without the workshop needs to follow it. */
export interface TraceLink {
  readonly requirementId: RequirementId;
  readonly requirementKey: string;
  readonly source: RequirementSource;
  /** The source's name (a pain point's title, a step's label…); empty when the source is gone. */
  readonly label: string;
  /** The process the source belongs to; null when the source is not in the workshop any more. */
  readonly processId: ProcessId | null;
}

/** A matrix as plain data: `cells[row][column]` says whether the two are linked. */
export interface TraceMatrix<Row, Column> {
  readonly rows: readonly Row[];
  readonly columns: readonly Column[];
  readonly cells: readonly (readonly boolean[])[];
}

/**
 * The requirements a view or export lists: in backlog order, without the merged ones (they
 * live on in the requirement they were merged into), limited to one process when asked.
 */
export function listedRequirements(index: WorkshopIndex, scope: TraceScope = {}): Requirement[] {
  const requirements = scope.requirements ?? index.document.requirements;
  return sortBacklog(requirements.filter((requirement) => requirement.status !== 'merged' && belongsToProcess(index, requirement, scope.processId)));
}

export function sourceLabel(index: WorkshopIndex, source: RequirementSource, lang: Language): string {
  switch (source.kind) {
    case 'painPoint':
      return firstLine(index.painPoints.get(source.id)?.title ?? '');
    case 'exception':
      return firstLine(index.exceptions.get(source.id)?.trigger ?? '');
    case 'approvalRule': {
      const rule = index.approvalRules.get(source.id);
      if (!rule) return '';
      const band = backlogPhrases[lang].amountBand(rule.minAmount === 0 ? null : rule.minAmount, rule.maxAmount);
      return `${rule.approverRole} (${band})`;
    }
    case 'reportField':
      return index.reportFields.get(source.id)?.name ?? '';
    case 'kpi':
      return index.kpis.get(source.id)?.name ?? '';
    case 'asIsStep':
    case 'toBeStep':
      return firstLine(index.steps.get(source.id)?.label ?? '');
  }
}

/** Every source of every listed requirement, in backlog order then source order. */
export function traceLinks(index: WorkshopIndex, lang: Language, scope: TraceScope = {}): TraceLink[] {
  return listedRequirements(index, scope).flatMap((requirement) =>
    requirement.sources.map((source) => ({
      requirementId: requirement.id,
      requirementKey: requirement.key,
      source,
      label: sourceLabel(index, source, lang),
      processId: processOfSource(index, source),
    })),
  );
}

/**
 * For each source (by `sourceKey`), the requirements that trace to it, in the order given:
 * one pass over the backlog, so looking up "which requirements cover this pain point" for
 * every pain point costs no more than the backlog is long.
 */
export function requirementsBySource(requirements: readonly Requirement[]): ReadonlyMap<string, readonly Requirement[]> {
  const bySource = new Map<string, Requirement[]>();
  for (const requirement of requirements) {
    for (const source of requirement.sources) {
      const key = sourceKey(source);
      const tracing = bySource.get(key);
      if (!tracing) bySource.set(key, [requirement]);
      else if (tracing.at(-1) !== requirement) tracing.push(requirement);
    }
  }
  return bySource;
}

/** Cells from the links: a row's linked columns are looked up once, not every row × column pair. */
function matrix<Row, Column extends { readonly id: string }>(
  rows: readonly Row[],
  columns: readonly Column[],
  linkedColumns: (row: Row) => readonly { readonly id: string }[],
): TraceMatrix<Row, Column> {
  const position = new Map(columns.map((column, index) => [column.id, index]));
  const cells = rows.map((row) => {
    const cellsOfRow: boolean[] = new Array<boolean>(columns.length).fill(false);
    for (const linked of linkedColumns(row)) {
      const index = position.get(linked.id);
      if (index !== undefined) cellsOfRow[index] = true;
    }
    return cellsOfRow;
  });
  return { rows, columns, cells };
}

/** Pain points of the scope, most severe first within each process (the workshop's order). */
export function painPointsInOrder(index: WorkshopIndex, processId?: ProcessId | null): PainPoint[] {
  const processRank = new Map(index.processOrder.map((process, rank) => [process.id, rank]));
  const rank = (pain: PainPoint) => processRank.get(pain.processId) ?? processRank.size;
  return index.document.painPoints
    .filter((pain) => !processId || pain.processId === processId)
    .sort((a, b) => rank(a) - rank(b) || b.severity - a.severity || (a.id < b.id ? -1 : 1));
}

/** Pain points (rows, most severe first within each process) × requirements (columns). */
export function painPointMatrix(document: WorkshopDocument, scope: TraceScope = {}): TraceMatrix<PainPoint, Requirement> {
  const index = indexWorkshop(document);
  const columns = listedRequirements(index, scope);
  const tracing = requirementsBySource(columns);
  return matrix(painPointsInOrder(index, scope.processId), columns, (pain) => tracing.get(sourceKey({ kind: 'painPoint', id: pain.id })) ?? []);
}

/** Requirements (rows) × the work steps of the To-Be maps (columns, process by process in reading order). */
export function toBeStepMatrix(document: WorkshopDocument, scope: TraceScope = {}): TraceMatrix<Requirement, Step> {
  const index = indexWorkshop(document);
  const columns = index.processOrder
    .filter((process) => process.toBeMapId !== null && (!scope.processId || process.id === scope.processId))
    .flatMap((process) =>
      sortSteps(
        index,
        document.steps.filter((step) => step.mapId === process.toBeMapId && step.type !== 'start' && step.type !== 'end'),
      ),
    );
  const toBeSteps = (requirement: Requirement) => requirement.sources.flatMap((source) => (source.kind === 'toBeStep' ? [{ id: source.id }] : []));
  return matrix(listedRequirements(index, scope), columns, toBeSteps);
}
