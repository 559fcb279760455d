import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeAnnotations, route, ANNOTATION_SIZE, type Point } from '../../../shared/bpmn/diagram';
import type { Box } from '../../../shared/editor/geometry';

const box = fc.record({
  x: fc.integer({ min: 0, max: 2000 }),
  y: fc.integer({ min: 0, max: 1000 }),
  width: fc.integer({ min: 20, max: 200 }),
  height: fc.integer({ min: 20, max: 120 }),
});

const onBorder = (point: Point, b: Box) =>
  ((point.x === b.x || point.x === b.x + b.width) && point.y >= b.y && point.y <= b.y + b.height) ||
  ((point.y === b.y || point.y === b.y + b.height) && point.x >= b.x && point.x <= b.x + b.width);

describe('edge routing', () => {
  it('runs straight between two shapes of one row', () => {
    const source = { x: 100, y: 40, width: 160, height: 64 };
    const target = { x: 320, y: 40, width: 160, height: 64 };

    expect(route(source, target)).toEqual([{ x: 260, y: 72 }, { x: 320, y: 72 }]);
  });

  it('always gives at least two orthogonal waypoints, from the source’s border to the target’s', () => {
    fc.assert(
      fc.property(box, box, (source, target) => {
        const points = route(source, target);
        expect(points.length).toBeGreaterThanOrEqual(2);
        expect(onBorder(points[0]!, source)).toBe(true);
        expect(onBorder(points[points.length - 1]!, target)).toBe(true);
        points.slice(1).forEach((point, index) => {
          const before = points[index]!;
          expect(point.x === before.x || point.y === before.y).toBe(true);
        });
      }),
    );
  });
});

describe('annotation placement', () => {
  it('keeps annotations in rows above the pool without overlapping', () => {
    const { boxes, bandHeight } = placeAnnotations([300, 320, 900, 310], 120);

    expect(boxes.every((b) => b.y + b.height <= 0 && b.y >= -bandHeight)).toBe(true);
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(boxes[2]?.y).toBe(-(ANNOTATION_SIZE.height + 20));
  });
});
