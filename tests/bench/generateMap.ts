import { LANE_HEADER_WIDTH, LANE_PADDING, STEP_GAP, stepSize } from '../../shared/editor/geometry';
import type { MapRecords } from '../../shared/editor/mapState';
import {
  connectionSchema,
  laneSchema,
  stepSchema,
  type Connection,
  type Lane,
  type LaneKind,
  type Step,
  type StepFrequency,
  type StepType,
} from '../../shared/model/map';
import { newId, type LaneId, type MapId, type StepId, type WorkshopId } from '../../shared/model/ids';

/**
 * A realistic swimlane map of `stepCount` steps for the benchmark: 10 lanes (departments,
 * roles, a system, an outside party), a start, a long sequence chain that wanders between
 * lanes, decisions with a second branch, a sprinkling of cross-lane data connections, every
 * v2 step attribute filled the way a workshop fills them. Each lane is a non-overlapping grid
 * of cells, left to right then top to bottom, so the map reads like a real (very long) flow.
 *
 * Everything but the ids is a pure function of `stepCount` and `seed` (the ids come from
 * `newId` like the app's, and carry no meaning for rendering).
 */
export interface GeneratedMap extends MapRecords {
  readonly workshopId: WorkshopId;
  readonly mapId: MapId;
  readonly lanes: readonly Lane[];
  readonly steps: readonly Step[];
  readonly connections: readonly Connection[];
}

export const BENCH_LANE_COUNT = 10;
/** A cell fits the widest and tallest step shape plus the app's gap between steps. */
const CELL_WIDTH = 160 + STEP_GAP;
const CELL_HEIGHT = 110 + 40;

const LANES: readonly { name: string; kind: LaneKind; color: string }[] = [
  { name: '営業部', kind: 'department', color: '#2f4fb5' },
  { name: '経理部', kind: 'department', color: '#1f7a4d' },
  { name: '経理担当者', kind: 'role', color: '#0f766e' },
  { name: '経理課長', kind: 'role', color: '#b7791f' },
  { name: '購買部', kind: 'department', color: '#7c3aed' },
  { name: '会計システム', kind: 'system', color: '#1a56db' },
  { name: '販売管理システム', kind: 'system', color: '#0369a1' },
  { name: '総務部', kind: 'department', color: '#9d174d' },
  { name: '取引先', kind: 'external', color: '#7b5e3b' },
  { name: '銀行', kind: 'external', color: '#475569' },
];

const TASKS: Readonly<Record<StepType, readonly string[]>> = {
  start: ['受注', '月次締め開始', '請求書受領'],
  end: ['完了', '支払完了', '締め完了'],
  manualTask: ['請求書確認', '金額照合', '支払依頼書作成', '納品書突合', '仕訳起票', '差異調査', '入金消込', '経費精算確認'],
  systemTask: ['仕訳入力', '債務計上', '支払データ作成', '売上計上', '残高照会', '消込処理'],
  decision: ['金額相違あり？', '承認要否', '期日内？', '予算内？'],
  approval: ['課長承認', '部長承認', '支払承認', '稟議決裁'],
  document: ['請求書', '支払依頼書', '検収書', '見積書'],
  spreadsheet: ['支払予定表更新', '売掛金管理表', '差異一覧作成'],
  master: ['取引先マスタ参照', '勘定科目マスタ', '口座マスタ更新'],
  handoff: ['経理へ回付', '上長へ回付', '取引先へ送付'],
  external: ['振込実行', '請求書発行', '入金通知'],
};

const FREQUENCIES: readonly StepFrequency[] = ['perTransaction', 'daily', 'weekly', 'monthly', 'monthEnd', 'quarterly', 'yearly', 'adHoc'];
const ROLES = ['経理担当者', '経理課長', '営業担当', '購買担当', '総務担当'];
const SYSTEMS = ['会計システム', '販売管理システム', 'ワークフロー', '銀行EB'];
const DOCUMENTS = ['請求書', '支払依頼書', '納品書', '検収書', '見積書', '振込明細'];

/** mulberry32: small, fast, good enough to make the map look varied and stay the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function stepTypeFor(next: () => number, kind: LaneKind): StepType {
  const r = next();
  if (kind === 'system') return r < 0.65 ? 'systemTask' : r < 0.85 ? 'master' : 'decision';
  if (kind === 'external') return r < 0.5 ? 'external' : r < 0.8 ? 'document' : 'handoff';
  if (r < 0.32) return 'manualTask';
  if (r < 0.44) return 'decision';
  if (r < 0.56) return 'approval';
  if (r < 0.66) return 'document';
  if (r < 0.76) return 'spreadsheet';
  if (r < 0.84) return 'handoff';
  if (r < 0.92) return 'systemTask';
  return 'master';
}

const snap10 = (value: number) => Math.round(value / 10) * 10;

export function generateMap(stepCount: number, seed = 20240601): GeneratedMap {
  if (!Number.isInteger(stepCount) || stepCount < 2) throw new Error(`stepCount must be an integer ≥ 2, got ${stepCount}`);
  const next = random(seed);
  const workshopId = newId('workshop');
  const mapId = newId('map');

  const lanes: Lane[] = LANES.slice(0, BENCH_LANE_COUNT).map((lane, order) => ({
    id: newId('lane'),
    workshopId,
    mapId,
    name: lane.name,
    kind: lane.kind,
    color: lane.color,
    order,
  }));

  // Each lane is a grid; the number of columns keeps the whole map roughly as wide as a screen
  // is to its height (one row of 15 at 150 steps, 3 rows of 40 at 1,000, 6 rows of 90 at 5,000).
  const perLane = Math.ceil(stepCount / BENCH_LANE_COUNT);
  const columns = Math.min(perLane, Math.ceil(4 * Math.sqrt(perLane)));
  // The flow wanders between lanes: mostly stays, often hands over to a neighbour, sometimes jumps.
  const used = new Map<LaneId, number>();
  const steps: Step[] = [];
  let laneIndex = 0;
  for (let index = 0; index < stepCount; index += 1) {
    if (index > 0) {
      const r = next();
      if (r < 0.2) laneIndex = Math.min(BENCH_LANE_COUNT - 1, laneIndex + 1);
      else if (r < 0.35) laneIndex = Math.max(0, laneIndex - 1);
      else if (r < 0.42) laneIndex = Math.floor(next() * BENCH_LANE_COUNT);
    }
    // Keep lanes evenly filled so no lane grows far taller than the others.
    const lane = leastFilled(lanes, used, laneIndex, stepCount);
    laneIndex = lanes.indexOf(lane);
    const cell = used.get(lane.id) ?? 0;
    used.set(lane.id, cell + 1);

    const type: StepType = index === 0 ? 'start' : index === stepCount - 1 ? 'end' : stepTypeFor(next, lane.kind);
    const size = stepSize(type);
    const column = cell % columns;
    const row = Math.floor(cell / columns);
    const position = {
      x: snap10(LANE_HEADER_WIDTH + LANE_PADDING + column * CELL_WIDTH + (CELL_WIDTH - STEP_GAP - size.width) / 2),
      y: snap10(LANE_PADDING + row * CELL_HEIGHT + (110 - size.height) / 2),
    };
    const isTask = type !== 'start' && type !== 'end' && type !== 'decision';
    steps.push({
      id: newId('step'),
      workshopId,
      mapId,
      laneId: lane.id,
      type,
      label: `${pick(next, TASKS[type])} ${index + 1}`,
      position,
      originStepId: null,
      performers: isTask && lane.kind !== 'system' ? [{ kind: 'role', role: pick(next, ROLES) }] : [],
      system: type === 'systemTask' || type === 'master' ? pick(next, SYSTEMS) : '',
      tools: type === 'spreadsheet' ? ['Excel', `${pick(next, DOCUMENTS)}管理表.xlsx`] : [],
      frequency: isTask ? pick(next, FREQUENCIES) : null,
      volume: isTask ? `月${(1 + Math.floor(next() * 60)) * 10}件` : '',
      touchMinutes: isTask ? 1 + Math.floor(next() * 30) : null,
      waitMinutes: isTask && next() < 0.4 ? Math.floor(next() * 480) : null,
      inputs: type === 'document' || type === 'manualTask' ? [pick(next, DOCUMENTS)] : [],
      outputs: type === 'document' || type === 'approval' ? [pick(next, DOCUMENTS)] : [],
      notes: next() < 0.1 ? '月末は件数が倍になる。担当者が一人しかいない。' : '',
    });
  }

  const connections: Connection[] = [];
  const connect = (source: Step, target: Step, kind: Connection['kind'], label: string) =>
    connections.push({ id: newId('connection'), workshopId, mapId, kind, sourceStepId: source.id as StepId, targetStepId: target.id as StepId, label });
  for (let index = 0; index + 1 < steps.length; index += 1) {
    const source = steps[index] as Step;
    const isDecision = source.type === 'decision';
    connect(source, steps[index + 1] as Step, 'sequence', isDecision ? 'はい' : '');
    // A decision's other branch skips a few steps ahead (a rework loop or a shortcut).
    if (isDecision) {
      const skip = Math.min(steps.length - 1, index + 2 + Math.floor(next() * 4));
      if (skip !== index + 1) connect(source, steps[skip] as Step, 'sequence', 'いいえ');
    }
  }
  // Data passed across lanes: a document, a master lookup — one for about every 12 steps.
  for (let count = Math.floor(steps.length / 12); count > 0; count -= 1) {
    const source = steps[Math.floor(next() * steps.length)] as Step;
    const offset = 1 + Math.floor(next() * 20);
    const target = steps[Math.min(steps.length - 1, steps.indexOf(source) + offset)] as Step;
    if (target.laneId !== source.laneId) connect(source, target, 'data', next() < 0.5 ? pick(next, DOCUMENTS) : '');
  }

  return { workshopId, mapId, lanes, steps, connections };
}

function leastFilled(lanes: readonly Lane[], used: ReadonlyMap<LaneId, number>, preferred: number, total: number): Lane {
  const cap = Math.ceil(total / lanes.length);
  for (let distance = 0; distance < lanes.length; distance += 1) {
    for (const candidate of [preferred + distance, preferred - distance]) {
      const lane = lanes[candidate];
      if (lane && (used.get(lane.id) ?? 0) < cap) return lane;
    }
  }
  return lanes[preferred] as Lane;
}

/** Records of the map that fail the app's schemas (the app drops such rows when it loads a map). */
export function schemaProblems(map: MapRecords): string[] {
  const problems: string[] = [];
  for (const lane of map.lanes) if (!laneSchema.safeParse(lane).success) problems.push(`lane ${lane.id}`);
  for (const step of map.steps) if (!stepSchema.safeParse(step).success) problems.push(`step ${step.id}`);
  for (const connection of map.connections) if (!connectionSchema.safeParse(connection).success) problems.push(`connection ${connection.id}`);
  return problems;
}
