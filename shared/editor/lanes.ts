import { nameProblem, normaliseName } from '../model/common';
import { newId, type LaneId } from '../model/ids';
import { laneSchema, type Lane, type LaneKind, type Step } from '../model/map';
import type { EditContext } from './editContext';
import { LANE_PADDING, placeInLane, snapUp, sortLanes, stepSize } from './geometry';
import { detachAnnotations } from '../capture/commands';
import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from './mapState';
import { deleteElements } from './steps';

/**
 * Lane colours: mid-tones, distinguishable from each other, that the canvas draws as the lane's
 * border and, faintly, as its fill, so dark text stays readable on every lane.
 */
export const LANE_TINTS = {
  blue: '#5b8fd0',
  green: '#4fa37a',
  orange: '#d08a3c',
  rose: '#d06a86',
  purple: '#8a6cc4',
  teal: '#45a5b0',
  gold: '#c2a03a',
  tan: '#b08968',
  slate: '#7f8a99',
} as const;

/** The order new lanes take the colours in. */
export const LANE_COLORS = Object.values(LANE_TINTS);

export type LaneChanges = Partial<Pick<Lane, 'name' | 'kind' | 'color'>>;

export type LaneDeletion = { readonly kind: 'moveSteps'; readonly toLaneId: LaneId } | { readonly kind: 'deleteSteps' };

const isLaneColor = (color: string) => laneSchema.shape.color.safeParse(color).success;

/**
 * A new lane below the others. A name that is empty or too long once normalised is refused:
 * the patch is empty and `laneId` names no lane.
 */
export function addLane(
  state: MapState,
  ctx: EditContext,
  request: { name: string; kind: LaneKind; color?: string },
): { patch: MapPatch; laneId: LaneId } {
  const laneId = newId('lane');
  const name = normaliseName(request.name);
  if (nameProblem(name) !== null || (request.color !== undefined && !isLaneColor(request.color))) return { patch: EMPTY_PATCH, laneId };
  const lanes = [...state.lanes.values()];
  const order = lanes.reduce((last, lane) => Math.max(last, lane.order), 0) + 1;
  const color = request.color ?? LANE_COLORS[lanes.length % LANE_COLORS.length] ?? LANE_TINTS.blue;
  const lane: Lane = { id: laneId, workshopId: ctx.workshopId, mapId: ctx.mapId, name, kind: request.kind, color, order };
  return { patch: patch({ put: { lanes: [lane] } }), laneId };
}

/** Renames, re-kinds or recolours a lane; an invalid name or colour, or no change at all, gives an empty patch. */
export function updateLane(state: MapState, laneId: LaneId, changes: LaneChanges): MapPatch {
  const lane = state.lanes.get(laneId);
  if (!lane) return EMPTY_PATCH;
  const name = changes.name === undefined ? lane.name : normaliseName(changes.name);
  if (nameProblem(name) !== null) return EMPTY_PATCH;
  const color = changes.color ?? lane.color;
  if (!isLaneColor(color)) return EMPTY_PATCH;
  const kind = changes.kind ?? lane.kind;
  if (name === lane.name && kind === lane.kind && color === lane.color) return EMPTY_PATCH;
  return patch({ put: { lanes: [{ ...lane, name, kind, color }] } });
}

/** Moves a lane to a display position (0 = top, clamped); lanes are renumbered 1..n and only the ones whose order changes are written. */
export function moveLane(state: MapState, laneId: LaneId, toIndex: number): MapPatch {
  const lanes = sortLanes(state.lanes.values());
  const from = lanes.findIndex((lane) => lane.id === laneId);
  const moving = lanes[from];
  if (!moving || !Number.isInteger(toIndex)) return EMPTY_PATCH;
  const to = Math.min(Math.max(toIndex, 0), lanes.length - 1);
  if (to === from) return EMPTY_PATCH;
  const reordered = lanes.filter((lane) => lane.id !== laneId);
  reordered.splice(to, 0, moving);
  const changed = reordered.flatMap((lane, index) => (lane.order === index + 1 ? [] : [{ ...lane, order: index + 1 }]));
  return patch({ put: { lanes: changed } });
}

/** The lowest edge of the steps, relative to their lane; 0 when there are none. */
function bottomOf(steps: readonly Step[]): number {
  return steps.reduce((bottom, step) => Math.max(bottom, step.position.y + stepSize(step.type).height), 0);
}

/**
 * Deletes a lane. Its steps either move to another lane — below that lane's steps, keeping
 * their arrangement, with their connections — or are deleted with every connection touching
 * them. Steps are never lost silently: a lane with steps and no valid target is not deleted.
 */
export function deleteLane(state: MapState, laneId: LaneId, disposition: LaneDeletion): MapPatch {
  if (!state.lanes.has(laneId)) return EMPTY_PATCH;
  const all = [...state.steps.values()];
  const leaving = all.filter((step) => step.laneId === laneId);
  const laneRemoval = combinePatches(patch({ remove: { lanes: [laneId] } }), detachAnnotations(state, { laneIds: [laneId] }));
  if (leaving.length === 0) return laneRemoval;

  if (disposition.kind === 'deleteSteps') {
    return combinePatches(laneRemoval, deleteElements(state, { stepIds: leaving.map((step) => step.id), connectionIds: [] }));
  }

  const target = disposition.toLaneId;
  if (target === laneId || !state.lanes.has(target)) return EMPTY_PATCH;
  const staying = all.filter((step) => step.laneId === target);
  const top = Math.min(...leaving.map((step) => step.position.y));
  // One offset for all, so the moved steps keep their arrangement relative to each other.
  const shift = staying.length === 0 ? 0 : snapUp(bottomOf(staying) + LANE_PADDING - top);
  const moved = leaving.map((step) => ({
    ...step,
    laneId: target,
    position: placeInLane({ x: step.position.x, y: step.position.y + shift }),
  }));
  return combinePatches(laneRemoval, patch({ put: { steps: moved } }));
}
