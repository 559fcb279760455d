import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { LaneId } from '../model/ids';
import type { Step } from '../model/map';
import { GRID, LANE_HEADER_WIDTH, LANE_PADDING, snap, snapUp, STEP_GAP, stepSize } from './geometry';
import { EMPTY_PATCH, patch, type MapPatch, type MapState } from './mapState';

/** Vertical space between sub-rows of a lane. */
const ROW_GAP = GRID * 3;

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(STEP_GAP),
  'elk.spacing.nodeNode': String(GRID * 2),
  'elk.randomSeed': '1',
  // A flow is read from its start: a connection back to a step already reached is the rework loop (差戻し).
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Orders the flow left to right with ELK's layered algorithm, on the steps and the sequence
 * connections. Only ELK's horizontal positions are used: every step stays in its lane, at the
 * lane's top padding, and steps of one lane whose extents would overlap are stacked in
 * sub-rows, each step centred on its row so arrows between same-sized rows run straight.
 * Input is sorted by id first, so the same map always gives the same layout.
 */
export async function autoLayout(state: MapState, elk: ELK): Promise<MapPatch> {
  const steps = [...state.steps.values()].filter((step) => state.lanes.has(step.laneId)).sort(byId);
  if (steps.length === 0) return EMPTY_PATCH;
  const placed = new Set<string>(steps.map((step) => step.id));
  const edges = [...state.connections.values()]
    .filter((c) => c.kind === 'sequence' && placed.has(c.sourceStepId) && placed.has(c.targetStepId))
    .sort(byId)
    .map((c) => ({ id: c.id, sources: [c.sourceStepId], targets: [c.targetStepId] }));
  const graph: ElkNode = {
    id: 'map',
    layoutOptions: LAYOUT_OPTIONS,
    children: steps.map((step) => ({ id: step.id, ...stepSize(step.type) })),
    edges,
  };
  const result = await elk.layout(graph);
  const layerX = new Map((result.children ?? []).map((node) => [node.id, node.x ?? 0]));

  const byLane = new Map<LaneId, Step[]>();
  for (const step of steps) {
    const laneSteps = byLane.get(step.laneId);
    if (laneSteps) laneSteps.push(step);
    else byLane.set(step.laneId, [step]);
  }
  const moved: Step[] = [];
  for (const laneSteps of byLane.values()) {
    for (const [step, position] of arrangeLane(laneSteps, (step) => snap(LANE_HEADER_WIDTH + LANE_PADDING + (layerX.get(step.id) ?? 0)))) {
      if (position.x !== step.position.x || position.y !== step.position.y) moved.push({ ...step, position });
    }
  }
  return moved.length === 0 ? EMPTY_PATCH : patch({ put: { steps: moved } });
}

/** Packs a lane's steps into as few sub-rows as keep them from overlapping, first row at the lane's top padding. */
function arrangeLane(steps: readonly Step[], xOf: (step: Step) => number): Map<Step, { x: number; y: number }> {
  const rows: { right: number; height: number; steps: { step: Step; x: number }[] }[] = [];
  const byX = steps.map((step) => ({ step, x: xOf(step) })).sort((a, b) => a.x - b.x || byId(a.step, b.step));
  for (const item of byX) {
    const size = stepSize(item.step.type);
    const row = rows.find((candidate) => candidate.right <= item.x);
    if (row) {
      row.right = item.x + size.width;
      row.height = Math.max(row.height, size.height);
      row.steps.push(item);
    } else {
      rows.push({ right: item.x + size.width, height: size.height, steps: [item] });
    }
  }
  const positions = new Map<Step, { x: number; y: number }>();
  let top = LANE_PADDING;
  for (const row of rows) {
    for (const { step, x } of row.steps) positions.set(step, { x, y: top + snap((row.height - stepSize(step.type).height) / 2) });
    top = snapUp(top + row.height + ROW_GAP);
  }
  return positions;
}
