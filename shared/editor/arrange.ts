import type { StepId } from '../model/ids';
import { layoutLanes, stepBox, type Box } from './geometry';
import { EMPTY_PATCH, type MapPatch, type MapState } from './mapState';
import { dropSteps } from './steps';

export type AlignEdge = 'left' | 'centerX' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

function selectedBoxes(state: MapState, stepIds: readonly StepId[]): { stepId: StepId; box: Box }[] {
  const layout = layoutLanes(state.lanes.values(), state.steps.values());
  return [...new Set(stepIds)].flatMap((stepId) => {
    const step = state.steps.get(stepId);
    return step ? [{ stepId, box: stepBox(step, layout) }] : [];
  });
}

/**
 * Lines steps up on an edge or centre of their common bounding box, in absolute coordinates.
 * Steps then land like a drop, so a step aligned into another lane's band joins that lane.
 */
export function alignSteps(state: MapState, stepIds: readonly StepId[], edge: AlignEdge): MapPatch {
  const selected = selectedBoxes(state, stepIds);
  if (selected.length < 2) return EMPTY_PATCH;
  const boxes = selected.map(({ box }) => box);
  const left = Math.min(...boxes.map((box) => box.x));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const top = Math.min(...boxes.map((box) => box.y));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  const aligned = (box: Box): { x: number; y: number } => {
    switch (edge) {
      case 'left':
        return { x: left, y: box.y };
      case 'centerX':
        return { x: (left + right) / 2 - box.width / 2, y: box.y };
      case 'right':
        return { x: right - box.width, y: box.y };
      case 'top':
        return { x: box.x, y: top };
      case 'middle':
        return { x: box.x, y: (top + bottom) / 2 - box.height / 2 };
      case 'bottom':
        return { x: box.x, y: bottom - box.height };
    }
  };
  return dropSteps(state, selected.map(({ stepId, box }) => ({ stepId, absolute: aligned(box) })));
}

/**
 * Spaces three or more steps so the gaps between neighbouring edges are equal along the axis;
 * the first and last stay where they are. Steps land like a drop (vertical spacing may cross lanes).
 */
export function distributeSteps(state: MapState, stepIds: readonly StepId[], axis: DistributeAxis): MapPatch {
  const selected = selectedBoxes(state, stepIds);
  if (selected.length < 3) return EMPTY_PATCH;
  const start = (box: Box) => (axis === 'horizontal' ? box.x : box.y);
  const length = (box: Box) => (axis === 'horizontal' ? box.width : box.height);
  const ordered = [...selected].sort(
    (a, b) => start(a.box) + length(a.box) / 2 - (start(b.box) + length(b.box) / 2) || (a.stepId < b.stepId ? -1 : 1),
  );
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (!first || !last) return EMPTY_PATCH;
  const span = start(last.box) + length(last.box) - start(first.box);
  const gap = (span - ordered.reduce((sum, { box }) => sum + length(box), 0)) / (ordered.length - 1);
  let next = start(first.box) + length(first.box) + gap;
  const drops = ordered.slice(1, -1).map(({ stepId, box }) => {
    const at = next;
    next += length(box) + gap;
    return { stepId, absolute: axis === 'horizontal' ? { x: at, y: box.y } : { x: box.x, y: at } };
  });
  return dropSteps(state, drops);
}
