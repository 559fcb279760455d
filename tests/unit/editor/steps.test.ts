import { describe, expect, it } from 'vitest';
import {
  addStep,
  addStepAfter,
  applyPatch,
  boxesOverlap,
  deleteElements,
  dropSteps,
  EMPTY_PATCH,
  GRID,
  LANE_HEADER_WIDTH,
  layoutLanes,
  moveSteps,
  patch,
  STEP_GAP,
  stepBox,
  stepSize,
  updateStep,
} from '../../../shared/editor';
import { stepSchema } from '../../../shared/model';
import { accountsPayable, canonical, stepOf, stepRecord } from './apFlow';

describe('addStep', () => {
  it('adds a valid step with empty attributes, kept clear of the lane header and on the grid', () => {
    const { ctx, state, lanes } = accountsPayable();
    const { patch, stepId } = addStep(state, ctx, { laneId: lanes.accounting.id, type: 'document', label: '請求書', position: { x: 12, y: 47 } });
    const step = stepOf(applyPatch(state, patch), stepId);
    expect(stepSchema.parse(step)).toEqual(step);
    expect(step).toMatchObject({
      laneId: lanes.accounting.id,
      type: 'document',
      label: '請求書',
      position: { x: LANE_HEADER_WIDTH + GRID, y: 50 },
      performers: [],
      system: '',
      tools: [],
      frequency: null,
      volume: '',
      touchMinutes: null,
      waitMinutes: null,
      inputs: [],
      outputs: [],
      notes: '',
      originStepId: null,
    });
  });

  it('refuses an unknown lane', () => {
    const { ctx, state } = accountsPayable();
    expect(addStep(state, ctx, { laneId: 'lane:gone000' as never, type: 'manualTask', label: '', position: { x: 200, y: 40 } }).patch).toEqual(EMPTY_PATCH);
  });
});

describe('addStepAfter (Tab)', () => {
  it('adds a manual task to the right in the same lane, centred on the previous step, connected by a sequence', () => {
    // given 支払データ作成, the last step of 会計システム
    const { ctx, state, steps } = accountsPayable();
    // when Tab is pressed on it
    const result = addStepAfter(state, ctx, steps.payment.id, {});
    const after = applyPatch(state, result.patch);
    // then a manual task follows it STEP_GAP to the right, at the same height, joined by a sequence
    const added = stepOf(after, result.stepId);
    expect(added).toMatchObject({ type: 'manualTask', laneId: steps.payment.laneId, label: '' });
    expect(added.position).toEqual({ x: steps.payment.position.x + stepSize('systemTask').width + STEP_GAP, y: steps.payment.position.y });
    expect(after.connections.get(result.connectionId)).toMatchObject({
      kind: 'sequence',
      sourceStepId: steps.payment.id,
      targetStepId: result.stepId,
    });
  });

  it('skips past steps already to the right so the new one overlaps none', () => {
    // given 請求書受領 followed in its lane by 支払依頼書作成, 部門長承認 and 仕訳入力
    const { ctx, state, steps } = accountsPayable();
    // when Tab is pressed on 請求書受領
    const result = addStepAfter(state, ctx, steps.receive.id, { label: '内容確認' });
    const after = applyPatch(state, result.patch);
    // then the new step lands after 仕訳入力 and overlaps no step
    const layout = layoutLanes(after.lanes.values(), after.steps.values());
    const added = stepOf(after, result.stepId);
    expect(added.label).toBe('内容確認');
    expect(added.position.x).toBeGreaterThan(steps.journal.position.x);
    for (const other of after.steps.values()) {
      if (other.id !== added.id) expect(boxesOverlap(stepBox(added, layout), stepBox(other, layout))).toBe(false);
    }
  });

  it('centres a taller step on a start event and stays on the grid', () => {
    const { ctx, state, lanes } = accountsPayable();
    const start = stepRecord(ctx, lanes.vendor, 'start', '', 150, 40);
    const withStart = applyPatch(state, patch({ put: { steps: [start] } }));
    const result = addStepAfter(withStart, ctx, start.id, { type: 'decision' });
    const added = stepOf(applyPatch(withStart, result.patch), result.stepId);
    expect(added.type).toBe('decision');
    expect(added.position.x % GRID).toBe(0);
    expect(added.position.y % GRID).toBe(0);
    // centre within half a grid step of the start event's centre
    expect(Math.abs(added.position.y + stepSize('decision').height / 2 - (40 + stepSize('start').height / 2))).toBeLessThanOrEqual(GRID / 2);
  });

  it('refuses an unknown step', () => {
    const { ctx, state } = accountsPayable();
    expect(addStepAfter(state, ctx, 'step:gone000' as never, {}).patch).toEqual(EMPTY_PATCH);
  });
});

describe('updateStep', () => {
  it('changes the type and attributes and nothing else', () => {
    const { state, steps } = accountsPayable();
    const patch = updateStep(state, steps.journal.id, {
      type: 'systemTask',
      system: '会計システム',
      performers: [{ kind: 'role', role: '経理担当' }],
      frequency: 'daily',
      touchMinutes: 2,
    });
    expect(patch.put.steps).toEqual([
      { ...steps.journal, type: 'systemTask', system: '会計システム', performers: [{ kind: 'role', role: '経理担当' }], frequency: 'daily', touchMinutes: 2 },
    ]);
  });

  it('clears a time with null and moves a step to another lane', () => {
    const { state, steps, lanes } = accountsPayable();
    expect(updateStep(state, steps.receive.id, { touchMinutes: null }).put.steps[0]?.touchMinutes).toBeNull();
    expect(updateStep(state, steps.receive.id, { laneId: lanes.system.id }).put.steps[0]?.laneId).toBe(lanes.system.id);
  });

  it('ignores identity fields and refuses unknown steps or lanes, invalid values and non-changes', () => {
    const { state, steps } = accountsPayable();
    const sneaky = { id: 'step:other00000', label: '請求書受領（原本）' } as never;
    expect(updateStep(state, steps.receive.id, sneaky).put.steps[0]?.id).toBe(steps.receive.id);
    expect(updateStep(state, 'step:gone000' as never, { label: 'x' })).toEqual(EMPTY_PATCH);
    expect(updateStep(state, steps.receive.id, { laneId: 'lane:gone000' as never })).toEqual(EMPTY_PATCH);
    expect(updateStep(state, steps.receive.id, { touchMinutes: -5 })).toEqual(EMPTY_PATCH);
    expect(updateStep(state, steps.receive.id, { label: '請求書受領', inputs: ['請求書', '納品書'] })).toEqual(EMPTY_PATCH);
  });
});

describe('moveSteps', () => {
  it('moves steps within their lanes, clamped and snapped, writing only the ones that moved', () => {
    const { state, steps } = accountsPayable();
    const patch = moveSteps(state, [
      { stepId: steps.receive.id, position: { x: 20, y: 3 } },
      { stepId: steps.request.id, position: { x: 553, y: 38 } },
      { stepId: steps.approve.id, position: { x: 804, y: 96 } },
    ]);
    expect(patch.put.steps.map((step) => [step.label, step.position])).toEqual([
      ['請求書受領', { x: LANE_HEADER_WIDTH + GRID, y: GRID }],
      ['部門長承認', { x: 800, y: 100 }],
    ]);
  });
});

describe('dropSteps', () => {
  it('moves a step dragged into another lane’s band into that lane', () => {
    // given 仕訳入力 in 経理部 and the lane layout before the drag
    const { state, steps, lanes } = accountsPayable();
    const layout = layoutLanes(state.lanes.values(), state.steps.values());
    const systemLane = layout.byId.get(lanes.system.id);
    if (!systemLane) throw new Error('no lane');
    // when it is dropped with its centre inside 会計システム
    const after = applyPatch(state, dropSteps(state, [{ stepId: steps.journal.id, absolute: { x: 993, y: systemLane.y + 62 } }]));
    // then it belongs to 会計システム at the matching relative position, on the grid
    expect(stepOf(after, steps.journal.id)).toMatchObject({ laneId: lanes.system.id, position: { x: 990, y: 60 } });
  });

  it('keeps a step in its lane when dropped within the band, and leaves undropped steps alone', () => {
    const { state, steps, lanes } = accountsPayable();
    const layout = layoutLanes(state.lanes.values(), state.steps.values());
    const accounting = layout.byId.get(lanes.accounting.id);
    if (!accounting) throw new Error('no lane');
    const patch = dropSteps(state, [{ stepId: steps.request.id, absolute: { x: 600, y: accounting.y + 50 } }]);
    expect(patch.put.steps).toEqual([{ ...steps.request, position: { x: 600, y: 50 } }]);
  });

  it('uses the step’s vertical centre: a step whose top is above the boundary but centre below it changes lane', () => {
    const { state, steps, lanes } = accountsPayable();
    const layout = layoutLanes(state.lanes.values(), state.steps.values());
    const accounting = layout.byId.get(lanes.accounting.id);
    if (!accounting) throw new Error('no lane');
    const top = accounting.y + accounting.height - stepSize('external').height / 2 + 1;
    const after = applyPatch(state, dropSteps(state, [{ stepId: steps.invoice.id, absolute: { x: 150, y: top } }]));
    expect(stepOf(after, steps.invoice.id).laneId).toBe(lanes.system.id);
  });

  it('is empty for a drop where the step already is', () => {
    const { state, steps } = accountsPayable();
    expect(dropSteps(state, [{ stepId: steps.invoice.id, absolute: { x: 150, y: 40 } }])).toEqual(EMPTY_PATCH);
  });
});

describe('deleteElements', () => {
  it('deletes steps with every connection touching them, plus listed connections', () => {
    // given the AP flow; 部門長承認 has one connection in and one out
    const { state, steps, connections } = accountsPayable();
    const masterToJournal = connections[4];
    if (!masterToJournal) throw new Error('no connection');
    // when 部門長承認 and the master's data connection are deleted
    const after = applyPatch(state, deleteElements(state, { stepIds: [steps.approve.id], connectionIds: [masterToJournal.id] }));
    // then three connections are gone and no connection dangles
    expect(after.steps.has(steps.approve.id)).toBe(false);
    expect(after.connections.size).toBe(connections.length - 3);
    for (const connection of after.connections.values()) {
      expect(after.steps.has(connection.sourceStepId) && after.steps.has(connection.targetStepId)).toBe(true);
    }
  });

  it('is empty for unknown ids and never mutates its input', () => {
    const { state } = accountsPayable();
    const before = canonical(state);
    expect(deleteElements(state, { stepIds: ['step:gone000' as never], connectionIds: [] })).toEqual(EMPTY_PATCH);
    expect(canonical(state)).toEqual(before);
  });
});
