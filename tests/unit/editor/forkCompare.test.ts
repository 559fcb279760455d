import { describe, expect, it } from 'vitest';
import { applyPatch, compareMaps, deleteElements, forkToBe, mapStateOf, patch, recordsOf, updateLane, updateStep } from '../../../shared/editor';
import { connectionSchema, laneSchema, newId, processMapSchema, stepSchema, type ProcessMap } from '../../../shared/model';
import { accountsPayable, now, stepRecord } from './apFlow';

function asIsMapOf(flow: ReturnType<typeof accountsPayable>): ProcessMap {
  return {
    id: flow.ctx.mapId,
    workshopId: flow.ctx.workshopId,
    processId: newId('process'),
    variant: 'asIs',
    forkedFromMapId: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T17:00:00.000Z',
  };
}

function forkedFlow() {
  const flow = accountsPayable();
  const asIsMap = asIsMapOf(flow);
  const asIs = recordsOf(flow.state);
  const fork = forkToBe(asIs, asIsMap, now);
  const originOf = new Map(fork.steps.map((step) => [step.originStepId, step]));
  const toBe = (id: (typeof flow.steps)[keyof typeof flow.steps]['id']) => {
    const step = originOf.get(id);
    if (!step) throw new Error('not forked');
    return step;
  };
  return { ...flow, asIsMap, asIs, fork, toBe };
}

describe('forkToBe', () => {
  it('makes a valid To-Be map of the same process, forked from the As-Is map', () => {
    const { asIsMap, fork } = forkedFlow();
    expect(processMapSchema.parse(fork.map)).toEqual(fork.map);
    expect(fork.map).toMatchObject({
      variant: 'toBe',
      forkedFromMapId: asIsMap.id,
      processId: asIsMap.processId,
      workshopId: asIsMap.workshopId,
      createdAt: now,
      updatedAt: now,
    });
    expect(fork.map.id).not.toBe(asIsMap.id);
  });

  it('copies every record with a new id; steps remember their As-Is step; connections follow', () => {
    // given the As-Is AP flow
    const { asIs, fork, steps, toBe } = forkedFlow();
    // then lanes are copied with the same names, kinds, colours and order into the new map
    expect(fork.lanes.map(({ name, kind, color, order }) => ({ name, kind, color, order }))).toEqual(
      asIs.lanes.map(({ name, kind, color, order }) => ({ name, kind, color, order })),
    );
    const oldIds = new Set([...asIs.lanes, ...asIs.steps, ...asIs.connections].map((record) => record.id));
    for (const record of [...fork.lanes, ...fork.steps, ...fork.connections]) {
      expect(oldIds.has(record.id)).toBe(false);
      expect(record.mapId).toBe(fork.map.id);
    }
    for (const lane of fork.lanes) laneSchema.parse(lane);
    for (const step of fork.steps) stepSchema.parse(step);
    for (const connection of fork.connections) connectionSchema.parse(connection);
    // and each step points back at its As-Is step and keeps its attributes, in the matching new lane
    expect(fork.steps.map((step) => step.originStepId).sort()).toEqual(asIs.steps.map((step) => step.id).sort());
    const request = toBe(steps.request.id);
    expect(request).toMatchObject({ label: '支払依頼書作成', tools: ['支払依頼書.xlsx'], touchMinutes: 20 });
    expect(fork.lanes.find((lane) => lane.id === request.laneId)?.name).toBe('経理部');
    // and the connection 支払依頼書作成 → 部門長承認 joins the new steps
    expect(fork.connections).toContainEqual(
      expect.objectContaining({ sourceStepId: request.id, targetStepId: toBe(steps.approve.id).id, kind: 'sequence' }),
    );
    expect(fork.connections).toHaveLength(asIs.connections.length);
  });

  it('does not share arrays with the As-Is map', () => {
    const { asIs, fork, steps, toBe } = forkedFlow();
    toBe(steps.request.id).tools.push('新フォーマット.xlsx');
    expect(asIs.steps.find((step) => step.id === steps.request.id)?.tools).toEqual(['支払依頼書.xlsx']);
    expect(fork.steps).toHaveLength(asIs.steps.length);
  });
});

describe('compareMaps', () => {
  it('finds nothing changed in a fresh fork', () => {
    const { asIs, fork } = forkedFlow();
    const comparison = compareMaps(asIs, fork);
    expect(comparison.counts).toEqual({ removed: 0, added: 0, unchanged: asIs.steps.length, changed: 0, automated: 0 });
  });

  it('detects removed, added, changed and automated steps', () => {
    // given a To-Be map in which
    const { asIs, fork, steps, toBe } = forkedFlow();
    let state = mapStateOf(fork);
    // 支払依頼書作成 (Excel) becomes a system task: automated
    state = applyPatch(state, updateStep(state, toBe(steps.request.id).id, { type: 'systemTask', tools: [], system: 'ワークフロー' }));
    // 部門長承認 is removed
    state = applyPatch(state, deleteElements(state, { stepIds: [toBe(steps.approve.id).id], connectionIds: [] }));
    // 仕訳入力 takes 5 minutes instead of 15 and moves to 会計システム: changed
    const systemLane = fork.lanes.find((lane) => lane.name === '会計システム');
    if (!systemLane) throw new Error('no lane');
    state = applyPatch(state, updateStep(state, toBe(steps.journal.id).id, { touchMinutes: 5, laneId: systemLane.id }));
    // and 自動照合 is new
    const added = stepRecord({ workshopId: fork.map.workshopId, mapId: fork.map.id, now }, systemLane, 'systemTask', '自動照合', 900);
    state = applyPatch(state, patch({ put: { steps: [added] } }));
    // when compared
    const comparison = compareMaps(asIs, recordsOf(state));
    // then
    expect(comparison.asIs.get(steps.approve.id)).toEqual({ status: 'removed', counterpartId: null, changes: [] });
    expect(comparison.toBe.get(added.id)).toEqual({ status: 'added', counterpartId: null, changes: [] });
    expect(comparison.asIs.get(steps.request.id)).toMatchObject({ status: 'automated', changes: ['type', 'system', 'tools'] });
    expect(comparison.toBe.get(toBe(steps.request.id).id)).toMatchObject({ status: 'automated', counterpartId: steps.request.id });
    expect(comparison.toBe.get(toBe(steps.journal.id).id)).toEqual({
      status: 'changed',
      counterpartId: steps.journal.id,
      changes: ['lane', 'touchMinutes'],
    });
    expect(comparison.asIs.get(steps.receive.id)?.status).toBe('unchanged');
    expect(comparison.counts).toEqual({ removed: 1, added: 1, unchanged: 4, changed: 1, automated: 1 });
  });

  it('compares lanes by name, so a renamed lane changes its steps and a reordered list does not', () => {
    const { asIs, fork, steps, toBe } = forkedFlow();
    let state = mapStateOf(fork);
    const vendorLane = fork.lanes.find((lane) => lane.name === '取引先');
    if (!vendorLane) throw new Error('no lane');
    state = applyPatch(state, updateLane(state, vendorLane.id, { name: '仕入先' }));
    state = applyPatch(state, updateStep(state, toBe(steps.receive.id).id, { inputs: ['納品書', '請求書'] }));
    const comparison = compareMaps(asIs, recordsOf(state));
    expect(comparison.toBe.get(toBe(steps.invoice.id).id)).toMatchObject({ status: 'changed', changes: ['lane'] });
    expect(comparison.toBe.get(toBe(steps.receive.id).id)?.status).toBe('unchanged');
  });

  it('does not call a manual step that becomes another manual step automated', () => {
    const { asIs, fork, steps, toBe } = forkedFlow();
    const state = mapStateOf(fork);
    const after = applyPatch(state, updateStep(state, toBe(steps.receive.id).id, { type: 'document' }));
    expect(compareMaps(asIs, recordsOf(after)).toBe.get(toBe(steps.receive.id).id)).toMatchObject({ status: 'changed', changes: ['type'] });
  });
});
