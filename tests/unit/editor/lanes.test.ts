import { describe, expect, it } from 'vitest';
import {
  addLane,
  applyPatch,
  deleteLane,
  EMPTY_PATCH,
  LANE_COLORS,
  layoutLanes,
  moveLane,
  sortLanes,
  stepBox,
  boxesOverlap,
  updateLane,
  mapStateOf,
  patch,
} from '../../../shared/editor';
import { laneSchema } from '../../../shared/model';
import { accountsPayable, editContext, stepOf } from './apFlow';

describe('addLane', () => {
  it('adds a lane below the others, tinted by its index', () => {
    // given the accounts-payable map with three lanes
    const { ctx, state } = accountsPayable();
    // when a fourth lane is added
    const { patch, laneId } = addLane(state, ctx, { name: ' 購買部 ', kind: 'department' });
    const after = applyPatch(state, patch);
    // then it is valid, named without the stray spaces, last in order, with the fourth tint
    const lane = after.lanes.get(laneId);
    expect(laneSchema.parse(lane)).toEqual(lane);
    expect(lane).toMatchObject({ name: '購買部', kind: 'department', color: LANE_COLORS[3], mapId: ctx.mapId });
    expect(sortLanes(after.lanes.values()).at(-1)?.id).toBe(laneId);
  });

  it('takes a chosen colour, and offers distinct valid tints', () => {
    const { ctx, state } = accountsPayable();
    const { patch, laneId } = addLane(state, ctx, { name: '監査法人', kind: 'external', color: '#ffedd5' });
    expect(applyPatch(state, patch).lanes.get(laneId)?.color).toBe('#ffedd5');
    expect(new Set(LANE_COLORS).size).toBe(LANE_COLORS.length);
    for (const color of LANE_COLORS) expect(laneSchema.shape.color.safeParse(color).success).toBe(true);
  });

  it('refuses an empty name', () => {
    const { ctx, state } = accountsPayable();
    expect(addLane(state, ctx, { name: '\u3000 ', kind: 'role' }).patch).toEqual(EMPTY_PATCH);
  });

  it('starts an empty map at order 1 with the first tint', () => {
    const ctx = editContext();
    const { patch } = addLane(mapStateOf({ lanes: [], steps: [], connections: [] }), ctx, { name: '経理部', kind: 'department' });
    expect(patch.put.lanes[0]).toMatchObject({ order: 1, color: LANE_COLORS[0] });
  });
});

describe('updateLane', () => {
  it('renames a lane and leaves the rest of it alone', () => {
    const { state, lanes } = accountsPayable();
    const patch = updateLane(state, lanes.accounting.id, { name: '財務経理部' });
    expect(patch.put.lanes).toEqual([{ ...lanes.accounting, name: '財務経理部' }]);
  });

  it('refuses an empty name, an invalid colour, an unknown lane, and writes nothing when nothing changes', () => {
    const { state, lanes } = accountsPayable();
    expect(updateLane(state, lanes.accounting.id, { name: '  ' })).toEqual(EMPTY_PATCH);
    expect(updateLane(state, lanes.accounting.id, { color: 'red' })).toEqual(EMPTY_PATCH);
    expect(updateLane(state, 'lane:unknown00' as never, { name: '経理' })).toEqual(EMPTY_PATCH);
    expect(updateLane(state, lanes.accounting.id, { name: '経理部', kind: 'department' })).toEqual(EMPTY_PATCH);
  });
});

describe('moveLane', () => {
  it('moves the system lane to the top and writes only lanes whose order changed', () => {
    // given lanes 取引先(1) 経理部(2) 会計システム(3)
    const { state, lanes } = accountsPayable();
    // when 会計システム is moved to the top
    const patch = moveLane(state, lanes.system.id, 0);
    // then the order is 会計システム, 取引先, 経理部 and all three were renumbered
    const after = applyPatch(state, patch);
    expect(sortLanes(after.lanes.values()).map((lane) => lane.name)).toEqual(['会計システム', '取引先', '経理部']);
    expect(patch.put.lanes).toHaveLength(3);
  });

  it('writes only the two lanes that swap', () => {
    const { state, lanes } = accountsPayable();
    const patch = moveLane(state, lanes.system.id, 1);
    expect(patch.put.lanes.map((lane) => lane.name).sort()).toEqual(['会計システム', '経理部'].sort());
  });

  it('writes nothing when a lane stays in place, even with gaps in the numbering', () => {
    const { state, lanes } = accountsPayable();
    const gapped = applyPatch(state, patch({ put: { lanes: [{ ...lanes.system, order: 7 }] } }));
    expect(moveLane(gapped, lanes.system.id, 2)).toEqual(EMPTY_PATCH);
  });

  it('clamps the index and does nothing for the lane’s own place or an unknown lane', () => {
    const { state, lanes } = accountsPayable();
    expect(sortLanes(applyPatch(state, moveLane(state, lanes.vendor.id, 99)).lanes.values()).at(-1)?.id).toBe(lanes.vendor.id);
    expect(moveLane(state, lanes.accounting.id, 1)).toEqual(EMPTY_PATCH);
    expect(moveLane(state, 'lane:unknown00' as never, 0)).toEqual(EMPTY_PATCH);
  });
});

describe('deleteLane', () => {
  it('moves the steps below the target lane’s steps, keeping their arrangement and connections', () => {
    // given 経理部 with four steps in a row, and 会計システム with two steps
    const { state, lanes, steps } = accountsPayable();
    const before = [steps.receive, steps.request, steps.approve, steps.journal];
    // when 経理部 is deleted and its steps moved into 会計システム
    const after = applyPatch(state, deleteLane(state, lanes.accounting.id, { kind: 'moveSteps', toLaneId: lanes.system.id }));
    // then the lane is gone, the steps are in 会計システム, below its existing steps
    expect(after.lanes.has(lanes.accounting.id)).toBe(false);
    const moved = before.map((step) => stepOf(after, step.id));
    for (const step of moved) expect(step.laneId).toBe(lanes.system.id);
    const layout = layoutLanes(after.lanes.values(), after.steps.values());
    const stayed = [stepOf(after, steps.master.id), stepOf(after, steps.payment.id)];
    const lowestStayed = Math.max(...stayed.map((step) => stepBox(step, layout).y + stepBox(step, layout).height));
    for (const step of moved) expect(stepBox(step, layout).y).toBeGreaterThanOrEqual(lowestStayed);
    for (const a of [...moved, ...stayed]) {
      for (const b of [...moved, ...stayed]) if (a !== b) expect(boxesOverlap(stepBox(a, layout), stepBox(b, layout))).toBe(false);
    }
    // and their arrangement relative to each other is kept
    const offsets = (row: typeof before) => row.map((step) => [step.position.x - steps.receive.position.x, step.position.y - (row[0]?.position.y ?? 0)]);
    expect(offsets(moved)).toEqual(offsets(before));
    // and every connection is kept
    expect(after.connections.size).toBe(state.connections.size);
  });

  it('deletes the steps and every connection touching them', () => {
    const { state, lanes, steps } = accountsPayable();
    const after = applyPatch(state, deleteLane(state, lanes.accounting.id, { kind: 'deleteSteps' }));
    expect([...after.steps.values()].map((step) => step.label).sort()).toEqual(['取引先マスタ', '支払データ作成', '請求書発行'].sort());
    // every connection touched 経理部; none may dangle
    expect(after.connections.size).toBe(0);
    expect(after.steps.has(steps.receive.id)).toBe(false);
  });

  it('refuses to lose steps: no target, the lane itself, or an unknown lane as target', () => {
    const { state, lanes } = accountsPayable();
    expect(deleteLane(state, lanes.accounting.id, { kind: 'moveSteps', toLaneId: lanes.accounting.id })).toEqual(EMPTY_PATCH);
    expect(deleteLane(state, lanes.accounting.id, { kind: 'moveSteps', toLaneId: 'lane:gone000' as never })).toEqual(EMPTY_PATCH);
    expect(deleteLane(state, 'lane:gone000' as never, { kind: 'deleteSteps' })).toEqual(EMPTY_PATCH);
  });

  it('deletes an empty lane whatever the disposition', () => {
    const { ctx, state } = accountsPayable();
    const { patch, laneId } = addLane(state, ctx, { name: '購買部', kind: 'department' });
    const withEmpty = applyPatch(state, patch);
    const change = deleteLane(withEmpty, laneId, { kind: 'moveSteps', toLaneId: 'lane:gone000' as never });
    expect(change.remove.lanes).toEqual([laneId]);
    expect(change.put.steps).toEqual([]);
  });

  it('moves steps into an empty lane where they were', () => {
    const ctx = editContext();
    const { state, lanes, steps } = accountsPayable(ctx);
    const { patch, laneId } = addLane(state, ctx, { name: '購買部', kind: 'department' });
    const withEmpty = applyPatch(state, patch);
    const after = applyPatch(withEmpty, deleteLane(withEmpty, lanes.vendor.id, { kind: 'moveSteps', toLaneId: laneId }));
    expect(stepOf(after, steps.invoice.id)).toEqual({ ...steps.invoice, laneId });
  });
});
