import {
  EDITOR_TABLES,
  mapStateOf,
  newStep,
  recordsOf,
  type EditContext,
  type MapPatch,
  type MapState,
} from '../../../shared/editor';
import { newId, type Connection, type ConnectionKind, type Lane, type LaneKind, type Step, type StepId, type StepType } from '../../../shared/model';

export const now = '2026-11-24T10:00:00.000Z';

export function editContext(): EditContext {
  return { workshopId: newId('workshop'), mapId: newId('map'), now };
}

export function laneRecord(ctx: EditContext, name: string, kind: LaneKind, order: number): Lane {
  return { id: newId('lane'), workshopId: ctx.workshopId, mapId: ctx.mapId, name, kind, color: '#dbeafe', order };
}

export function stepRecord(ctx: EditContext, lane: Lane, type: StepType, label: string, x: number, y = 40, extra: Partial<Step> = {}): Step {
  return { ...newStep(ctx, { laneId: lane.id, type, label, position: { x, y } }), ...extra };
}

export function connectionRecord(ctx: EditContext, from: Step, to: Step, kind: ConnectionKind = 'sequence'): Connection {
  return { id: newId('connection'), workshopId: ctx.workshopId, mapId: ctx.mapId, kind, sourceStepId: from.id, targetStepId: to.id, label: '' };
}

/**
 * An accounts-payable As-Is flow as a workshop would draw it: the vendor sends an invoice,
 * accounting receives it, writes a payment request in Excel, gets it approved and keys the
 * journal; the accounting system makes the payment data, reading the vendor master.
 */
export function accountsPayable(ctx: EditContext = editContext()) {
  const vendor = laneRecord(ctx, '取引先', 'external', 1);
  const accounting = laneRecord(ctx, '経理部', 'department', 2);
  const system = laneRecord(ctx, '会計システム', 'system', 3);
  const invoice = stepRecord(ctx, vendor, 'external', '請求書発行', 150);
  const receive = stepRecord(ctx, accounting, 'manualTask', '請求書受領', 330, 40, { touchMinutes: 10, waitMinutes: 60, inputs: ['請求書', '納品書'] });
  const request = stepRecord(ctx, accounting, 'spreadsheet', '支払依頼書作成', 550, 40, {
    touchMinutes: 20,
    tools: ['支払依頼書.xlsx'],
    outputs: ['支払依頼書'],
  });
  const approve = stepRecord(ctx, accounting, 'approval', '部門長承認', 770, 40, { waitMinutes: 1440 });
  const journal = stepRecord(ctx, accounting, 'manualTask', '仕訳入力', 990, 40, { touchMinutes: 15 });
  const master = stepRecord(ctx, system, 'master', '取引先マスタ', 770, 40);
  const payment = stepRecord(ctx, system, 'systemTask', '支払データ作成', 1210, 40, { system: '会計システム', touchMinutes: 5 });
  const steps = { invoice, receive, request, approve, journal, master, payment };
  const connections = [
    connectionRecord(ctx, invoice, receive),
    connectionRecord(ctx, receive, request),
    connectionRecord(ctx, request, approve),
    connectionRecord(ctx, approve, journal),
    connectionRecord(ctx, master, journal, 'data'),
    connectionRecord(ctx, journal, payment),
  ];
  const state = mapStateOf({ lanes: [vendor, accounting, system], steps: Object.values(steps), connections });
  return { ctx, state, lanes: { vendor, accounting, system }, steps, connections };
}

export function stepOf(state: MapState, stepId: StepId): Step {
  const step = state.steps.get(stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

/** Records sorted by id: two states are the same map exactly when these are deep-equal. */
export function canonical(state: MapState) {
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
  const records = recordsOf(state);
  return Object.fromEntries(EDITOR_TABLES.map((table) => [table, byId(records[table] as readonly { id: string }[])]));
}

/** Ids a patch writes, for checking that a command wrote only what it had to. */
export function putIds(change: MapPatch): string[] {
  return [...change.put.lanes, ...change.put.steps, ...change.put.connections].map((record) => record.id);
}
