import { describe, expect, it } from 'vitest';
import { GRID, LANE_HEADER_WIDTH, stepSize } from '../../../shared/editor/geometry';
import {
  connectionSchema,
  laneSchema,
  newId,
  stepSchema,
  type Connection,
  type Lane,
  type Step,
  type StepId,
} from '../../../shared/model';
import type { Language } from '../../../shared/platform/bridge';
import {
  blankMapLanes,
  findTemplate,
  instantiateTemplate,
  processTemplateIds,
  processTemplates,
  type ProcessTemplate,
  type TemplateRecords,
} from '../../../shared/templates';

// ------------------------------------------------------------------ fixtures and checkers

const languages: readonly Language[] = ['ja', 'en'];
const ctx = () => ({ workshopId: newId('workshop'), mapId: newId('map') });

/** Kana, kanji, CJK punctuation and full-width forms. */
const JAPANESE_CHAR = /[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
/** Kana or kanji: text that actually reads as Japanese. */
const JAPANESE_TEXT = /[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;

function template(id: string): ProcessTemplate {
  const found = findTemplate(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

type Records = TemplateRecords;

function schemaProblems(records: Records): string[] {
  const problems: string[] = [];
  for (const lane of records.lanes) {
    const result = laneSchema.safeParse(lane);
    if (!result.success) problems.push(`lane ${lane.name}: ${result.error.message}`);
  }
  for (const step of records.steps) {
    const result = stepSchema.safeParse(step);
    if (!result.success) problems.push(`step ${step.label}: ${result.error.message}`);
  }
  for (const connection of records.connections) {
    const result = connectionSchema.safeParse(connection);
    if (!result.success) problems.push(`connection ${connection.id}: ${result.error.message}`);
  }
  return problems;
}

function referenceProblems(records: Records): string[] {
  const problems: string[] = [];
  const laneIds = new Set(records.lanes.map((lane) => lane.id));
  const stepIds = new Set(records.steps.map((step) => step.id));
  for (const step of records.steps) if (!laneIds.has(step.laneId)) problems.push(`step ${step.label} is in a foreign lane`);
  for (const c of records.connections) {
    if (!stepIds.has(c.sourceStepId)) problems.push(`connection ${c.id} starts at a foreign step`);
    if (!stepIds.has(c.targetStepId)) problems.push(`connection ${c.id} ends at a foreign step`);
    if (c.sourceStepId === c.targetStepId) problems.push(`connection ${c.id} loops on one step`);
  }
  return problems;
}

function sequenceSuccessors(records: Records): Map<StepId, StepId[]> {
  const next = new Map<StepId, StepId[]>();
  for (const c of records.connections) {
    if (c.kind !== 'sequence') continue;
    next.set(c.sourceStepId, [...(next.get(c.sourceStepId) ?? []), c.targetStepId]);
  }
  return next;
}

function reachableFrom(start: StepId, next: Map<StepId, StepId[]>): Set<StepId> {
  const seen = new Set<StepId>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const target of next.get(id) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/**
 * One start, at least one end; every flow step reachable from the start along sequence flows
 * and able to reach an end. Master-data steps are data objects, not activities: they are not
 * on the sequence flow and must instead feed a reachable step through a data connection.
 */
function flowProblems(records: Records): string[] {
  const problems: string[] = [];
  const starts = records.steps.filter((step) => step.type === 'start');
  const ends = records.steps.filter((step) => step.type === 'end');
  if (starts.length !== 1) problems.push(`${starts.length} start events`);
  if (ends.length === 0) problems.push('no end event');
  const start = starts[0];
  if (!start) return problems;

  const next = sequenceSuccessors(records);
  const reached = reachableFrom(start.id, next);
  const endIds = new Set(ends.map((step) => step.id));
  for (const step of records.steps) {
    if (step.type === 'start') continue;
    if (step.type === 'master') {
      const feeds = records.connections.some((c) => c.kind === 'data' && c.sourceStepId === step.id && reached.has(c.targetStepId));
      if (!feeds) problems.push(`master ${step.label} feeds no step of the flow`);
      if (records.connections.some((c) => c.kind === 'sequence' && (c.sourceStepId === step.id || c.targetStepId === step.id)))
        problems.push(`master ${step.label} is on the sequence flow`);
      continue;
    }
    if (!reached.has(step.id)) problems.push(`${step.label} is not reachable from the start`);
    const reachesEnd = [...reachableFrom(step.id, next)].some((id) => endIds.has(id));
    if (!reachesEnd) problems.push(`${step.label} never leads to an end`);
  }
  for (const end of ends) if ((next.get(end.id) ?? []).length > 0) problems.push(`end ${end.label} has outgoing flows`);
  return problems;
}

function decisionProblems(records: Records): string[] {
  const problems: string[] = [];
  for (const step of records.steps.filter((s) => s.type === 'decision')) {
    const outgoing = records.connections.filter((c) => c.kind === 'sequence' && c.sourceStepId === step.id);
    if (outgoing.length < 2) problems.push(`decision ${step.label} has ${outgoing.length} outgoing flows`);
    if (outgoing.some((c) => c.label.trim() === '')) problems.push(`decision ${step.label} has an unlabelled branch`);
    if (new Set(outgoing.map((c) => c.label)).size !== outgoing.length) problems.push(`decision ${step.label} repeats a branch label`);
  }
  return problems;
}

function layoutProblems(records: Records): string[] {
  const problems: string[] = [];
  for (const step of records.steps) {
    if (step.position.x < LANE_HEADER_WIDTH + GRID) problems.push(`${step.label} sits on the lane header`);
    if (step.position.y < GRID) problems.push(`${step.label} sits on the lane's top edge`);
  }
  for (const lane of records.lanes) {
    const inLane = records.steps.filter((step) => step.laneId === lane.id);
    for (let i = 0; i < inLane.length; i++) {
      for (let j = i + 1; j < inLane.length; j++) {
        const a = inLane[i]!;
        const b = inLane[j]!;
        const sa = stepSize(a.type);
        const sb = stepSize(b.type);
        const apart =
          a.position.x + sa.width <= b.position.x ||
          b.position.x + sb.width <= a.position.x ||
          a.position.y + sa.height <= b.position.y ||
          b.position.y + sb.height <= a.position.y;
        if (!apart) problems.push(`${a.label} overlaps ${b.label} in ${lane.name}`);
      }
    }
  }
  return problems;
}

function stepTexts(step: Step): string[] {
  return [
    step.label,
    step.system,
    step.volume,
    step.notes,
    ...step.tools,
    ...step.inputs,
    ...step.outputs,
    ...step.performers.map((p) => (p.kind === 'role' ? p.role : '')),
  ];
}

/** In English: no Japanese character anywhere. In Japanese: every name and label reads as Japanese. */
function languageProblems(records: Records, language: Language): string[] {
  const problems: string[] = [];
  if (language === 'en') {
    const texts = [
      ...records.lanes.map((lane) => lane.name),
      ...records.steps.flatMap(stepTexts),
      ...records.connections.map((c) => c.label),
    ];
    for (const text of texts) if (JAPANESE_CHAR.test(text)) problems.push(`Japanese in English text: ${text}`);
  } else {
    const texts = [
      ...records.lanes.map((lane) => lane.name),
      ...records.steps.map((step) => step.label),
      ...records.connections.map((c) => c.label).filter((label) => label !== ''),
    ];
    for (const text of texts) if (!JAPANESE_TEXT.test(text)) problems.push(`no Japanese in: ${text}`);
  }
  return problems;
}

function stepByLabel(records: Records, fragment: string): Step {
  const step = records.steps.find((s) => s.label.includes(fragment));
  if (!step) throw new Error(`no step labelled ${fragment}`);
  return step;
}

function laneOf(records: Records, step: Step): Lane {
  const lane = records.lanes.find((l) => l.id === step.laneId);
  if (!lane) throw new Error(`step ${step.label} has no lane`);
  return lane;
}

const cases = processTemplates.flatMap((t) => languages.map((language) => ({ id: t.id, language, t })));

// ------------------------------------------------------------------ the catalogue

describe('template catalogue', () => {
  it('offers the four accounting flows, in order, each findable by id', () => {
    expect(processTemplates.map((t) => t.id)).toEqual([
      'accountsPayable',
      'cashApplication',
      'expenseReimbursement',
      'monthEndClose',
    ]);
    expect([...processTemplateIds]).toEqual(processTemplates.map((t) => t.id));
    for (const t of processTemplates) expect(findTemplate(t.id)).toBe(t);
    expect(findTemplate('payroll')).toBeUndefined();
  });

  it('names and describes every template in both languages', () => {
    expect(processTemplates.map((t) => t.name.ja)).toEqual(['買掛金支払', '売掛金入金消込', '経費精算', '月次決算']);
    for (const t of processTemplates) {
      for (const text of [t.name.ja, t.description.ja]) expect(text).toMatch(JAPANESE_TEXT);
      for (const text of [t.name.en, t.description.en]) expect(text).not.toMatch(JAPANESE_CHAR);
      expect(t.description.en.length).toBeGreaterThan(40);
    }
  });

  it('uses unique keys, unique lane colours and only lanes that hold a step', () => {
    for (const t of processTemplates) {
      const laneKeys = t.lanes.map((lane) => lane.key);
      expect(new Set(laneKeys).size, t.id).toBe(laneKeys.length);
      expect(new Set(t.steps.map((s) => s.key)).size, t.id).toBe(t.steps.length);
      expect(new Set(t.lanes.map((lane) => lane.color.toLowerCase())).size, t.id).toBe(t.lanes.length);
      for (const key of laneKeys) expect(t.steps.some((s) => s.lane === key), `${t.id} lane ${key}`).toBe(true);
      for (const s of t.steps) {
        expect(Number.isInteger(s.column) && s.column >= 0, `${t.id} ${s.key}`).toBe(true);
        expect(Number.isInteger(s.row ?? 0) && (s.row ?? 0) >= 0, `${t.id} ${s.key}`).toBe(true);
      }
    }
  });
});

// ------------------------------------------------------------------ instantiation, per template and language

describe.each(cases)('$id in $language', ({ t, language }) => {
  const context = ctx();
  const records = instantiateTemplate(t, language, context);

  it('produces one record per template lane, step and connection, all schema-valid', () => {
    expect(records.lanes).toHaveLength(t.lanes.length);
    expect(records.steps).toHaveLength(t.steps.length);
    expect(records.connections).toHaveLength(t.connections.length);
    expect(schemaProblems(records)).toEqual([]);
  });

  it('puts every record in the given workshop and map, lanes ordered 1..n', () => {
    for (const record of [...records.lanes, ...records.steps, ...records.connections]) {
      expect(record.workshopId).toBe(context.workshopId);
      expect(record.mapId).toBe(context.mapId);
    }
    expect(records.lanes.map((lane) => lane.order)).toEqual(t.lanes.map((_, index) => index + 1));
    expect(records.lanes.map((lane) => lane.name)).toEqual(t.lanes.map((lane) => lane.name[language]));
  });

  it('connects only steps of the template', () => {
    expect(referenceProblems(records)).toEqual([]);
  });

  it('has one start, an end, and every step on a path from the start to an end', () => {
    expect(flowProblems(records)).toEqual([]);
  });

  it('labels every branch of every decision', () => {
    expect(decisionProblems(records)).toEqual([]);
  });

  it('lays steps out without overlaps, clear of the lane header and top edge', () => {
    expect(layoutProblems(records)).toEqual([]);
  });

  it('centres the shapes of one row on one line, so straight arrows join them', () => {
    const centres = new Map<number, Set<number>>();
    t.steps.forEach((templateStep, index) => {
      const step = records.steps[index]!;
      const row = templateStep.row ?? 0;
      const centre = step.position.y + stepSize(step.type).height / 2;
      centres.set(row, new Set([...(centres.get(row) ?? []), centre]));
    });
    for (const [row, set] of centres) expect(set.size, `row ${row}`).toBe(1);
  });

  it(language === 'ja' ? 'reads as Japanese' : 'contains no Japanese', () => {
    expect(languageProblems(records, language)).toEqual([]);
  });

  it('keeps performers as roles and fills the unset attributes with defaults', () => {
    records.steps.forEach((step, index) => {
      const templateStep = t.steps[index]!;
      expect(step.originStepId).toBeNull();
      expect(step.performers).toEqual((templateStep.performers ?? []).map((role) => ({ kind: 'role', role: role[language] })));
      expect(step.tools).toEqual((templateStep.tools ?? []).map((tool) => tool[language]));
      expect(step.system).toBe(templateStep.system?.[language] ?? '');
      expect(step.frequency).toBe(templateStep.frequency ?? null);
      expect(step.touchMinutes).toBe(templateStep.touchMinutes ?? null);
      expect(step.waitMinutes).toBe(templateStep.waitMinutes ?? null);
    });
    const start = records.steps.find((step) => step.type === 'start')!;
    expect(start).toMatchObject({
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
    });
  });

  it('carries working-time estimates on the steps people work on', () => {
    const worked = records.steps.filter((step) => ['manualTask', 'systemTask', 'spreadsheet', 'approval'].includes(step.type));
    expect(worked.length).toBeGreaterThan(0);
    for (const step of worked) {
      expect(step.touchMinutes, step.label).not.toBeNull();
      expect(step.performers.length, step.label).toBeGreaterThan(0);
      expect(step.frequency, step.label).not.toBeNull();
    }
  });
});

// ------------------------------------------------------------------ what each flow must show

describe('accounts payable', () => {
  const ja = instantiateTemplate(template('accountsPayable'), 'ja', ctx());

  it('has the lanes of the product notes', () => {
    expect(ja.lanes.map((lane) => lane.name)).toEqual(['取引先', '現場部門', '経理部', '財務・出納', '会計システム', '銀行']);
  });

  it('runs the listed steps from 請求書発行 to 証憑保存 in sequence', () => {
    const listed = [
      '請求書発行',
      '請求書受領・検収確認',
      '支払依頼書作成',
      '部門長承認',
      '三点照合',
      '登録番号確認',
      '仕訳入力',
      '経理課長承認',
      '支払予定表作成',
      'FBデータ作成・送信',
      '振込',
      '支払消込',
      '証憑保存',
    ];
    const next = sequenceSuccessors(ja);
    const ids = listed.map((label) => stepByLabel(ja, label).id);
    for (let i = 1; i < ids.length; i++) {
      expect(reachableFrom(ids[i - 1]!, next).has(ids[i]!), `${listed[i - 1]} → ${listed[i]}`).toBe(true);
    }
  });

  it('checks 三点照合 and 登録番号確認 and sends mismatches back to 現場部門 through 差異確認', () => {
    const match = stepByLabel(ja, '三点照合');
    const registration = stepByLabel(ja, '登録番号確認');
    expect(registration.label).toContain('インボイス');
    const decision = ja.steps.find((s) => s.type === 'decision')!;
    const branches = ja.connections.filter((c) => c.sourceStepId === decision.id && c.kind === 'sequence');
    expect(branches.map((c) => c.label).sort()).toEqual(['一致', '不一致'].sort());
    const mismatch = branches.find((c) => c.label === '不一致')!;
    const discrepancy = ja.steps.find((s) => s.id === mismatch.targetStepId)!;
    expect(discrepancy.label).toContain('差異確認');
    expect(laneOf(ja, discrepancy).name).toBe('現場部門');
    expect(reachableFrom(discrepancy.id, sequenceSuccessors(ja)).has(match.id)).toBe(true);
    expect(reachableFrom(match.id, sequenceSuccessors(ja)).has(decision.id)).toBe(true);
    expect(reachableFrom(registration.id, sequenceSuccessors(ja)).has(decision.id)).toBe(true);
  });

  it('shows the Excel work as spreadsheet steps with their workbooks', () => {
    for (const label of ['支払依頼書作成', '支払予定表作成']) {
      const step = stepByLabel(ja, label);
      expect(step.type).toBe('spreadsheet');
      expect(step.tools.some((tool) => tool.endsWith('.xlsx')), label).toBe(true);
    }
    expect(stepByLabel(ja, 'FBデータ作成・送信').type).toBe('systemTask');
    expect(stepByLabel(ja, '部門長承認').type).toBe('approval');
    expect(stepByLabel(ja, '経理課長承認').type).toBe('approval');
  });

  it('feeds 取引先マスタ into the flow through a data connection', () => {
    const master = stepByLabel(ja, '取引先マスタ');
    expect(master.type).toBe('master');
    expect(laneOf(ja, master).name).toBe('会計システム');
    const data = ja.connections.filter((c) => c.kind === 'data' && c.sourceStepId === master.id);
    expect(data.length).toBeGreaterThan(0);
    expect(data.map((c) => ja.steps.find((s) => s.id === c.targetStepId)!.label)).toContain('登録番号確認（インボイス制度）');
  });

  it('gives roles in each language', () => {
    const en = instantiateTemplate(template('accountsPayable'), 'en', ctx());
    const index = template('accountsPayable').steps.findIndex((s) => s.key === 'threeWayMatch');
    expect(ja.steps[index]!.performers).toEqual([{ kind: 'role', role: 'AP担当' }]);
    expect(en.steps[index]!.performers).toEqual([{ kind: 'role', role: 'AP clerk' }]);
    expect(en.steps[index]!.label).toBe('Three-way match (PO, receipt, invoice)');
  });
});

describe('cash application', () => {
  const ja = instantiateTemplate(template('cashApplication'), 'ja', ctx());

  it('matches payments in Excel against the customer master and routes differences to sales', () => {
    expect(ja.lanes.map((lane) => lane.name)).toEqual(['顧客', '銀行', '経理部', '営業部', '会計システム']);
    const matching = stepByLabel(ja, '入金消込');
    expect(matching.type).toBe('spreadsheet');
    const master = stepByLabel(ja, '顧客マスタ');
    expect(ja.connections.some((c) => c.kind === 'data' && c.sourceStepId === master.id && c.targetStepId === matching.id)).toBe(true);
    const ask = stepByLabel(ja, '営業へ照会');
    expect(reachableFrom(stepByLabel(ja, '差異確認').id, sequenceSuccessors(ja)).has(ask.id)).toBe(true);
    expect(reachableFrom(ask.id, sequenceSuccessors(ja)).has(stepByLabel(ja, '滞留債権レポート').id)).toBe(true);
  });
});

describe('expense reimbursement', () => {
  const ja = instantiateTemplate(template('expenseReimbursement'), 'ja', ctx());

  it('sends claims with issues back to the applicant', () => {
    expect(ja.lanes.map((lane) => lane.name)).toEqual(['申請者', '上長', '経理部', '会計システム', '銀行']);
    const claim = stepByLabel(ja, '経費申請');
    expect(claim.type).toBe('spreadsheet');
    const sendBack = ja.connections.find((c) => c.label.includes('差戻し'))!;
    expect(sendBack.targetStepId).toBe(claim.id);
    expect(ja.steps.find((s) => s.id === sendBack.sourceStepId)!.type).toBe('decision');
    expect(stepByLabel(ja, '上長承認').type).toBe('approval');
  });
});

describe('month-end close', () => {
  const ja = instantiateTemplate(template('monthEndClose'), 'ja', ctx());

  it('reconciles and reports in Excel, and the manager review can send the work back', () => {
    expect(ja.lanes.map((lane) => lane.name)).toEqual(['各部門', '経理部（担当）', '経理課長', '経営企画', '会計システム', '連結子会社']);
    expect(stepByLabel(ja, '勘定残高の照合').type).toBe('spreadsheet');
    expect(stepByLabel(ja, '月次報告資料作成').type).toBe('spreadsheet');
    const review = stepByLabel(ja, '経理課長レビュー');
    expect(review.type).toBe('approval');
    const back = ja.connections.find((c) => c.sourceStepId === review.id && c.label === '差戻し')!;
    expect(back).toBeDefined();
    expect(reachableFrom(back.targetStepId, sequenceSuccessors(ja)).has(review.id)).toBe(true);
    const next = sequenceSuccessors(ja);
    const order = ['締め日案内', '計上依頼', '未払・前払計上', '減価償却', '引当金', '勘定残高の照合', '子会社データ収集', '試算表作成', '経理課長レビュー', '月次報告資料作成', '経営会議報告'];
    for (let i = 1; i < order.length; i++) {
      expect(reachableFrom(stepByLabel(ja, order[i - 1]!).id, next).has(stepByLabel(ja, order[i]!).id), order[i]).toBe(true);
    }
  });
});

// ------------------------------------------------------------------ ids and blank maps

describe('ids', () => {
  it('are new on every instantiation', () => {
    const t = template('accountsPayable');
    const context = ctx();
    const ids = (records: Records) => [...records.lanes, ...records.steps, ...records.connections].map((record) => record.id);
    const first = ids(instantiateTemplate(t, 'ja', context));
    const second = ids(instantiateTemplate(t, 'ja', context));
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
  });
});

describe('blank map lanes', () => {
  it.each(languages)('are schema-valid, ordered and named in %s', (language) => {
    const context = ctx();
    const lanes = blankMapLanes(language, context);
    expect(lanes.length).toBeGreaterThanOrEqual(3);
    expect(lanes.map((lane) => lane.order)).toEqual(lanes.map((_, index) => index + 1));
    for (const lane of lanes) {
      expect(laneSchema.safeParse(lane).success).toBe(true);
      expect(lane.mapId).toBe(context.mapId);
    }
    const names = lanes.map((lane) => lane.name);
    if (language === 'ja') expect(names.slice(0, 3)).toEqual(['経理部', '現場部門', '会計システム']);
    else for (const name of names) expect(name).not.toMatch(JAPANESE_CHAR);
    expect(new Set(lanes.map((lane) => lane.color)).size).toBe(lanes.length);
    expect(lanes.some((lane) => lane.kind === 'system')).toBe(true);
  });
});

// ------------------------------------------------------------------ the checks above catch broken maps

describe('the checks', () => {
  const base = () => instantiateTemplate(template('accountsPayable'), 'en', ctx());
  const withSteps = (records: Records, steps: Step[]): Records => ({ ...records, steps });
  const withConnections = (records: Records, connections: Connection[]): Records => ({ ...records, connections });

  it('catch a record the schema refuses', () => {
    const records = base();
    const [first, ...rest] = records.steps;
    expect(schemaProblems(withSteps(records, [{ ...first!, touchMinutes: -5 }, ...rest]))).not.toEqual([]);
    const lanes = records.lanes.map((lane, index) => (index === 0 ? { ...lane, color: 'pink' } : lane));
    expect(schemaProblems({ ...records, lanes })).not.toEqual([]);
  });

  it('catch a connection to a step outside the map', () => {
    const records = base();
    const stray = { ...records.connections[0]!, targetStepId: newId('step') };
    expect(referenceProblems(withConnections(records, [...records.connections, stray]))).not.toEqual([]);
  });

  it('catch an unreachable step, a second start and a dead end', () => {
    const records = base();
    const dropped = records.connections.filter((c) => !(c.kind === 'sequence' && c.targetStepId === records.steps[1]!.id));
    expect(flowProblems(withConnections(records, dropped)).join()).toMatch(/not reachable/);
    const twoStarts = records.steps.map((step, index) => (index === 1 ? { ...step, type: 'start' as const } : step));
    expect(flowProblems(withSteps(records, twoStarts)).join()).toMatch(/2 start events/);
    const end = records.steps.find((step) => step.type === 'end')!;
    const noEnd = records.connections.filter((c) => c.targetStepId !== end.id);
    expect(flowProblems(withConnections(records, noEnd)).join()).toMatch(/never leads to an end/);
    const noData = records.connections.filter((c) => c.kind !== 'data');
    expect(flowProblems(withConnections(records, noData)).join()).toMatch(/feeds no step/);
  });

  it('catch a decision with an unlabelled or missing branch', () => {
    const records = base();
    const decision = records.steps.find((step) => step.type === 'decision')!;
    const unlabelled = records.connections.map((c) => (c.sourceStepId === decision.id ? { ...c, label: '' } : c));
    expect(decisionProblems(withConnections(records, unlabelled))).not.toEqual([]);
    let kept = false;
    const oneBranch = records.connections.filter((c) => {
      if (c.sourceStepId !== decision.id) return true;
      if (kept) return false;
      kept = true;
      return true;
    });
    expect(decisionProblems(withConnections(records, oneBranch))).not.toEqual([]);
  });

  it('catch overlapping steps and steps on the lane header', () => {
    const records = base();
    const [a, b] = records.steps.filter((step) => step.laneId === records.steps[2]!.laneId);
    const overlapping = records.steps.map((step) => (step.id === b!.id ? { ...step, position: { x: a!.position.x + 20, y: a!.position.y + 10 } } : step));
    expect(layoutProblems(withSteps(records, overlapping)).join()).toMatch(/overlaps/);
    const onHeader = records.steps.map((step, index) => (index === 0 ? { ...step, position: { x: 40, y: 40 } } : step));
    expect(layoutProblems(withSteps(records, onHeader)).join()).toMatch(/lane header/);
  });

  it('catch Japanese in English text and English-only Japanese labels', () => {
    const en = base();
    const mixed = en.steps.map((step, index) => (index === 3 ? { ...step, tools: ['支払依頼書.xlsx'] } : step));
    expect(languageProblems(withSteps(en, mixed), 'en')).not.toEqual([]);
    const ja = instantiateTemplate(template('accountsPayable'), 'ja', ctx());
    const english = ja.steps.map((step, index) => (index === 3 ? { ...step, label: 'Payment request' } : step));
    expect(languageProblems(withSteps(ja, english), 'ja')).not.toEqual([]);
  });

  it('refuse a template that refers to a lane or step it does not define', () => {
    const t = template('expenseReimbursement');
    const badLane = { ...t, steps: t.steps.map((s, i) => (i === 0 ? { ...s, lane: 'payroll' } : s)) };
    expect(() => instantiateTemplate(badLane, 'ja', ctx())).toThrow(/unknown lane/);
    const badStep = { ...t, connections: [...t.connections, { from: 'start', to: 'nowhere' }] };
    expect(() => instantiateTemplate(badStep, 'ja', ctx())).toThrow(/unknown step/);
  });
});
