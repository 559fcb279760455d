import { describe, expect, it } from 'vitest';
import { alignSteps, applyPatch, distributeSteps, EMPTY_PATCH, GRID, layoutLanes, patch, stepBox, type Box, type MapState } from '../../../shared/editor';
import type { StepId } from '../../../shared/model';
import { accountsPayable, stepOf, stepRecord } from './apFlow';

function boxes(state: MapState, ids: readonly StepId[]) {
  const layout = layoutLanes(state.lanes.values(), state.steps.values());
  return ids.map((id) => stepBox(stepOf(state, id), layout));
}

function twoBoxes(state: MapState, ids: readonly StepId[]): [Box, Box] {
  const [a, b] = boxes(state, ids);
  if (!a || !b) throw new Error('missing step');
  return [a, b];
}

describe('alignSteps', () => {
  it('aligns left edges on the leftmost step, across lanes, without changing lanes', () => {
    const { state, steps, lanes } = accountsPayable();
    const ids = [steps.receive.id, steps.master.id, steps.payment.id];
    const after = applyPatch(state, alignSteps(state, ids, 'left'));
    expect(boxes(after, ids).map((box) => box.x)).toEqual([330, 330, 330]);
    expect(ids.map((id) => stepOf(after, id).laneId)).toEqual([lanes.accounting.id, lanes.system.id, lanes.system.id]);
  });

  it('aligns right edges and centres of steps of different widths within half a grid step', () => {
    // given a start event in 取引先 and 支払依頼書作成, much wider, in 経理部
    const { ctx, state, lanes, steps } = accountsPayable();
    const start = stepRecord(ctx, lanes.vendor, 'start', '', 400, 40);
    const withStart = applyPatch(state, patch({ put: { steps: [start] } }));
    const ids = [start.id, steps.request.id];
    const right = twoBoxes(applyPatch(withStart, alignSteps(withStart, ids, 'right')), ids);
    expect(Math.abs(right[0].x + right[0].width - (right[1].x + right[1].width))).toBeLessThanOrEqual(GRID / 2);
    const centre = twoBoxes(applyPatch(withStart, alignSteps(withStart, ids, 'centerX')), ids);
    expect(Math.abs(centre[0].x + centre[0].width / 2 - (centre[1].x + centre[1].width / 2))).toBeLessThanOrEqual(GRID / 2);
  });

  it('aligning tops into another lane’s band moves the step into that lane', () => {
    // given 支払依頼書作成 in 経理部 and 支払データ作成 in 会計システム below it
    const { state, steps, lanes } = accountsPayable();
    // when their tops are aligned
    const after = applyPatch(state, alignSteps(state, [steps.request.id, steps.payment.id], 'top'));
    // then 支払データ作成 has moved up into 経理部, level with 支払依頼書作成
    expect(stepOf(after, steps.payment.id)).toMatchObject({ laneId: lanes.accounting.id, position: { x: 1210, y: 40 } });
    expect(stepOf(after, steps.request.id)).toEqual(steps.request);
  });

  it('aligns middles and bottoms of steps of different heights in one lane, within half a grid step', () => {
    const { ctx, state, lanes, steps } = accountsPayable();
    const check = stepRecord(ctx, lanes.accounting, 'decision', '金額一致?', 1210, 10);
    const withCheck = applyPatch(state, patch({ put: { steps: [check] } }));
    const ids = [steps.journal.id, check.id];
    const middle = twoBoxes(applyPatch(withCheck, alignSteps(withCheck, ids, 'middle')), ids);
    expect(Math.abs(middle[0].y + middle[0].height / 2 - (middle[1].y + middle[1].height / 2))).toBeLessThanOrEqual(GRID / 2);
    const bottom = twoBoxes(applyPatch(withCheck, alignSteps(withCheck, ids, 'bottom')), ids);
    expect(Math.abs(bottom[0].y + bottom[0].height - (bottom[1].y + bottom[1].height))).toBeLessThanOrEqual(GRID / 2);
  });

  it('needs at least two known steps', () => {
    const { state, steps } = accountsPayable();
    expect(alignSteps(state, [steps.receive.id], 'left')).toEqual(EMPTY_PATCH);
    expect(alignSteps(state, [steps.receive.id, 'step:gone000' as never], 'left')).toEqual(EMPTY_PATCH);
  });
});

describe('distributeSteps', () => {
  it('spaces steps horizontally with equal gaps, the first and last staying', () => {
    // given 請求書受領 (330), 支払依頼書作成 (550) and 仕訳入力 (990) in 経理部
    const { state, steps } = accountsPayable();
    const ids = [steps.journal.id, steps.receive.id, steps.request.id];
    // when distributed horizontally
    const after = applyPatch(state, distributeSteps(state, ids, 'horizontal'));
    // then the gaps between them are equal and the outer two have not moved
    const [journal, receive, request] = boxes(after, ids);
    if (!journal || !receive || !request) throw new Error('missing');
    expect(receive.x).toBe(330);
    expect(journal.x).toBe(990);
    expect(request.x - (receive.x + receive.width)).toBe(journal.x - (request.x + request.width));
    expect(stepOf(after, steps.request.id).position.y).toBe(40);
  });

  it('spaces steps vertically within a lane', () => {
    const { ctx, state, lanes } = accountsPayable();
    const stacked = [10, 80, 300].map((y, index) => stepRecord(ctx, lanes.accounting, 'manualTask', `確認${index + 1}`, 1300, y));
    const withStack = applyPatch(state, patch({ put: { steps: stacked } }));
    const ids = stacked.map((step) => step.id);
    const after = applyPatch(withStack, distributeSteps(withStack, ids, 'vertical'));
    expect(ids.map((id) => stepOf(after, id).position.y)).toEqual([10, 160, 300]);
    expect(ids.every((id) => stepOf(after, id).laneId === lanes.accounting.id)).toBe(true);
  });

  it('needs three steps', () => {
    const { state, steps } = accountsPayable();
    expect(distributeSteps(state, [steps.receive.id, steps.journal.id], 'horizontal')).toEqual(EMPTY_PATCH);
  });
});
