import { stepBox, stepSize, type Box, type LaneLayout } from '../editor/geometry';
import type { Step } from '../model/map';

/**
 * How a connection runs in a drawing of a map: which sides of its steps it leaves and enters
 * by (as the editor draws it), and orthogonal waypoints between them.
 */

export type Side = 'top' | 'right' | 'bottom' | 'left';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** How far a route runs straight out of a side before it turns. */
const STUB = 20;

function centreOf(step: Step, layout: LaneLayout): Point {
  const size = stepSize(step.type);
  const laneY = layout.byId.get(step.laneId)?.y ?? 0;
  return { x: step.position.x + size.width / 2, y: laneY + step.position.y + size.height / 2 };
}

/** Which sides a connection leaves and enters by: across lanes vertically, along a lane horizontally. */
export function connectionSides(source: Step, target: Step, layout: LaneLayout): { from: Side; to: Side } {
  const a = centreOf(source, layout);
  const b = centreOf(target, layout);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (source.laneId !== target.laneId && Math.abs(dy) > Math.abs(dx) * 0.5) {
    return dy > 0 ? { from: 'bottom', to: 'top' } : { from: 'top', to: 'bottom' };
  }
  return dx >= 0 ? { from: 'right', to: 'left' } : { from: 'left', to: 'right' };
}

/** The middle of a side of a box: where a circle or a diamond touches its bounds too. */
function anchor(box: Box, side: Side): Point {
  switch (side) {
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
  }
}

const outward = (point: Point, side: Side, distance: number): Point =>
  side === 'top'
    ? { x: point.x, y: point.y - distance }
    : side === 'bottom'
      ? { x: point.x, y: point.y + distance }
      : side === 'left'
        ? { x: point.x - distance, y: point.y }
        : { x: point.x + distance, y: point.y };

/** Swaps x and y, so one routine routes both horizontal and vertical connections. */
const flip = (point: Point): Point => ({ x: point.y, y: point.x });
const flipBox = (box: Box): Box => ({ x: box.y, y: box.x, width: box.height, height: box.width });

/** Routes a connection leaving `source` rightwards (`forward`) or leftwards into `target`'s opposite side. */
function routeAlongX(source: Box, target: Box, forward: boolean): Point[] {
  const fromSide: Side = forward ? 'right' : 'left';
  const toSide: Side = forward ? 'left' : 'right';
  const start = anchor(source, fromSide);
  const end = anchor(target, toSide);
  const room = forward ? end.x - start.x : start.x - end.x;
  if (room >= 0) {
    if (start.y === end.y) return [start, end];
    const midX = (start.x + end.x) / 2;
    return [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
  }
  // The target is behind: out of the side, round above or below, back into the target's side.
  const out = outward(start, fromSide, STUB);
  const into = outward(end, toSide, STUB);
  const overlapY = source.y < target.y + target.height && target.y < source.y + source.height;
  const aroundY = overlapY ? Math.max(source.y + source.height, target.y + target.height) + STUB : (start.y + end.y) / 2;
  return [start, out, { x: out.x, y: aroundY }, { x: into.x, y: aroundY }, into, end];
}

/** Orthogonal waypoints of a connection from `source` to `target` leaving and entering by `sides`. */
export function routeBetween(source: Box, target: Box, sides: { from: Side; to: Side }): Point[] {
  if (sides.from === 'left' || sides.from === 'right') return routeAlongX(source, target, sides.from === 'right');
  return routeAlongX(flipBox(source), flipBox(target), sides.from === 'bottom').map(flip);
}

/** The waypoints of a connection between two steps of a laid-out map. */
export function connectionRoute(source: Step, target: Step, layout: LaneLayout): Point[] {
  return routeBetween(stepBox(source, layout), stepBox(target, layout), connectionSides(source, target, layout));
}

/** The middle of a polyline's middle segment: where its label goes. */
export function labelPoint(points: readonly Point[]): Point {
  const index = Math.max(0, Math.floor((points.length - 1) / 2));
  const a = points[index];
  const b = points[index + 1] ?? a;
  if (!a || !b) return { x: 0, y: 0 };
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
