import { describe, expect, it } from 'vitest';
import { applyPatch, connect, EMPTY_PATCH, reconnect, updateConnection } from '../../../shared/editor';
import { accountsPayable } from './apFlow';

describe('connect', () => {
  it('connects two steps with a sequence by default', () => {
    const { ctx, state, steps } = accountsPayable();
    const { patch, connectionId } = connect(state, ctx, { sourceStepId: steps.receive.id, targetStepId: steps.journal.id, label: '少額' });
    expect(connectionId).not.toBeNull();
    expect(applyPatch(state, patch).connections.get(connectionId as never)).toMatchObject({
      kind: 'sequence',
      sourceStepId: steps.receive.id,
      targetStepId: steps.journal.id,
      label: '少額',
      mapId: ctx.mapId,
    });
  });

  it('defaults to a data connection when either end is a master', () => {
    const { ctx, state, steps } = accountsPayable();
    expect(connect(state, ctx, { sourceStepId: steps.payment.id, targetStepId: steps.master.id }).patch.put.connections[0]?.kind).toBe('data');
    expect(connect(state, ctx, { sourceStepId: steps.master.id, targetStepId: steps.payment.id }).patch.put.connections[0]?.kind).toBe('data');
  });

  it('refuses a self-loop, an unknown step and an exact duplicate, but allows the same ends with another kind', () => {
    const { ctx, state, steps } = accountsPayable();
    expect(connect(state, ctx, { sourceStepId: steps.receive.id, targetStepId: steps.receive.id })).toEqual({ patch: EMPTY_PATCH, connectionId: null });
    expect(connect(state, ctx, { sourceStepId: steps.receive.id, targetStepId: 'step:gone000' as never }).connectionId).toBeNull();
    expect(connect(state, ctx, { sourceStepId: steps.receive.id, targetStepId: steps.request.id }).connectionId).toBeNull();
    expect(connect(state, ctx, { sourceStepId: steps.receive.id, targetStepId: steps.request.id, kind: 'data' }).connectionId).not.toBeNull();
  });

  it('allows a connection back, e.g. a rejection returning to an earlier step', () => {
    const { ctx, state, steps } = accountsPayable();
    expect(connect(state, ctx, { sourceStepId: steps.approve.id, targetStepId: steps.request.id, label: '差戻し' }).connectionId).not.toBeNull();
  });
});

describe('updateConnection', () => {
  it('relabels and changes kind', () => {
    const { state, connections } = accountsPayable();
    const approval = connections[3];
    if (!approval) throw new Error('no connection');
    expect(updateConnection(state, approval.id, { label: '承認' }).put.connections).toEqual([{ ...approval, label: '承認' }]);
    expect(updateConnection(state, approval.id, { kind: 'data' }).put.connections).toEqual([{ ...approval, kind: 'data' }]);
  });

  it('refuses unknown connections, non-changes and a change into a duplicate', () => {
    const { ctx, state, steps, connections } = accountsPayable();
    const approval = connections[3];
    if (!approval) throw new Error('no connection');
    expect(updateConnection(state, 'connection:gone000' as never, { label: 'x' })).toEqual(EMPTY_PATCH);
    expect(updateConnection(state, approval.id, { label: '' })).toEqual(EMPTY_PATCH);
    const data = connect(state, ctx, { sourceStepId: steps.approve.id, targetStepId: steps.journal.id, kind: 'data' });
    const withData = applyPatch(state, data.patch);
    expect(updateConnection(withData, approval.id, { kind: 'data' })).toEqual(EMPTY_PATCH);
  });
});

describe('reconnect', () => {
  it('moves the target of a connection to another step', () => {
    const { state, steps, connections } = accountsPayable();
    const requestToApprove = connections[2];
    if (!requestToApprove) throw new Error('no connection');
    // 部門長承認 is skipped: the request goes straight to 仕訳入力
    expect(reconnect(state, requestToApprove.id, { targetStepId: steps.journal.id }).put.connections).toEqual([
      { ...requestToApprove, targetStepId: steps.journal.id },
    ]);
  });

  it('refuses a loop, an unknown step, a duplicate and an unknown connection', () => {
    const { state, steps, connections } = accountsPayable();
    const requestToApprove = connections[2];
    if (!requestToApprove) throw new Error('no connection');
    expect(reconnect(state, requestToApprove.id, { targetStepId: steps.request.id })).toEqual(EMPTY_PATCH);
    expect(reconnect(state, requestToApprove.id, { sourceStepId: 'step:gone000' as never })).toEqual(EMPTY_PATCH);
    expect(reconnect(state, requestToApprove.id, { sourceStepId: steps.receive.id, targetStepId: steps.request.id })).toEqual(EMPTY_PATCH);
    expect(reconnect(state, 'connection:gone000' as never, { sourceStepId: steps.receive.id })).toEqual(EMPTY_PATCH);
  });
});
