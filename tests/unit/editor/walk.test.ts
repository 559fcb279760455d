import { describe, expect, it } from 'vitest';
import { applyPatch, patch, walkOrder } from '../../../shared/editor';
import { accountsPayable, connectionRecord, stepRecord } from './apFlow';

describe('guided walk order', () => {
  it('follows the sequence flow from the first step, then visits what the flow does not reach', () => {
    const { state, steps } = accountsPayable();
    // The vendor's invoice starts the chain; the master data is only read by a data flow.
    expect(walkOrder(state)).toEqual([
      steps.invoice.id,
      steps.receive.id,
      steps.request.id,
      steps.approve.id,
      steps.journal.id,
      steps.payment.id,
      steps.master.id,
    ]);
  });

  it('starts at start events and takes branches left to right, each step once', () => {
    const { ctx, state, lanes, steps } = accountsPayable();
    const start = stepRecord(ctx, lanes.accounting, 'start', '開始', 10);
    const loop = connectionRecord(ctx, steps.journal, steps.receive);
    const next = applyPatch(state, patch({ put: { steps: [start], connections: [connectionRecord(ctx, start, steps.request), loop] } }));
    const order = walkOrder(next);
    expect(order[0]).toBe(start.id);
    expect(order[1]).toBe(steps.request.id);
    expect(new Set(order).size).toBe(next.steps.size);
    expect(order).toHaveLength(next.steps.size);
  });
});
