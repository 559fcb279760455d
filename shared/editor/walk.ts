import type { StepId } from '../model/ids';
import type { Step } from '../model/map';
import { layoutLanes, stepBox } from './geometry';
import type { MapState } from './mapState';

/**
 * The order a guided walk visits the steps: along the sequence flows from the start events
 * (breadth first, branches in left-to-right order), then any step the flows do not reach,
 * left to right and top to bottom — so every step is visited once.
 */
export function walkOrder(state: MapState): StepId[] {
  const layout = layoutLanes(state.lanes.values(), state.steps.values());
  const placed = (step: Step) => stepBox(step, layout);
  const byPlace = (a: Step, b: Step) => placed(a).x - placed(b).x || placed(a).y - placed(b).y || a.id.localeCompare(b.id);
  const next = new Map<StepId, Step[]>();
  for (const connection of state.connections.values()) {
    const target = state.steps.get(connection.targetStepId);
    if (connection.kind !== 'sequence' || !target) continue;
    next.set(connection.sourceStepId, [...(next.get(connection.sourceStepId) ?? []), target]);
  }
  const steps = [...state.steps.values()].sort(byPlace);
  const order: StepId[] = [];
  const seen = new Set<StepId>();
  const queue: Step[] = [];
  const visit = (start: Step) => {
    queue.push(start);
    while (queue.length > 0) {
      const step = queue.shift() as Step;
      if (seen.has(step.id)) continue;
      seen.add(step.id);
      order.push(step.id);
      queue.push(...(next.get(step.id) ?? []).sort(byPlace));
    }
  };
  for (const step of steps.filter((candidate) => candidate.type === 'start')) visit(step);
  for (const step of steps) if (!seen.has(step.id)) visit(step);
  return order;
}
