import { z } from 'zod';
import { newId, type LaneId, type StepId } from '../model/ids';
import { connectionSchema, laneSchema, stepSchema, type Connection, type Lane, type Step } from '../model/map';
import type { EditContext } from './editContext';
import { GRID, placeInLane, sortLanes } from './geometry';
import { EMPTY_PATCH, patch, type MapPatch, type MapState } from './mapState';

/**
 * Copied steps as plain JSON, so they can also travel through the system clipboard and be
 * checked when read back. The lanes are carried for their names: pasted into another map,
 * steps go to the lane of the same name.
 */
export const mapClipboardSchema = z.object({
  type: z.literal('kakehashi-steps'),
  steps: z.array(stepSchema),
  connections: z.array(connectionSchema),
  lanes: z.array(laneSchema),
});
export type MapClipboard = z.infer<typeof mapClipboardSchema>;

/** The steps (in the order given), the connections between them, and their lanes. Unknown ids are skipped. */
export function copySteps(state: MapState, stepIds: readonly StepId[]): MapClipboard {
  const steps = [...new Set(stepIds)].flatMap((id) => state.steps.get(id) ?? []);
  const copied = new Set(steps.map((step) => step.id));
  const connections = [...state.connections.values()].filter((c) => copied.has(c.sourceStepId) && copied.has(c.targetStepId));
  const laneIds = new Set(steps.map((step) => step.laneId));
  const lanes = sortLanes(state.lanes.values()).filter((lane) => laneIds.has(lane.id));
  return structuredClone({ type: 'kakehashi-steps', steps, connections, lanes });
}

/** Where a pasted step goes: its own lane if this map has it, else a lane of the same name, else the top lane. */
function laneResolver(state: MapState, copiedLanes: readonly Lane[]): (laneId: LaneId) => LaneId | undefined {
  const lanes = sortLanes(state.lanes.values());
  const copiedNames = new Map(copiedLanes.map((lane) => [lane.id, lane.name]));
  return (laneId) => {
    if (state.lanes.has(laneId)) return laneId;
    const name = copiedNames.get(laneId);
    return (lanes.find((lane) => lane.name === name) ?? lanes[0])?.id;
  };
}

/**
 * Pastes copied steps, moved by `offset`, as new steps with new ids and the connections between
 * them. Pasted steps are new work, not forked from an As-Is step, so their lineage is cleared;
 * named participants are kept only within the workshop they belong to.
 */
export function pasteSteps(
  state: MapState,
  ctx: EditContext,
  clipboard: MapClipboard,
  options: { offset: { x: number; y: number } },
): { patch: MapPatch; stepIds: StepId[] } {
  const laneFor = laneResolver(state, clipboard.lanes);
  const newIds = new Map<StepId, StepId>();
  const steps: Step[] = [];
  for (const copied of structuredClone(clipboard.steps)) {
    const laneId = laneFor(copied.laneId);
    if (!laneId) return { patch: EMPTY_PATCH, stepIds: [] };
    const id = newId('step');
    newIds.set(copied.id, id);
    const sameWorkshop = copied.workshopId === ctx.workshopId;
    steps.push({
      ...copied,
      id,
      workshopId: ctx.workshopId,
      mapId: ctx.mapId,
      laneId,
      position: placeInLane({ x: copied.position.x + options.offset.x, y: copied.position.y + options.offset.y }),
      originStepId: null,
      performers: sameWorkshop ? copied.performers : copied.performers.filter((performer) => performer.kind === 'role'),
    });
  }
  const connections = clipboard.connections.flatMap((copied): Connection[] => {
    const sourceStepId = newIds.get(copied.sourceStepId);
    const targetStepId = newIds.get(copied.targetStepId);
    if (!sourceStepId || !targetStepId) return [];
    return [{ ...copied, id: newId('connection'), workshopId: ctx.workshopId, mapId: ctx.mapId, sourceStepId, targetStepId }];
  });
  if (steps.length === 0) return { patch: EMPTY_PATCH, stepIds: [] };
  return { patch: patch({ put: { steps, connections } }), stepIds: steps.map((step) => step.id) };
}

/** Ctrl/Cmd+D: a copy of the steps a little below and to the right. */
export function duplicateSteps(state: MapState, ctx: EditContext, stepIds: readonly StepId[]): { patch: MapPatch; stepIds: StepId[] } {
  return pasteSteps(state, ctx, copySteps(state, stepIds), { offset: { x: GRID * 3, y: GRID * 3 } });
}
