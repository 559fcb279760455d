import { newId, type ConnectionId, type LaneId, type StepId } from '../model/ids';
import { stepSchema, type Connection, type Step, type StepType } from '../model/map';
import type { EditContext } from './editContext';
import { boxesOverlap, laneAt, layoutLanes, placeInLane, snap, snapUp, STEP_GAP, stepSize, type Box } from './geometry';
import { detachAnnotations } from '../capture/commands';
import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from './mapState';

type Position = { readonly x: number; readonly y: number };

/** What `updateStep` may change: everything but identity and the fork lineage. */
export type StepChanges = Partial<Omit<Step, 'id' | 'mapId' | 'workshopId' | 'originStepId'>>;

const CHANGEABLE: readonly (keyof StepChanges)[] = [
  'laneId',
  'type',
  'label',
  'position',
  'performers',
  'system',
  'tools',
  'frequency',
  'volume',
  'touchMinutes',
  'waitMinutes',
  'inputs',
  'outputs',
  'notes',
];

/** A step as it is first drawn: nothing known about it yet but its type and label. */
export function newStep(ctx: EditContext, fields: { laneId: LaneId; type: StepType; label: string; position: Position }): Step {
  return {
    id: newId('step'),
    workshopId: ctx.workshopId,
    mapId: ctx.mapId,
    laneId: fields.laneId,
    type: fields.type,
    label: fields.label,
    position: placeInLane(fields.position),
    originStepId: null,
    performers: [],
    system: '',
    tools: [],
    frequency: null,
    volume: '',
    touchMinutes: null,
    waitMinutes: null,
    inputs: [],
    outputs: [],
    notes: '',
  };
}

/** Adds a step to a lane at a relative position (kept clear of the header, on the grid). An unknown lane or an over-long label gives an empty patch. */
export function addStep(
  state: MapState,
  ctx: EditContext,
  request: { laneId: LaneId; type: StepType; label: string; position: Position },
): { patch: MapPatch; stepId: StepId } {
  const step = newStep(ctx, request);
  if (!state.lanes.has(request.laneId) || !stepSchema.safeParse(step).success) return { patch: EMPTY_PATCH, stepId: step.id };
  return { patch: patch({ put: { steps: [step] } }), stepId: step.id };
}

function boxAt(position: Position, type: StepType): Box {
  return { ...position, ...stepSize(type) };
}

/**
 * Tab: the next step in the same lane, to the right of `stepId` and vertically centred on it,
 * pushed further right past any step of the lane it would cover, joined by a sequence
 * connection. An unknown step gives an empty patch (and ids that name nothing).
 */
export function addStepAfter(
  state: MapState,
  ctx: EditContext,
  stepId: StepId,
  request: { type?: StepType; label?: string },
): { patch: MapPatch; stepId: StepId; connectionId: ConnectionId } {
  const type = request.type ?? 'manualTask';
  const previous = state.steps.get(stepId);
  if (!previous) return { patch: EMPTY_PATCH, stepId: newId('step'), connectionId: newId('connection') };
  const before = stepSize(previous.type);
  const size = stepSize(type);
  const neighbours = [...state.steps.values()]
    .filter((step) => step.laneId === previous.laneId)
    .map((step) => boxAt(step.position, step.type));
  let position = placeInLane({
    x: snapUp(previous.position.x + before.width + STEP_GAP),
    y: snap(previous.position.y + before.height / 2 - size.height / 2),
  });
  for (let covered = neighbours.find((box) => boxesOverlap(box, boxAt(position, type))); covered; ) {
    position = { x: snapUp(covered.x + covered.width + STEP_GAP), y: position.y };
    covered = neighbours.find((box) => boxesOverlap(box, boxAt(position, type)));
  }
  const step = newStep(ctx, { laneId: previous.laneId, type, label: request.label ?? '', position });
  if (!stepSchema.safeParse(step).success) return { patch: EMPTY_PATCH, stepId: step.id, connectionId: newId('connection') };
  const connection: Connection = {
    id: newId('connection'),
    workshopId: ctx.workshopId,
    mapId: ctx.mapId,
    kind: 'sequence',
    sourceStepId: previous.id,
    targetStepId: step.id,
    label: '',
  };
  return { patch: patch({ put: { steps: [step], connections: [connection] } }), stepId: step.id, connectionId: connection.id };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Changes a step's label, type, lane, position or attributes. Identity and lineage fields in
 * `changes` are ignored. An unknown step or lane, a change the step schema refuses (so the row
 * would be dropped when read back), or no actual change gives an empty patch.
 */
export function updateStep(state: MapState, stepId: StepId, changes: StepChanges): MapPatch {
  const step = state.steps.get(stepId);
  if (!step) return EMPTY_PATCH;
  if (changes.laneId !== undefined && !state.lanes.has(changes.laneId)) return EMPTY_PATCH;
  const given = Object.fromEntries(CHANGEABLE.filter((key) => changes[key] !== undefined).map((key) => [key, changes[key]])) as StepChanges;
  const updated: Step = { ...step, ...given, position: changes.position ? placeInLane(changes.position) : step.position };
  if (CHANGEABLE.every((key) => sameValue(updated[key], step[key])) || !stepSchema.safeParse(updated).success) return EMPTY_PATCH;
  return patch({ put: { steps: [updated] } });
}

/** Moves steps within their lanes to new relative positions (clamped, snapped); unknown steps are skipped. */
export function moveSteps(state: MapState, moves: readonly { stepId: StepId; position: Position }[]): MapPatch {
  const moved = new Map<StepId, Step>();
  for (const { stepId, position } of moves) {
    const step = state.steps.get(stepId);
    if (!step) continue;
    const placed = placeInLane(position);
    if (placed.x !== step.position.x || placed.y !== step.position.y) moved.set(stepId, { ...step, position: placed });
  }
  return moved.size === 0 ? EMPTY_PATCH : patch({ put: { steps: [...moved.values()] } });
}

/**
 * Ends a drag: each step goes to the lane under its vertical centre (lanes as they were before
 * the drop) at the matching relative position. This is how a step is dragged into another lane.
 */
export function dropSteps(state: MapState, drops: readonly { stepId: StepId; absolute: Position }[]): MapPatch {
  const layout = layoutLanes(state.lanes.values(), state.steps.values());
  const dropped = new Map<StepId, Step>();
  for (const { stepId, absolute } of drops) {
    const step = state.steps.get(stepId);
    if (!step) continue;
    const lane = laneAt(layout, absolute.y + stepSize(step.type).height / 2);
    if (!lane) continue;
    const position = placeInLane({ x: absolute.x, y: absolute.y - lane.y });
    if (lane.lane.id !== step.laneId || position.x !== step.position.x || position.y !== step.position.y) {
      dropped.set(stepId, { ...step, laneId: lane.lane.id, position });
    }
  }
  return dropped.size === 0 ? EMPTY_PATCH : patch({ put: { steps: [...dropped.values()] } });
}

/** Deletes steps with every connection touching them, and the listed connections, with what was noted on them; unknown ids are skipped. */
export function deleteElements(
  state: MapState,
  elements: { stepIds: readonly StepId[]; connectionIds: readonly ConnectionId[] },
): MapPatch {
  const steps = new Set(elements.stepIds.filter((id) => state.steps.has(id)));
  const connections = new Set(elements.connectionIds.filter((id) => state.connections.has(id)));
  for (const connection of state.connections.values()) {
    if (steps.has(connection.sourceStepId) || steps.has(connection.targetStepId)) connections.add(connection.id);
  }
  if (steps.size === 0 && connections.size === 0) return EMPTY_PATCH;
  return combinePatches(
    patch({ remove: { steps: [...steps], connections: [...connections] } }),
    detachAnnotations(state, { stepIds: steps, connectionIds: connections }),
  );
}
