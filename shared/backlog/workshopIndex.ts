import type { WorkshopDocument } from '../model/document';
import type { AnnotationTarget, ApprovalRule, ExceptionCase, Kpi, PainPoint, ReportField } from '../model/annotations';
import type {
  ApprovalRuleId,
  ConnectionId,
  ExceptionId,
  KpiId,
  LaneId,
  MapId,
  PainPointId,
  ParticipantId,
  ProcessId,
  ReportFieldId,
  StepId,
} from '../model/ids';
import type { Connection, Lane, ProcessMap, Step } from '../model/map';
import type { Process } from '../model/process';
import type { Requirement, RequirementSource } from '../model/requirement';
import type { Participant } from '../model/workshop';
import { sortProcesses } from '../model/library';

/**
 * A workshop document's records by id, built once per generation, coverage check or export
 * so that following a reference (a pain point's step, a step's map and process) is a lookup.
 */
export interface WorkshopIndex {
  readonly document: WorkshopDocument;
  readonly processes: ReadonlyMap<ProcessId, Process>;
  readonly maps: ReadonlyMap<MapId, ProcessMap>;
  readonly lanes: ReadonlyMap<LaneId, Lane>;
  readonly steps: ReadonlyMap<StepId, Step>;
  readonly connections: ReadonlyMap<ConnectionId, Connection>;
  readonly participants: ReadonlyMap<ParticipantId, Participant>;
  readonly painPoints: ReadonlyMap<PainPointId, PainPoint>;
  readonly exceptions: ReadonlyMap<ExceptionId, ExceptionCase>;
  readonly approvalRules: ReadonlyMap<ApprovalRuleId, ApprovalRule>;
  readonly reportFields: ReadonlyMap<ReportFieldId, ReportField>;
  readonly kpis: ReadonlyMap<KpiId, Kpi>;
  /** Processes in the workshop's order: what every listing follows. */
  readonly processOrder: readonly Process[];
}

const byId = <K, T extends { readonly id: K }>(records: readonly T[]) => new Map(records.map((record) => [record.id, record]));

export function indexWorkshop(document: WorkshopDocument): WorkshopIndex {
  return {
    document,
    processes: byId(document.processes),
    maps: byId(document.maps),
    lanes: byId(document.lanes),
    steps: byId(document.steps),
    connections: byId(document.connections),
    participants: byId(document.workshop.participants),
    painPoints: byId(document.painPoints),
    exceptions: byId(document.exceptions),
    approvalRules: byId(document.approvalRules),
    reportFields: byId(document.reportFields),
    kpis: byId(document.kpis),
    processOrder: sortProcesses(document.processes),
  };
}

export function mapOfStep(index: WorkshopIndex, stepId: StepId): ProcessMap | undefined {
  const step = index.steps.get(stepId);
  return step && index.maps.get(step.mapId);
}

/** A step as a requirement source: `asIsStep` or `toBeStep` by the map it is drawn on. */
export function stepSource(index: WorkshopIndex, stepId: StepId): RequirementSource | null {
  const map = mapOfStep(index, stepId);
  if (!map) return null;
  return { kind: map.variant === 'toBe' ? 'toBeStep' : 'asIsStep', id: stepId };
}

/** The process a source belongs to, or null when the source is not in the document. */
export function processOfSource(index: WorkshopIndex, source: RequirementSource): ProcessId | null {
  switch (source.kind) {
    case 'painPoint':
      return index.painPoints.get(source.id)?.processId ?? null;
    case 'exception':
      return index.exceptions.get(source.id)?.processId ?? null;
    case 'approvalRule':
      return index.approvalRules.get(source.id)?.processId ?? null;
    case 'reportField':
      return index.reportFields.get(source.id)?.processId ?? null;
    case 'kpi':
      return index.kpis.get(source.id)?.processId ?? null;
    case 'asIsStep':
    case 'toBeStep':
      return mapOfStep(index, source.id)?.processId ?? null;
  }
}

export function sourceExists(index: WorkshopIndex, source: RequirementSource): boolean {
  if (source.kind === 'asIsStep' || source.kind === 'toBeStep') return index.steps.has(source.id);
  return processOfSource(index, source) !== null;
}

/** The processes a requirement traces to, in the workshop's order. */
export function processesOfRequirement(index: WorkshopIndex, requirement: Requirement): Process[] {
  const ids = new Set(requirement.sources.map((source) => processOfSource(index, source)));
  return index.processOrder.filter((process) => ids.has(process.id));
}

/**
 * Whether a requirement belongs in a view or export limited to one process: it traces to that
 * process. A requirement with no sources (written by hand) belongs to the whole workshop only.
 */
export function belongsToProcess(index: WorkshopIndex, requirement: Requirement, processId: ProcessId | null | undefined): boolean {
  if (!processId) return true;
  return requirement.sources.some((source) => processOfSource(index, source) === processId);
}

/** Backlog order: `order`, then key, so ties read REQ-001 before REQ-002. */
export function sortBacklog<R extends Pick<Requirement, 'order' | 'key'>>(requirements: readonly R[]): R[] {
  return [...requirements].sort((a, b) => a.order - b.order || compareKeys(a.key, b.key));
}

export function keyNumber(key: string): number {
  const match = /^REQ-(\d+)$/.exec(key);
  return match ? Number(match[1]) : 0;
}

export function compareKeys(a: string, b: string): number {
  return keyNumber(a) - keyNumber(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * What an annotation is pinned to, as a reader names it: the step's label, the connection's
 * label (else "from → to"), the lane's name, or the process of the map. Empty when it is gone.
 */
export function targetName(index: WorkshopIndex, target: AnnotationTarget): string {
  const stepLabel = (stepId: StepId) => index.steps.get(stepId)?.label.split(/\r?\n/)[0]?.trim() ?? '';
  switch (target.kind) {
    case 'step':
      return stepLabel(target.stepId);
    case 'connection': {
      const connection = index.connections.get(target.connectionId);
      if (!connection) return '';
      return connection.label.trim() || `${stepLabel(connection.sourceStepId)} → ${stepLabel(connection.targetStepId)}`;
    }
    case 'lane':
      return index.lanes.get(target.laneId)?.name ?? '';
    case 'map': {
      const map = index.maps.get(target.mapId);
      return (map && index.processes.get(map.processId)?.name) ?? '';
    }
  }
}

/** Steps in reading order: left to right, then lane by lane. */
export function sortSteps(index: WorkshopIndex, steps: readonly Step[]): Step[] {
  const laneOrder = (step: Step) => index.lanes.get(step.laneId)?.order ?? 0;
  return [...steps].sort((a, b) => a.position.x - b.position.x || laneOrder(a) - laneOrder(b) || (a.id < b.id ? -1 : 1));
}
