import type { Lane, Step, StepType } from '../model/map';
import type { LaneId } from '../model/ids';

/**
 * Canvas geometry shared by the editor, the pure commands, auto-layout, exports and the
 * benchmark. Lanes are stacked top to bottom; a step's position is relative to its lane's
 * top-left corner; lanes grow to fit their steps and all lanes share one width.
 */
export const GRID = 10;
/** The column at the left of a lane that shows its name. */
export const LANE_HEADER_WIDTH = 120;
export const LANE_PADDING = 30;
export const LANE_MIN_HEIGHT = 140;
export const LANE_MIN_WIDTH = 1400;
/** Horizontal gap between a step and the one Tab adds after it. */
export const STEP_GAP = 60;

export interface Size {
  readonly width: number;
  readonly height: number;
}

const STEP_SIZES: Readonly<Record<StepType, Size>> = {
  start: { width: 56, height: 56 },
  end: { width: 56, height: 56 },
  manualTask: { width: 160, height: 64 },
  systemTask: { width: 160, height: 64 },
  decision: { width: 110, height: 110 },
  approval: { width: 160, height: 64 },
  document: { width: 150, height: 72 },
  spreadsheet: { width: 160, height: 64 },
  master: { width: 140, height: 72 },
  handoff: { width: 140, height: 56 },
  external: { width: 160, height: 64 },
};

export function stepSize(type: StepType): Size {
  return STEP_SIZES[type];
}

export interface LaneBox {
  readonly lane: Lane;
  readonly y: number;
  readonly height: number;
}

export interface LaneLayout {
  /** Lanes in display order with their absolute top and height. */
  readonly lanes: readonly LaneBox[];
  readonly byId: ReadonlyMap<LaneId, LaneBox>;
  /** Common width of every lane. */
  readonly width: number;
  readonly height: number;
}

export function sortLanes(lanes: Iterable<Lane>): Lane[] {
  return [...lanes].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where every lane is, derived from the lanes' order and their steps' extents. */
export function layoutLanes(lanes: Iterable<Lane>, steps: Iterable<Step>): LaneLayout {
  const bottom = new Map<LaneId, number>();
  let right = LANE_MIN_WIDTH;
  for (const step of steps) {
    const size = stepSize(step.type);
    bottom.set(step.laneId, Math.max(bottom.get(step.laneId) ?? 0, step.position.y + size.height));
    right = Math.max(right, step.position.x + size.width + LANE_PADDING * 2);
  }
  const boxes: LaneBox[] = [];
  let y = 0;
  for (const lane of sortLanes(lanes)) {
    const height = Math.max(LANE_MIN_HEIGHT, (bottom.get(lane.id) ?? 0) + LANE_PADDING);
    boxes.push({ lane, y, height });
    y += height;
  }
  return { lanes: boxes, byId: new Map(boxes.map((box) => [box.lane.id, box])), width: Math.ceil(right / GRID) * GRID, height: y };
}

/** The lane whose band contains `y` (absolute); above the first → first, below the last → last. */
export function laneAt(layout: LaneLayout, y: number): LaneBox | undefined {
  const first = layout.lanes[0];
  if (!first || y < first.y) return first;
  return layout.lanes.find((box) => y >= box.y && y < box.y + box.height) ?? layout.lanes[layout.lanes.length - 1];
}

/** Keeps a step clear of the lane header and the lane's top edge. */
export function clampToLane(position: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.max(LANE_HEADER_WIDTH + GRID, position.x), y: Math.max(GRID, position.y) };
}

export const snap = (value: number): number => Math.round(value / GRID) * GRID;

/** The grid line at or after `value`: snapping that never closes a gap. */
export const snapUp = (value: number): number => Math.ceil(value / GRID) * GRID;

/** Where a step may sit in its lane: clear of the header and top edge, on the grid. */
export function placeInLane(position: { x: number; y: number }): { x: number; y: number } {
  const clamped = clampToLane(position);
  return { x: snap(clamped.x), y: snap(clamped.y) };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A step's absolute box on the canvas (a step of an unknown lane is placed as if in a lane at the top). */
export function stepBox(step: Step, layout: LaneLayout): Box {
  const size = stepSize(step.type);
  return { x: step.position.x, y: (layout.byId.get(step.laneId)?.y ?? 0) + step.position.y, ...size };
}

/** Whether two boxes share any area; boxes that only touch do not overlap. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
