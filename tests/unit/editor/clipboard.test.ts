import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  copySteps,
  duplicateSteps,
  EMPTY_PATCH,
  GRID,
  mapClipboardSchema,
  mapStateOf,
  pasteSteps,
  sortLanes,
  updateLane,
} from '../../../shared/editor';
import { newId } from '../../../shared/model';
import { accountsPayable, editContext, laneRecord, stepOf } from './apFlow';

describe('copySteps', () => {
  it('copies the steps, only the connections between them, and their lanes, as plain JSON', () => {
    const { state, steps, lanes } = accountsPayable();
    const clipboard = copySteps(state, [steps.request.id, steps.approve.id, steps.payment.id]);
    expect(clipboard.type).toBe('kakehashi-steps');
    expect(clipboard.steps.map((step) => step.label)).toEqual(['支払依頼書作成', '部門長承認', '支払データ作成']);
    expect(clipboard.connections).toHaveLength(1);
    expect(clipboard.connections[0]).toMatchObject({ sourceStepId: steps.request.id, targetStepId: steps.approve.id });
    expect(clipboard.lanes.map((lane) => lane.id)).toEqual([lanes.accounting.id, lanes.system.id]);
    // survives the system clipboard
    expect(mapClipboardSchema.parse(JSON.parse(JSON.stringify(clipboard)))).toEqual(clipboard);
  });

  it('is detached from the map: editing the clipboard does not touch the steps', () => {
    const { state, steps } = accountsPayable();
    const clipboard = copySteps(state, [steps.request.id]);
    clipboard.steps[0]?.tools.push('別ファイル.xlsx');
    expect(stepOf(state, steps.request.id).tools).toEqual(['支払依頼書.xlsx']);
  });

  it('is refused by the schema when it is something else', () => {
    expect(mapClipboardSchema.safeParse({ type: 'kakehashi-steps', steps: [{ label: '請求書受領' }], connections: [], lanes: [] }).success).toBe(false);
    expect(mapClipboardSchema.safeParse('請求書受領').success).toBe(false);
  });
});

describe('pasteSteps', () => {
  it('pastes new steps into their own lanes, offset, with the internal connection remapped', () => {
    // given 支払依頼書作成 → 部門長承認 copied
    const { ctx, state, steps, lanes } = accountsPayable();
    const clipboard = copySteps(state, [steps.request.id, steps.approve.id]);
    // when pasted into the same map
    const { patch, stepIds } = pasteSteps(state, ctx, clipboard, { offset: { x: 0, y: 100 } });
    const after = applyPatch(state, patch);
    // then there are two new steps in 経理部, 100 lower, joined by a new connection
    expect(stepIds).toHaveLength(2);
    const [request, approve] = stepIds.map((id) => stepOf(after, id));
    expect(request).toMatchObject({ label: '支払依頼書作成', laneId: lanes.accounting.id, position: { x: 550, y: 140 }, tools: ['支払依頼書.xlsx'] });
    expect(approve).toMatchObject({ label: '部門長承認', laneId: lanes.accounting.id });
    expect(stepIds).not.toContain(steps.request.id);
    expect(patch.put.connections).toHaveLength(1);
    expect(patch.put.connections[0]).toMatchObject({ sourceStepId: stepIds[0], targetStepId: stepIds[1] });
    expect(state.connections.has(patch.put.connections[0]?.id as never)).toBe(false);
  });

  it('pastes into a map without the source lane: a lane of the same name, else the top lane; lineage cleared', () => {
    // given steps copied from 経理部 and 取引先 of an As-Is map, one of them forked
    const { state, steps } = accountsPayable();
    const clipboard = copySteps(state, [steps.receive.id, steps.invoice.id]);
    const forked = clipboard.steps[0];
    if (!forked) throw new Error('nothing copied');
    forked.originStepId = newId('step');
    // and another map, of another workshop, with lanes 会計システム and 経理部 (no 取引先)
    const otherCtx = editContext();
    const system = laneRecord(otherCtx, '会計システム', 'system', 1);
    const accounting = laneRecord(otherCtx, '経理部', 'department', 2);
    const other = mapStateOf({ lanes: [accounting, system], steps: [], connections: [] });
    // when pasted there
    const { patch, stepIds } = pasteSteps(other, otherCtx, clipboard, { offset: { x: 0, y: 0 } });
    const after = applyPatch(other, patch);
    // then 請求書受領 goes to that map's 経理部 and 請求書発行 to its top lane, 会計システム
    const [receive, invoice] = stepIds.map((id) => stepOf(after, id));
    expect(receive).toMatchObject({ laneId: accounting.id, mapId: otherCtx.mapId, workshopId: otherCtx.workshopId, originStepId: null });
    expect(invoice?.laneId).toBe(sortLanes(other.lanes.values())[0]?.id);
    expect(patch.put.connections).toEqual([
      expect.objectContaining({ sourceStepId: invoice?.id, targetStepId: receive?.id, mapId: otherCtx.mapId }),
    ]);
  });

  it('pastes into the step’s own lane even after that lane was renamed', () => {
    // given 仕訳入力 copied from 経理部, which is then renamed 財務部
    const { ctx, state, steps, lanes } = accountsPayable();
    const clipboard = copySteps(state, [steps.journal.id]);
    const renamed = applyPatch(state, updateLane(state, lanes.accounting.id, { name: '財務部' }));
    // when pasted
    const { patch, stepIds } = pasteSteps(renamed, ctx, clipboard, { offset: { x: 0, y: 100 } });
    // then it goes back into that lane, not to the top lane
    expect(stepOf(applyPatch(renamed, patch), stepIds[0] as never).laneId).toBe(lanes.accounting.id);
  });

  it('keeps roles but not another workshop’s participants', () => {
    const { ctx, state, steps } = accountsPayable();
    const clipboard = copySteps(state, [steps.approve.id]);
    const copied = clipboard.steps[0];
    if (!copied) throw new Error('nothing copied');
    copied.performers = [{ kind: 'participant', participantId: newId('participant') }, { kind: 'role', role: '部門長' }];
    expect(pasteSteps(state, ctx, clipboard, { offset: { x: 0, y: 0 } }).patch.put.steps[0]?.performers).toHaveLength(2);
    const elsewhere = { ...ctx, workshopId: newId('workshop') };
    expect(pasteSteps(state, elsewhere, clipboard, { offset: { x: 0, y: 0 } }).patch.put.steps[0]?.performers).toEqual([{ kind: 'role', role: '部門長' }]);
  });

  it('pastes nothing into a map without lanes, or from an empty clipboard', () => {
    const { ctx, state, steps } = accountsPayable();
    const empty = mapStateOf({ lanes: [], steps: [], connections: [] });
    expect(pasteSteps(empty, ctx, copySteps(state, [steps.receive.id]), { offset: { x: 0, y: 0 } })).toEqual({ patch: EMPTY_PATCH, stepIds: [] });
    expect(pasteSteps(state, ctx, copySteps(state, []), { offset: { x: 0, y: 0 } }).patch).toEqual(EMPTY_PATCH);
  });
});

describe('duplicateSteps', () => {
  it('copies the steps three grid steps down and right', () => {
    const { ctx, state, steps } = accountsPayable();
    const { patch, stepIds } = duplicateSteps(state, ctx, [steps.journal.id]);
    const copy = stepOf(applyPatch(state, patch), stepIds[0] as never);
    expect(copy).toEqual({
      ...steps.journal,
      id: copy.id,
      position: { x: steps.journal.position.x + GRID * 3, y: steps.journal.position.y + GRID * 3 },
    });
    expect(copy.id).not.toBe(steps.journal.id);
  });
});
