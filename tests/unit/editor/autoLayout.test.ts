import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  autoLayout,
  boxesOverlap,
  LANE_HEADER_WIDTH,
  LANE_PADDING,
  layoutLanes,
  mapStateOf,
  moveSteps,
  patch,
  recordsOf,
  stepBox,
  type MapState,
} from '../../../shared/editor';
import { accountsPayable, canonical, connectionRecord, stepOf, stepRecord } from './apFlow';

const elk = new ELK();

/** The AP flow with every step piled up at the left of its lane, as a hurried workshop leaves it. */
function scrambled() {
  const flow = accountsPayable();
  const state = applyPatch(
    flow.state,
    moveSteps(
      flow.state,
      [...flow.state.steps.values()].map((step, index) => ({ stepId: step.id, position: { x: 200 + ((index * 37) % 90), y: 10 + ((index * 53) % 70) } })),
    ),
  );
  return { ...flow, state };
}

function expectNoOverlapWithinLanes(state: MapState) {
  const layout = layoutLanes(state.lanes.values(), state.steps.values());
  const steps = [...state.steps.values()];
  for (const a of steps) {
    for (const b of steps) {
      if (a.id !== b.id && a.laneId === b.laneId) expect(boxesOverlap(stepBox(a, layout), stepBox(b, layout)), `${a.label} / ${b.label}`).toBe(false);
    }
  }
}

describe('autoLayout', () => {
  it('orders the chain left to right, keeps every step in its lane and overlaps nothing', async () => {
    // given the AP flow scrambled at the left of its lanes
    const { state, steps } = scrambled();
    // when laid out
    const change = await autoLayout(state, elk);
    const after = applyPatch(state, change);
    // then the chain 請求書発行 → … → 支払データ作成 runs strictly left to right
    const chain = [steps.invoice, steps.receive, steps.request, steps.approve, steps.journal, steps.payment];
    const xs = chain.map((step) => stepOf(after, step.id).position.x);
    for (let i = 1; i < xs.length; i += 1) expect(xs[i]).toBeGreaterThan(xs[i - 1] ?? Infinity);
    // and no step changed lane, no lane was written, nothing sits in a lane header
    for (const step of after.steps.values()) {
      expect(step.laneId).toBe(stepOf(state, step.id).laneId);
      expect(step.position.x).toBeGreaterThanOrEqual(LANE_HEADER_WIDTH);
    }
    expect(change.put.lanes).toEqual([]);
    expect(Object.values(change.remove).every((ids) => ids.length === 0)).toBe(true);
    expectNoOverlapWithinLanes(after);
    // and the single row of 経理部 sits at the lane's top padding
    expect(stepOf(after, steps.receive.id).position.y).toBe(LANE_PADDING);
  });

  it('stacks steps of one lane that fall in the same column in sub-rows', async () => {
    // given 部門長承認 branching to two steps in 経理部: 仕訳入力 and 差戻し連絡
    const { ctx, state, lanes, steps } = scrambled();
    const notify = stepRecord(ctx, lanes.accounting, 'manualTask', '差戻し連絡', 200, 10);
    const branched = applyPatch(state, patch({ put: { steps: [notify], connections: [connectionRecord(ctx, steps.approve, notify)] } }));
    // when laid out
    const after = applyPatch(branched, await autoLayout(branched, elk));
    // then both branches are right of 部門長承認, in 経理部, one below the other without overlapping
    const [journal, rejected, approve] = [steps.journal.id, notify.id, steps.approve.id].map((id) => stepOf(after, id));
    expect(journal?.position.x).toBeGreaterThan(approve?.position.x ?? Infinity);
    expect(rejected?.position.x).toBeGreaterThan(approve?.position.x ?? Infinity);
    expect(rejected?.position.y).not.toBe(journal?.position.y);
    expectNoOverlapWithinLanes(after);
  });

  it('lays a rework loop (差戻し) out as a connection back, not as the way forward', async () => {
    // given 部門長承認 sending rejected requests back to 支払依頼書作成
    const { ctx, state, steps } = scrambled();
    const rejected = { ...connectionRecord(ctx, steps.approve, steps.request), label: '差戻し' };
    const looped = applyPatch(state, patch({ put: { connections: [rejected] } }));
    // when laid out
    const after = applyPatch(looped, await autoLayout(looped, elk));
    // then the flow still runs 請求書受領 → 支払依頼書作成 → 部門長承認 → 仕訳入力 left to right
    const xs = [steps.receive, steps.request, steps.approve, steps.journal].map((step) => stepOf(after, step.id).position.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('gives the same layout for the same map, whatever order the records come in', async () => {
    // given a flow where the loop's direction depends on where the walk through it starts:
    // a rework loop 部門長承認 → 支払依頼書作成, and a reminder from the vendor entering at 部門長承認
    const { ctx, state: scrambledState, steps, lanes } = scrambled();
    const reminder = stepRecord(ctx, lanes.vendor, 'external', '支払督促', 200, 10);
    const state = applyPatch(
      scrambledState,
      patch({
        put: {
          steps: [reminder],
          connections: [connectionRecord(ctx, steps.approve, steps.request), connectionRecord(ctx, reminder, steps.approve)],
        },
      }),
    );
    const records = recordsOf(state);
    const reversed = mapStateOf({ lanes: [...records.lanes].reverse(), steps: [...records.steps].reverse(), connections: [...records.connections].reverse() });
    const first = canonical(applyPatch(state, await autoLayout(state, elk)));
    const second = canonical(applyPatch(reversed, await autoLayout(reversed, elk)));
    expect(second).toEqual(first);
  });

  it('writes nothing for a map without steps, or one already laid out', async () => {
    const { state } = scrambled();
    const empty = mapStateOf({ lanes: [...state.lanes.values()], steps: [], connections: [] });
    expect((await autoLayout(empty, elk)).put.steps).toEqual([]);
    const laidOut = applyPatch(state, await autoLayout(state, elk));
    expect((await autoLayout(laidOut, elk)).put.steps).toEqual([]);
  });
});
