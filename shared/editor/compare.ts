import type { LaneId, StepId } from '../model/ids';
import type { Step, StepType } from '../model/map';
import type { MapRecords } from './mapState';

export type StepStatus = 'removed' | 'added' | 'unchanged' | 'changed' | 'automated';

/** What a workshop compares between an As-Is step and the To-Be step forked from it. */
export type ComparedField =
  | 'label'
  | 'type'
  | 'lane'
  | 'performers'
  | 'system'
  | 'tools'
  | 'frequency'
  | 'touchMinutes'
  | 'waitMinutes'
  | 'inputs'
  | 'outputs';

export interface StepComparison {
  readonly status: StepStatus;
  /** The step on the other side it is paired with; null for removed and added steps. */
  readonly counterpartId: StepId | null;
  /** What differs between the pair, in a fixed order; empty unless changed or automated. */
  readonly changes: readonly ComparedField[];
}

export interface MapComparison {
  /** Each As-Is step: removed, unchanged, changed or automated. */
  readonly asIs: ReadonlyMap<StepId, StepComparison>;
  /** Each To-Be step: added, unchanged, changed or automated. */
  readonly toBe: ReadonlyMap<StepId, StepComparison>;
  /** Removed As-Is steps, added To-Be steps, and pairs by their status. */
  readonly counts: Readonly<Record<StepStatus, number>>;
}

/** Work done by hand; becoming a system task is what the To-Be map is there to show. */
const MANUAL_WORK: ReadonlySet<StepType> = new Set(['manualTask', 'spreadsheet', 'document', 'approval', 'handoff']);

/** Lists whose order carries no meaning compare as sorted. */
const asSet = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).sort().join('\n');

function changedFields(asIs: Step, asIsLane: string | undefined, toBe: Step, toBeLane: string | undefined): ComparedField[] {
  const differs: Record<ComparedField, boolean> = {
    label: asIs.label.trim() !== toBe.label.trim(),
    type: asIs.type !== toBe.type,
    lane: asIsLane !== toBeLane,
    performers: asSet(asIs.performers) !== asSet(toBe.performers),
    system: asIs.system.trim() !== toBe.system.trim(),
    tools: asSet(asIs.tools) !== asSet(toBe.tools),
    frequency: asIs.frequency !== toBe.frequency,
    touchMinutes: asIs.touchMinutes !== toBe.touchMinutes,
    waitMinutes: asIs.waitMinutes !== toBe.waitMinutes,
    inputs: asSet(asIs.inputs) !== asSet(toBe.inputs),
    outputs: asSet(asIs.outputs) !== asSet(toBe.outputs),
  };
  return (Object.keys(differs) as ComparedField[]).filter((field) => differs[field]);
}

function laneNames(records: MapRecords): ReadonlyMap<LaneId, string> {
  return new Map(records.lanes.map((lane) => [lane.id, lane.name]));
}

/**
 * Pairs each To-Be step with the As-Is step it was forked from (`originStepId`) and says what
 * happened to it. Lanes are compared by name, as the two maps' lanes have different ids. An
 * As-Is step forked into several To-Be steps takes the status of its first one.
 */
export function compareMaps(asIs: MapRecords, toBe: MapRecords): MapComparison {
  const asIsSteps = new Map(asIs.steps.map((step) => [step.id, step]));
  const asIsLanes = laneNames(asIs);
  const toBeLanes = laneNames(toBe);
  const counts: Record<StepStatus, number> = { removed: 0, added: 0, unchanged: 0, changed: 0, automated: 0 };
  const asIsResult = new Map<StepId, StepComparison>();
  const toBeResult = new Map<StepId, StepComparison>();

  for (const step of toBe.steps) {
    const origin = step.originStepId === null ? undefined : asIsSteps.get(step.originStepId);
    if (!origin) {
      toBeResult.set(step.id, { status: 'added', counterpartId: null, changes: [] });
      counts.added += 1;
      continue;
    }
    const changes = changedFields(origin, asIsLanes.get(origin.laneId), step, toBeLanes.get(step.laneId));
    const status: StepStatus =
      MANUAL_WORK.has(origin.type) && step.type === 'systemTask' ? 'automated' : changes.length > 0 ? 'changed' : 'unchanged';
    toBeResult.set(step.id, { status, counterpartId: origin.id, changes });
    counts[status] += 1;
    if (!asIsResult.has(origin.id)) asIsResult.set(origin.id, { status, counterpartId: step.id, changes });
  }
  for (const step of asIs.steps) {
    if (asIsResult.has(step.id)) continue;
    asIsResult.set(step.id, { status: 'removed', counterpartId: null, changes: [] });
    counts.removed += 1;
  }
  return { asIs: asIsResult, toBe: toBeResult, counts };
}
