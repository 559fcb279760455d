import { describe, expect, it } from 'vitest';
import { applyPatch, mapMetrics, metricDeltas, patch, recordsOf, updateStep } from '../../../shared/editor';
import { accountsPayable, connectionRecord, stepRecord } from './apFlow';

describe('mapMetrics', () => {
  it('counts the AP flow: steps, manual and spreadsheet work, system steps, hand-offs and minutes', () => {
    // given the AP flow with a start and an end event added
    const { ctx, state, lanes, steps } = accountsPayable();
    const start = stepRecord(ctx, lanes.vendor, 'start', '', 130);
    const end = stepRecord(ctx, lanes.system, 'end', '', 1400);
    const framed = applyPatch(
      state,
      patch({ put: { steps: [start, end], connections: [connectionRecord(ctx, start, steps.invoice), connectionRecord(ctx, steps.payment, end)] } }),
    );
    // when measured
    const metrics = mapMetrics(recordsOf(framed));
    // then start and end are not work; 取引先マスタ → 仕訳入力 is data, not a hand-off
    expect(metrics).toEqual({
      stepCount: 7,
      manualSteps: 3, // 請求書受領, 仕訳入力, 支払依頼書作成 (spreadsheet)
      spreadsheetSteps: 1,
      systemSteps: 1,
      handoffs: 2, // 請求書発行 → 請求書受領, 仕訳入力 → 支払データ作成
      touchMinutes: 10 + 20 + 15 + 5,
      waitMinutes: 60 + 1440,
      stepsWithoutTimes: 2, // 請求書発行, 取引先マスタ
    });
  });

  it('counts a manual step whose tools name Excel or a spreadsheet file as spreadsheet work', () => {
    const { state, steps } = accountsPayable();
    for (const tool of ['Excel', 'エクセル', '仕訳一覧.XLSM', '振込データ.csv', '台帳.xls']) {
      const after = applyPatch(state, updateStep(state, steps.journal.id, { tools: [tool] }));
      expect(mapMetrics(recordsOf(after)).spreadsheetSteps, tool).toBe(2);
    }
    const withPdf = applyPatch(state, updateStep(state, steps.journal.id, { tools: ['請求書.pdf', '会計システム'] }));
    expect(mapMetrics(recordsOf(withPdf)).spreadsheetSteps).toBe(1);
  });

  it('counts a hand-off only for sequence connections between lanes', () => {
    const { ctx, state, steps } = accountsPayable();
    const back = connectionRecord(ctx, steps.payment, steps.receive);
    const within = connectionRecord(ctx, steps.receive, steps.journal);
    const after = applyPatch(state, patch({ put: { connections: [back, within] } }));
    expect(mapMetrics(recordsOf(after)).handoffs).toBe(3);
  });
});

describe('metricDeltas', () => {
  it('gives each figure before and after and the difference, To-Be minus As-Is', () => {
    // given the As-Is flow, and a To-Be where 支払依頼書作成 runs in a workflow system in 2 minutes
    const { state, steps } = accountsPayable();
    const toBe = applyPatch(state, updateStep(state, steps.request.id, { type: 'systemTask', tools: [], touchMinutes: 2 }));
    // when compared
    const deltas = metricDeltas(mapMetrics(recordsOf(state)), mapMetrics(recordsOf(toBe)));
    // then
    expect(deltas.spreadsheetSteps).toEqual({ asIs: 1, toBe: 0, delta: -1 });
    expect(deltas.manualSteps).toEqual({ asIs: 3, toBe: 2, delta: -1 });
    expect(deltas.systemSteps).toEqual({ asIs: 1, toBe: 2, delta: 1 });
    expect(deltas.touchMinutes).toEqual({ asIs: 50, toBe: 32, delta: -18 });
    expect(deltas.handoffs).toEqual({ asIs: 2, toBe: 2, delta: 0 });
  });

  it('keeps fractional minutes readable', () => {
    const { state, steps } = accountsPayable();
    const asIs = applyPatch(state, updateStep(state, steps.receive.id, { touchMinutes: 0.1 }));
    const toBe = applyPatch(asIs, updateStep(asIs, steps.request.id, { touchMinutes: 20.2 }));
    const delta = metricDeltas(mapMetrics(recordsOf(asIs)), mapMetrics(recordsOf(toBe))).touchMinutes;
    expect(delta).toEqual({ asIs: 40.1, toBe: 40.3, delta: 0.2 });
  });
});
