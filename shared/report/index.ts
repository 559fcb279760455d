import { backlogCoverage, type CoverageFigure } from '../backlog/coverage';
import { listedRequirements } from '../backlog/trace';
import { indexWorkshop, sortSteps, type WorkshopIndex } from '../backlog/workshopIndex';
import { mapRecordsOf } from '../diagram/records';
import { compareMaps, type StepStatus } from '../editor/compare';
import type { FullMapRecords } from '../editor/mapState';
import type { AnnotationTarget, ApprovalRule, ExceptionCase, Kpi, PainPoint } from '../model/annotations';
import type { WorkshopDocument } from '../model/document';
import type { MapVariant, Step } from '../model/map';
import type { Process } from '../model/process';
import { moscowSchema, requirementTypeSchema, type Moscow, type RequirementType } from '../model/requirement';
import type { Participant, Workshop } from '../model/workshop';

/**
 * What the workshop report shows, gathered from a workshop document: the processes with their
 * maps, what was noted in the room grouped and ordered for reading, and the backlog's figures.
 * Words are the UI's to add; everything here is the user's data or a number.
 */
export interface WorkshopReport {
  readonly workshop: Workshop;
  readonly processes: readonly ProcessReport[];
  /** Severity 5 first; only severities that have pain points. */
  readonly painPointsBySeverity: readonly { readonly severity: number; readonly items: readonly PainPointRow[] }[];
  readonly painPointCount: number;
  readonly exceptions: readonly ExceptionRow[];
  readonly approvalRules: readonly ApprovalRuleRow[];
  readonly kpis: readonly KpiRow[];
  readonly backlog: BacklogSummary;
}

export interface ProcessReport {
  readonly process: Process;
  readonly asIs: FullMapRecords;
  readonly toBe: FullMapRecords | null;
  /** Removed, added, changed and automated steps from As-Is to To-Be; null without a To-Be map. */
  readonly comparison: Readonly<Record<StepStatus, number>> | null;
}

/** Where a remark is pinned, for the reader: the step's label, the lane's name, the connection's ends, or the whole map. */
export type ReportLocation =
  | { readonly kind: 'step'; readonly label: string; readonly variant: MapVariant }
  | { readonly kind: 'connection'; readonly from: string; readonly to: string; readonly variant: MapVariant }
  | { readonly kind: 'lane'; readonly name: string; readonly variant: MapVariant }
  | { readonly kind: 'map'; readonly variant: MapVariant }
  | { readonly kind: 'unknown' };

export interface PainPointRow {
  readonly painPoint: PainPoint;
  readonly processName: string;
  readonly where: ReportLocation;
  readonly raisedBy: Participant | null;
}

export interface ExceptionRow {
  readonly exception: ExceptionCase;
  readonly processName: string;
  readonly stepLabel: string;
  readonly handledBy: Participant | null;
}

export interface ApprovalRuleRow {
  readonly rule: ApprovalRule;
  readonly processName: string;
  readonly stepLabel: string;
}

export interface KpiRow {
  readonly kpi: Kpi;
  readonly processName: string;
}

export interface BacklogSummary {
  /** Requirements listed in the backlog (merged ones live on in another and are not counted). */
  readonly total: number;
  /** Counts by type, then by MoSCoW priority; every type and priority present, zeros included. */
  readonly byType: Readonly<Record<RequirementType, Readonly<Record<Moscow, number>>>>;
  readonly byPriority: Readonly<Record<Moscow, number>>;
  readonly coverage: { readonly painPoints: CoverageFigure; readonly exceptions: CoverageFigure; readonly systemSteps: CoverageFigure };
}

function locationOf(index: WorkshopIndex, target: AnnotationTarget): ReportLocation {
  const variantOf = (mapId: string | undefined): MapVariant | undefined => (mapId === undefined ? undefined : index.maps.get(mapId as never)?.variant);
  switch (target.kind) {
    case 'step': {
      const step = index.steps.get(target.stepId);
      const variant = variantOf(step?.mapId);
      return step && variant ? { kind: 'step', label: step.label, variant } : { kind: 'unknown' };
    }
    case 'connection': {
      const connection = index.connections.get(target.connectionId);
      const variant = variantOf(connection?.mapId);
      if (!connection || !variant) return { kind: 'unknown' };
      return {
        kind: 'connection',
        from: index.steps.get(connection.sourceStepId)?.label ?? '',
        to: index.steps.get(connection.targetStepId)?.label ?? '',
        variant,
      };
    }
    case 'lane': {
      const lane = index.lanes.get(target.laneId);
      const variant = variantOf(lane?.mapId);
      return lane && variant ? { kind: 'lane', name: lane.name, variant } : { kind: 'unknown' };
    }
    case 'map': {
      const variant = variantOf(target.mapId);
      return variant ? { kind: 'map', variant } : { kind: 'unknown' };
    }
  }
}

const zeroByPriority = (): Record<Moscow, number> => Object.fromEntries(moscowSchema.options.map((priority) => [priority, 0])) as Record<Moscow, number>;

export function workshopReport(document: WorkshopDocument): WorkshopReport {
  const index = indexWorkshop(document);
  const processRank = new Map(index.processOrder.map((process, rank) => [process.id, rank]));
  const processName = (id: Process['id']) => index.processes.get(id)?.name ?? '';
  const participant = (id: Participant['id'] | null) => (id === null ? null : (index.participants.get(id) ?? null));
  const stepRank = new Map(sortSteps(index, document.steps).map((step, rank) => [step.id, rank]));
  const byProcessThen = <T>(processOf: (item: T) => Process['id'], then: (item: T) => number) => (a: T, b: T) =>
    (processRank.get(processOf(a)) ?? 0) - (processRank.get(processOf(b)) ?? 0) || then(a) - then(b);
  const stepOrder = (step: Step['id']) => stepRank.get(step) ?? 0;

  const processes = index.processOrder.map((process): ProcessReport => {
    const asIs = mapRecordsOf(document, process.asIsMapId);
    const toBe = process.toBeMapId ? mapRecordsOf(document, process.toBeMapId) : null;
    return { process, asIs, toBe, comparison: toBe ? compareMaps(asIs, toBe).counts : null };
  });

  const painRows = document.painPoints.map(
    (painPoint): PainPointRow => ({
      painPoint,
      processName: processName(painPoint.processId),
      where: locationOf(index, painPoint.target),
      raisedBy: participant(painPoint.raisedBy),
    }),
  );
  const painPointsBySeverity = [5, 4, 3, 2, 1]
    .map((severity) => ({
      severity,
      items: painRows
        .filter((row) => row.painPoint.severity === severity)
        .sort(
          byProcessThen(
            (row) => row.painPoint.processId,
            (row) => (row.painPoint.target.kind === 'step' ? stepOrder(row.painPoint.target.stepId) : -1),
          ),
        ),
    }))
    .filter((group) => group.items.length > 0);

  const stepLabel = (id: Step['id']) => index.steps.get(id)?.label ?? '';
  const exceptions = document.exceptions
    .map((exception): ExceptionRow => ({ exception, processName: processName(exception.processId), stepLabel: stepLabel(exception.stepId), handledBy: participant(exception.handledBy) }))
    .sort(byProcessThen((row) => row.exception.processId, (row) => stepOrder(row.exception.stepId)));
  const approvalRules = document.approvalRules
    .map((rule): ApprovalRuleRow => ({ rule, processName: processName(rule.processId), stepLabel: stepLabel(rule.stepId) }))
    .sort(
      (a, b) =>
        byProcessThen<ApprovalRuleRow>((row) => row.rule.processId, (row) => stepOrder(row.rule.stepId))(a, b) ||
        (a.rule.minAmount ?? 0) - (b.rule.minAmount ?? 0),
    );
  const kpis = document.kpis
    .map((kpi): KpiRow => ({ kpi, processName: processName(kpi.processId) }))
    .sort(byProcessThen((row) => row.kpi.processId, (row) => Date.parse(row.kpi.createdAt)));

  const listed = listedRequirements(index);
  const byType = Object.fromEntries(requirementTypeSchema.options.map((type) => [type, zeroByPriority()])) as Record<RequirementType, Record<Moscow, number>>;
  const byPriority = zeroByPriority();
  for (const requirement of listed) {
    byType[requirement.type][requirement.priority] += 1;
    byPriority[requirement.priority] += 1;
  }
  const coverage = backlogCoverage(document);

  return {
    workshop: document.workshop,
    processes,
    painPointsBySeverity,
    painPointCount: document.painPoints.length,
    exceptions,
    approvalRules,
    kpis,
    backlog: {
      total: listed.length,
      byType,
      byPriority,
      coverage: { painPoints: coverage.painPoints, exceptions: coverage.exceptions, systemSteps: coverage.systemSteps },
    },
  };
}
