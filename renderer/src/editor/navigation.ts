import { stepSize, type LaneLayout } from '../../../shared/editor/geometry';
import type { MapState } from '../../../shared/editor/mapState';
import type { Step, StepId } from '../../../shared/model';

export type Direction = 'left' | 'right' | 'up' | 'down';

export function absoluteCentre(step: Step, layout: LaneLayout): { x: number; y: number } {
  const size = stepSize(step.type);
  return { x: step.position.x + size.width / 2, y: (layout.byId.get(step.laneId)?.y ?? 0) + step.position.y + size.height / 2 };
}

/**
 * The step an arrow key moves the selection to: the nearest one whose centre lies in that
 * direction, preferring steps straight ahead over ones far off to the side.
 */
export function neighbourInDirection(model: MapState, layout: LaneLayout, fromId: StepId, direction: Direction): StepId | null {
  const from = model.steps.get(fromId);
  if (!from) return null;
  const origin = absoluteCentre(from, layout);
  let best: { id: StepId; score: number } | null = null;
  for (const step of model.steps.values()) {
    if (step.id === fromId) continue;
    const centre = absoluteCentre(step, layout);
    const dx = centre.x - origin.x;
    const dy = centre.y - origin.y;
    const ahead = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const aside = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    const score = ahead + aside * 2;
    if (!best || score < best.score) best = { id: step.id, score };
  }
  return best?.id ?? null;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
