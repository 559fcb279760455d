import { newId, type ConnectionId, type StepId } from '../model/ids';
import { connectionSchema, type Connection, type ConnectionKind } from '../model/map';
import type { EditContext } from './editContext';
import { EMPTY_PATCH, patch, type MapPatch, type MapState } from './mapState';

/** A master (data store) is read or written, not passed through: lines to it carry data. */
export function defaultConnectionKind(state: MapState, sourceStepId: StepId, targetStepId: StepId): ConnectionKind {
  const touchesMaster = [sourceStepId, targetStepId].some((id) => state.steps.get(id)?.type === 'master');
  return touchesMaster ? 'data' : 'sequence';
}

/** Whether a connection with these ends and kind may exist: both steps known, not a loop, not a duplicate of another. */
function isAllowed(state: MapState, candidate: Omit<Connection, 'id' | 'workshopId' | 'mapId' | 'label'>, except?: ConnectionId): boolean {
  if (candidate.sourceStepId === candidate.targetStepId) return false;
  if (!state.steps.has(candidate.sourceStepId) || !state.steps.has(candidate.targetStepId)) return false;
  for (const other of state.connections.values()) {
    if (
      other.id !== except &&
      other.sourceStepId === candidate.sourceStepId &&
      other.targetStepId === candidate.targetStepId &&
      other.kind === candidate.kind
    ) {
      return false;
    }
  }
  return true;
}

/** Connects two steps. A loop onto one step, an unknown step or an exact duplicate is refused (`connectionId` null). */
export function connect(
  state: MapState,
  ctx: EditContext,
  request: { sourceStepId: StepId; targetStepId: StepId; kind?: ConnectionKind; label?: string },
): { patch: MapPatch; connectionId: ConnectionId | null } {
  const connection: Connection = {
    id: newId('connection'),
    workshopId: ctx.workshopId,
    mapId: ctx.mapId,
    kind: request.kind ?? defaultConnectionKind(state, request.sourceStepId, request.targetStepId),
    sourceStepId: request.sourceStepId,
    targetStepId: request.targetStepId,
    label: request.label ?? '',
  };
  if (!isAllowed(state, connection) || !connectionSchema.safeParse(connection).success) return { patch: EMPTY_PATCH, connectionId: null };
  return { patch: patch({ put: { connections: [connection] } }), connectionId: connection.id };
}

function replaceConnection(state: MapState, current: Connection, updated: Connection): MapPatch {
  const unchanged =
    updated.kind === current.kind &&
    updated.label === current.label &&
    updated.sourceStepId === current.sourceStepId &&
    updated.targetStepId === current.targetStepId;
  if (unchanged || !isAllowed(state, updated, current.id) || !connectionSchema.safeParse(updated).success) return EMPTY_PATCH;
  return patch({ put: { connections: [updated] } });
}

/** Relabels a connection or changes its kind; a change that would duplicate another connection is refused. */
export function updateConnection(state: MapState, connectionId: ConnectionId, changes: { label?: string; kind?: ConnectionKind }): MapPatch {
  const current = state.connections.get(connectionId);
  if (!current) return EMPTY_PATCH;
  return replaceConnection(state, current, { ...current, label: changes.label ?? current.label, kind: changes.kind ?? current.kind });
}

/** Moves either end of a connection to another step, under the same rules as `connect`. */
export function reconnect(state: MapState, connectionId: ConnectionId, ends: { sourceStepId?: StepId; targetStepId?: StepId }): MapPatch {
  const current = state.connections.get(connectionId);
  if (!current) return EMPTY_PATCH;
  return replaceConnection(state, current, {
    ...current,
    sourceStepId: ends.sourceStepId ?? current.sourceStepId,
    targetStepId: ends.targetStepId ?? current.targetStepId,
  });
}
