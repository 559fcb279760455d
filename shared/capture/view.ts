import type { MapState } from '../editor/mapState';
import type { ExceptionCase, PainCategory, PainPoint } from '../model/annotations';
import type { MapId, ParticipantId, StepId } from '../model/ids';
import { foldForSearch } from '../model/library';
import type { Participant } from '../model/workshop';
import { dutyConflicts, keyPersonSteps } from './checks';

/** Which remarks the canvas and the list show. Empty lists mean "all". */
export interface AnnotationFilter {
  readonly categories: readonly PainCategory[];
  readonly statuses: readonly PainPoint['status'][];
  /** Only what this participant raised (pain points, exceptions) or handles (exceptions). */
  readonly participantId: ParticipantId | null;
}

export const NO_FILTER: AnnotationFilter = { categories: [], statuses: [], participantId: null };

export function isFiltering(filter: AnnotationFilter): boolean {
  return filter.categories.length > 0 || filter.statuses.length > 0 || filter.participantId !== null;
}

export function painPointMatches(painPoint: PainPoint, filter: AnnotationFilter): boolean {
  return (
    (filter.categories.length === 0 || filter.categories.includes(painPoint.category)) &&
    (filter.statuses.length === 0 || filter.statuses.includes(painPoint.status)) &&
    (filter.participantId === null || painPoint.raisedBy === filter.participantId)
  );
}

/** Exceptions have no category or status: those filters hide them. */
export function exceptionMatches(exception: ExceptionCase, filter: AnnotationFilter): boolean {
  return (
    filter.categories.length === 0 &&
    filter.statuses.length === 0 &&
    (filter.participantId === null || exception.raisedBy === filter.participantId || exception.handledBy === filter.participantId)
  );
}

/** What a step's badges show. */
export interface StepBadges {
  readonly painPoints: number;
  readonly exceptions: number;
  readonly approvalRules: number;
  readonly reportFields: number;
  /** Highest severity among the shown pain points; 0 when none. */
  readonly maxSeverity: number;
  readonly hoursLost: number;
  readonly keyPerson: boolean;
  readonly dutyConflict: boolean;
  /** Dots the step's pain points got in the latest dot vote of the process. */
  readonly dots: number;
}

const EMPTY_BADGES: StepBadges = {
  painPoints: 0,
  exceptions: 0,
  approvalRules: 0,
  reportFields: 0,
  maxSeverity: 0,
  hoursLost: 0,
  keyPerson: false,
  dutyConflict: false,
  dots: 0,
};

/** Badges of every step that has something to show, after the filter. */
export function stepBadges(state: MapState, participants: readonly Participant[], filter: AnnotationFilter): Map<StepId, StepBadges> {
  const badges = new Map<StepId, StepBadges>();
  const update = (stepId: StepId, change: (current: StepBadges) => StepBadges) => {
    if (!state.steps.has(stepId)) return;
    badges.set(stepId, change(badges.get(stepId) ?? EMPTY_BADGES));
  };
  for (const painPoint of state.painPoints.values()) {
    if (painPoint.target.kind !== 'step' || !painPointMatches(painPoint, filter)) continue;
    update(painPoint.target.stepId, (current) => ({
      ...current,
      painPoints: current.painPoints + 1,
      maxSeverity: Math.max(current.maxSeverity, painPoint.severity),
      hoursLost: current.hoursLost + (painPoint.hoursLostPerMonth ?? 0),
    }));
  }
  for (const exception of state.exceptions.values()) {
    if (exceptionMatches(exception, filter)) update(exception.stepId, (current) => ({ ...current, exceptions: current.exceptions + 1 }));
  }
  for (const rule of state.approvalRules.values()) update(rule.stepId, (current) => ({ ...current, approvalRules: current.approvalRules + 1 }));
  for (const field of state.reportFields.values()) update(field.stepId, (current) => ({ ...current, reportFields: current.reportFields + 1 }));
  for (const step of keyPersonSteps(state)) update(step.id, (current) => ({ ...current, keyPerson: true }));
  const latestVote = [...state.votes.values()].filter((vote) => vote.subject === 'painPoints').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  for (const ballot of latestVote?.ballots ?? []) {
    const target = state.painPoints.get(ballot.itemId as PainPoint['id'])?.target;
    if (target?.kind === 'step' && ballot.dots > 0) update(target.stepId, (current) => ({ ...current, dots: current.dots + ballot.dots }));
  }
  for (const conflict of dutyConflicts(state, participants)) {
    update(conflict.approvalStepId, (current) => ({ ...current, dutyConflict: true }));
    update(conflict.preparedAtStepId, (current) => ({ ...current, dutyConflict: true }));
  }
  return badges;
}

export type HeatMode = 'hoursLost' | 'severity' | 'risk';
export const HEAT_MODES: readonly HeatMode[] = ['hoursLost', 'severity', 'risk'];

/**
 * Risk of a step as one number: the severities of its remarks, 2 per exception, and 3 each for
 * key-person dependency and a segregation-of-duties conflict — the things auditors and
 * a new system stumble over.
 */
export function riskScore(badges: StepBadges, severitySum: number): number {
  return severitySum + 2 * badges.exceptions + (badges.keyPerson ? 3 : 0) + (badges.dutyConflict ? 3 : 0);
}

/** Lower bounds of heat levels 1–4 per mode; level 0 is "nothing noted". */
export const HEAT_THRESHOLDS: Readonly<Record<HeatMode, readonly [number, number, number, number]>> = {
  hoursLost: [0.01, 5, 20, 40],
  severity: [1, 3, 4, 5],
  risk: [1, 4, 8, 12],
};

export function heatLevel(mode: HeatMode, value: number): 0 | 1 | 2 | 3 | 4 {
  const thresholds = HEAT_THRESHOLDS[mode];
  let level = 0;
  thresholds.forEach((bound, index) => {
    if (value >= bound) level = index + 1;
  });
  return level as 0 | 1 | 2 | 3 | 4;
}

export interface StepHeat {
  readonly value: number;
  readonly level: 0 | 1 | 2 | 3 | 4;
}

/** The heatmap's value and level per step (steps with nothing noted are absent). */
export function stepHeat(state: MapState, badges: ReadonlyMap<StepId, StepBadges>, mode: HeatMode, filter: AnnotationFilter): Map<StepId, StepHeat> {
  const severitySums = new Map<StepId, number>();
  for (const painPoint of state.painPoints.values()) {
    if (painPoint.target.kind !== 'step' || !painPointMatches(painPoint, filter)) continue;
    severitySums.set(painPoint.target.stepId, (severitySums.get(painPoint.target.stepId) ?? 0) + painPoint.severity);
  }
  const heat = new Map<StepId, StepHeat>();
  for (const [stepId, stepBadge] of badges) {
    const value =
      mode === 'hoursLost' ? stepBadge.hoursLost : mode === 'severity' ? stepBadge.maxSeverity : riskScore(stepBadge, severitySums.get(stepId) ?? 0);
    const level = heatLevel(mode, value);
    if (level > 0) heat.set(stepId, { value, level });
  }
  return heat;
}

export type AnnotationKind = 'painPoint' | 'exception' | 'approvalRule' | 'reportField';

/** One line of the side list of everything noted on the map. */
export interface AnnotationRow {
  readonly kind: AnnotationKind;
  readonly id: string;
  readonly title: string;
  /** The step to jump to, if the remark is on one (a connection's remark jumps to its source). */
  readonly stepId: StepId | null;
  readonly where: string;
  readonly severity: number | null;
  readonly hoursLost: number | null;
  readonly category: PainCategory | null;
  readonly status: PainPoint['status'] | null;
  readonly who: ParticipantId | null;
  readonly createdAt: string;
}

/** Everything noted on this map (not on the other map of the process), after the filter. */
export function annotationRows(state: MapState, mapId: MapId, filter: AnnotationFilter, mapLabel: string): AnnotationRow[] {
  const stepLabel = (stepId: StepId) => state.steps.get(stepId)?.label ?? '';
  const rows: AnnotationRow[] = [];
  for (const painPoint of state.painPoints.values()) {
    if (!painPointMatches(painPoint, filter)) continue;
    const { target } = painPoint;
    let stepId: StepId | null = null;
    let where = mapLabel;
    if (target.kind === 'step') {
      if (!state.steps.has(target.stepId)) continue;
      stepId = target.stepId;
      where = stepLabel(target.stepId);
    } else if (target.kind === 'connection') {
      const connection = state.connections.get(target.connectionId);
      if (!connection) continue;
      stepId = connection.sourceStepId;
      where = `${stepLabel(connection.sourceStepId)} → ${stepLabel(connection.targetStepId)}`;
    } else if (target.kind === 'lane') {
      const lane = state.lanes.get(target.laneId);
      if (!lane) continue;
      where = lane.name;
    } else if (target.mapId !== mapId) continue;
    rows.push({
      kind: 'painPoint',
      id: painPoint.id,
      title: painPoint.title,
      stepId,
      where,
      severity: painPoint.severity,
      hoursLost: painPoint.hoursLostPerMonth,
      category: painPoint.category,
      status: painPoint.status,
      who: painPoint.raisedBy,
      createdAt: painPoint.createdAt,
    });
  }
  const onStep = (kind: AnnotationKind, id: string, title: string, stepId: StepId, who: ParticipantId | null, createdAt: string) => {
    if (!state.steps.has(stepId)) return;
    rows.push({ kind, id, title, stepId, where: stepLabel(stepId), severity: null, hoursLost: null, category: null, status: null, who, createdAt });
  };
  for (const exception of state.exceptions.values()) {
    if (exceptionMatches(exception, filter)) onStep('exception', exception.id, exception.trigger, exception.stepId, exception.raisedBy, exception.createdAt);
  }
  if (!isFiltering(filter)) {
    for (const rule of state.approvalRules.values()) onStep('approvalRule', rule.id, rule.approverRole, rule.stepId, null, rule.createdAt);
    for (const field of state.reportFields.values()) onStep('reportField', field.id, field.name, field.stepId, null, field.createdAt);
  }
  return rows;
}

export type AnnotationSort = 'severity' | 'hoursLost' | 'where' | 'kind' | 'createdAt';

const KIND_ORDER: Record<AnnotationKind, number> = { painPoint: 0, exception: 1, approvalRule: 2, reportField: 3 };

export function sortAnnotationRows(rows: readonly AnnotationRow[], by: AnnotationSort, descending: boolean): AnnotationRow[] {
  const compare = (a: AnnotationRow, b: AnnotationRow): number => {
    switch (by) {
      case 'severity':
        return (a.severity ?? 0) - (b.severity ?? 0);
      case 'hoursLost':
        return (a.hoursLost ?? 0) - (b.hoursLost ?? 0);
      case 'where':
        return a.where.localeCompare(b.where, 'ja');
      case 'kind':
        return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
      case 'createdAt':
        return a.createdAt.localeCompare(b.createdAt);
    }
  };
  return [...rows].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Rows whose title or place contains the query, ignoring width and case (「ｴｸｾﾙ」 finds 「エクセル」). */
export function searchAnnotationRows(rows: readonly AnnotationRow[], query: string): AnnotationRow[] {
  const needle = foldForSearch(query.trim());
  if (needle.length === 0) return [...rows];
  return rows.filter((row) => foldForSearch(`${row.title} ${row.where}`).includes(needle));
}
