import type { Box, Size } from '../editor/geometry';

/**
 * Plane geometry for BPMN DI: where shapes go and how edges run between them. Coordinates are
 * absolute on the BPMN plane.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** bpmn-js and Camunda Modeler draw a participant's name in a band this wide, left of its lanes. */
export const POOL_HEADER_WIDTH = 30;
/** Free space between the plane's origin and the diagram. */
export const PLANE_MARGIN = 40;

export const ANNOTATION_SIZE: Size = { width: 200, height: 60 };
const ANNOTATION_GAP = 20;
/** How far below two shapes of one row a flow back to the left runs. */
const DETOUR = 20;

export const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** A box of `size` with the same centre as `box`. */
export const centredIn = (box: Box, size: Size): Box => {
  const middle = centre(box);
  return { x: middle.x - size.width / 2, y: middle.y - size.height / 2, ...size };
};

/**
 * Orthogonal waypoints from one shape's border to another's, leaving and entering at the middle
 * of a side (where a circle or a diamond touches its bounds too): forward to the right; back to
 * the left round the top or bottom (under both shapes when they share a row); straight up or
 * down when the shapes share columns.
 */
export function route(source: Box, target: Box): Point[] {
  const from = centre(source);
  const to = centre(target);
  const sourceRight = source.x + source.width;
  const targetRight = target.x + target.width;
  if (target.x >= sourceRight) {
    const midX = (sourceRight + target.x) / 2;
    return withoutRepeats([{ x: sourceRight, y: from.y }, { x: midX, y: from.y }, { x: midX, y: to.y }, { x: target.x, y: to.y }]);
  }
  const down = to.y >= from.y;
  const leave = { x: from.x, y: down ? source.y + source.height : source.y };
  if (targetRight <= source.x) {
    if (to.y !== from.y) return withoutRepeats([leave, { x: from.x, y: to.y }, { x: targetRight, y: to.y }]);
    const under = Math.max(source.y + source.height, target.y + target.height) + DETOUR;
    return [leave, { x: from.x, y: under }, { x: to.x, y: under }, { x: to.x, y: target.y + target.height }];
  }
  const enter = { x: to.x, y: down ? target.y : target.y + target.height };
  const midY = (leave.y + enter.y) / 2;
  return withoutRepeats([leave, { x: leave.x, y: midY }, { x: enter.x, y: midY }, enter]);
}

/** Drops a point equal to the one before it and a middle point on a straight line; keeps two at least. */
function withoutRepeats(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last && last.x === point.x && last.y === point.y) continue;
    const beforeLast = kept[kept.length - 2];
    if (last && beforeLast && ((beforeLast.x === last.x && last.x === point.x) || (beforeLast.y === last.y && last.y === point.y))) {
      kept[kept.length - 1] = point;
      continue;
    }
    kept.push(point);
  }
  // Touching shapes can collapse a route to one point; an edge still needs two.
  const first = points[0];
  return kept.length >= 2 || !first ? kept : [first, first];
}

/** The middle of a polyline's middle segment: where an annotation of a flow attaches. */
export function midpoint(points: readonly Point[]): Point {
  const index = Math.max(0, Math.floor((points.length - 1) / 2));
  const a = points[index];
  const b = points[index + 1] ?? a;
  if (!a || !b) return { x: 0, y: 0 };
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Text annotations go in rows above the pool, each centred over what it is about when there is
 * room, so association lines run up from the steps without crossing other annotations.
 * Returns each annotation's box relative to the pool's top edge (negative y) and the band height.
 */
export function placeAnnotations(anchorsX: readonly number[], minX: number): { boxes: Box[]; bandHeight: number } {
  const rowRightEdges: number[] = [];
  const placed = anchorsX
    .map((anchor, index) => ({ anchor, index }))
    .sort((a, b) => a.anchor - b.anchor || a.index - b.index)
    .map(({ anchor, index }) => {
      const x = Math.max(minX, anchor - ANNOTATION_SIZE.width / 2);
      let row = rowRightEdges.findIndex((right) => right + ANNOTATION_GAP <= x);
      if (row === -1) row = rowRightEdges.push(x + ANNOTATION_SIZE.width) - 1;
      else rowRightEdges[row] = x + ANNOTATION_SIZE.width;
      return { index, box: { x, y: -(row + 1) * (ANNOTATION_SIZE.height + ANNOTATION_GAP), ...ANNOTATION_SIZE } };
    })
    .sort((a, b) => a.index - b.index);
  return { boxes: placed.map(({ box }) => box), bandHeight: rowRightEdges.length * (ANNOTATION_SIZE.height + ANNOTATION_GAP) };
}
