import type { Connection, Lane, Step } from '../model/map';
import type { ConnectionId, LaneId, StepId } from '../model/ids';

/**
 * The records of one map, keyed by id. Editing commands read a MapState and return a
 * MapPatch — the rows to write and the ids to delete — which is both the database write
 * (one small transaction) and, inverted, the undo step.
 */
export interface MapState {
  readonly lanes: ReadonlyMap<LaneId, Lane>;
  readonly steps: ReadonlyMap<StepId, Step>;
  readonly connections: ReadonlyMap<ConnectionId, Connection>;
}

export interface MapRecords {
  readonly lanes: readonly Lane[];
  readonly steps: readonly Step[];
  readonly connections: readonly Connection[];
}

export interface MapPatch {
  readonly put: { readonly lanes: readonly Lane[]; readonly steps: readonly Step[]; readonly connections: readonly Connection[] };
  readonly remove: { readonly lanes: readonly LaneId[]; readonly steps: readonly StepId[]; readonly connections: readonly ConnectionId[] };
}

export const EMPTY_PATCH: MapPatch = {
  put: { lanes: [], steps: [], connections: [] },
  remove: { lanes: [], steps: [], connections: [] },
};

export function mapStateOf(records: MapRecords): MapState {
  return {
    lanes: new Map(records.lanes.map((lane) => [lane.id, lane])),
    steps: new Map(records.steps.map((step) => [step.id, step])),
    connections: new Map(records.connections.map((connection) => [connection.id, connection])),
  };
}

export function recordsOf(state: MapState): MapRecords {
  return { lanes: [...state.lanes.values()], steps: [...state.steps.values()], connections: [...state.connections.values()] };
}

export function patch(parts: {
  put?: Partial<MapPatch['put']>;
  remove?: Partial<MapPatch['remove']>;
}): MapPatch {
  return {
    put: { lanes: parts.put?.lanes ?? [], steps: parts.put?.steps ?? [], connections: parts.put?.connections ?? [] },
    remove: { lanes: parts.remove?.lanes ?? [], steps: parts.remove?.steps ?? [], connections: parts.remove?.connections ?? [] },
  };
}

export function isEmptyPatch(change: MapPatch): boolean {
  return (
    change.put.lanes.length + change.put.steps.length + change.put.connections.length +
      change.remove.lanes.length + change.remove.steps.length + change.remove.connections.length ===
    0
  );
}

function applyTo<K, V extends { id: K }>(current: ReadonlyMap<K, V>, put: readonly V[], remove: readonly K[]): ReadonlyMap<K, V> {
  if (put.length === 0 && remove.length === 0) return current;
  const next = new Map(current);
  for (const id of remove) next.delete(id);
  for (const record of put) next.set(record.id, record);
  return next;
}

/** The state after the patch: removals first, then puts. Unchanged collections keep their identity. */
export function applyPatch(state: MapState, change: MapPatch): MapState {
  return {
    lanes: applyTo(state.lanes, change.put.lanes, change.remove.lanes),
    steps: applyTo(state.steps, change.put.steps, change.remove.steps),
    connections: applyTo(state.connections, change.put.connections, change.remove.connections),
  };
}

function invertCollection<K, V extends { id: K }>(
  before: ReadonlyMap<K, V>,
  put: readonly V[],
  remove: readonly K[],
): { put: V[]; remove: K[] } {
  const inversePut: V[] = [];
  const inverseRemove: K[] = [];
  const seen = new Set<K>();
  for (const record of put) {
    seen.add(record.id);
    const previous = before.get(record.id);
    if (previous) inversePut.push(previous);
    else inverseRemove.push(record.id);
  }
  for (const id of remove) {
    if (seen.has(id)) continue;
    const previous = before.get(id);
    if (previous) inversePut.push(previous);
  }
  return { put: inversePut, remove: inverseRemove };
}

/** The patch that takes the state after `change` back to `before`: the undo of `change`. */
export function invertPatch(before: MapState, change: MapPatch): MapPatch {
  const lanes = invertCollection(before.lanes, change.put.lanes, change.remove.lanes);
  const steps = invertCollection(before.steps, change.put.steps, change.remove.steps);
  const connections = invertCollection(before.connections, change.put.connections, change.remove.connections);
  return {
    put: { lanes: lanes.put, steps: steps.put, connections: connections.put },
    remove: { lanes: lanes.remove, steps: steps.remove, connections: connections.remove },
  };
}
