import { describe, expect, it } from 'vitest';
import { boxesOverlap, LANE_HEADER_WIDTH, layoutLanes, stepBox } from '../../../shared/editor/geometry';
import { bpmnToMap, type ImportedMap } from '../../../shared/bpmn/import';
import { newId, recordSchemas } from '../../../shared/model';
import type { Language } from '../../../shared/platform/bridge';
import { bpmnFixtures } from '../../fixtures/bpmn';

type FixtureName = keyof typeof bpmnFixtures;

const workshopId = newId('workshop');

async function importFixture(name: FixtureName, lang: Language = 'ja', processName?: string): Promise<ImportedMap> {
  const result = await bpmnToMap(bpmnFixtures[name], { workshopId, lang, ...(processName ? { processName } : {}) });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** `lane | type | label` per step, in the file's order. */
const stepsOf = (map: ImportedMap) =>
  map.steps.map((step) => `${map.lanes.find((lane) => lane.id === step.laneId)?.name} | ${step.type} | ${step.label}`);

/** `kind source → target [label]` per connection. */
const connectionsOf = (map: ImportedMap) => {
  const label = (id: string) => map.steps.find((step) => step.id === id)?.label;
  return map.connections.map((c) => `${c.kind} ${label(c.sourceStepId)} → ${label(c.targetStepId)} [${c.label}]`);
};

const goodFixtures: FixtureName[] = ['camunda-modeler-5.bpmn', 'bpmn-io-demo.bpmn', 'signavio.bpmn', 'unmappable-elements.bpmn'];

describe('BPMN import of a Camunda Modeler 5 file', () => {
  it('reads the pool’s lanes, tasks, gateway and events as an As-Is map', async () => {
    const map = await importFixture('camunda-modeler-5.bpmn');

    expect(map.processName).toBe('請求書承認プロセス');
    expect(map.lanes.map((lane) => [lane.name, lane.order])).toEqual([['経理部', 1], ['部門長', 2], ['会計システム', 3]]);
    expect(stepsOf(map)).toEqual([
      '経理部 | start | 請求書受領',
      '経理部 | manualTask | 請求内容確認',
      '部門長 | manualTask | 承認',
      '部門長 | decision | 承認された？',
      '会計システム | systemTask | 仕訳計上',
      '会計システム | end | 支払準備完了',
    ]);
    expect(map.unmapped).toEqual([]);
    expect(map.warnings).toEqual([]);
  });

  it('keeps flow names as connection labels', async () => {
    const map = await importFixture('camunda-modeler-5.bpmn');

    expect(connectionsOf(map)).toEqual([
      'sequence 請求書受領 → 請求内容確認 []',
      'sequence 請求内容確認 → 承認 []',
      'sequence 承認 → 承認された？ []',
      'sequence 承認された？ → 仕訳計上 [はい]',
      'sequence 承認された？ → 請求内容確認 [いいえ]',
      'sequence 仕訳計上 → 支払準備完了 []',
    ]);
  });

  it('keeps documentation and attached text annotations as the step’s notes', async () => {
    const map = await importFixture('camunda-modeler-5.bpmn');

    expect(map.steps.find((step) => step.label === '請求内容確認')?.notes).toBe('金額・支払先・登録番号を確認する。');
    expect(map.steps.find((step) => step.label === '承認')?.notes).toBe('10万円以上は部長承認');
  });

  it('places steps as drawn, clear of the lane header and of one another', async () => {
    const map = await importFixture('camunda-modeler-5.bpmn');
    const layout = layoutLanes(map.lanes, map.steps);
    const at = (label: string) => map.steps.find((step) => step.label === label)!.position;

    for (const step of map.steps) expect(step.position.x).toBeGreaterThan(LANE_HEADER_WIDTH);
    for (const a of map.steps) {
      for (const b of map.steps) if (a !== b) expect(boxesOverlap(stepBox(a, layout), stepBox(b, layout)), `${a.label} / ${b.label}`).toBe(false);
    }
    expect(at('請求書受領').x).toBeLessThan(at('請求内容確認').x);
    expect(at('請求内容確認').x).toBeLessThan(at('承認').x);
    expect(at('承認').x).toBeLessThan(at('承認された？').x);
    expect(at('承認された？').x).toBeLessThan(at('仕訳計上').x);
  });
});

describe('BPMN import of a bpmn.io demo file (a process without pool or lanes)', () => {
  it('puts everything in one lane and names what the file leaves unnamed', async () => {
    const ja = await importFixture('bpmn-io-demo.bpmn', 'ja');
    const en = await importFixture('bpmn-io-demo.bpmn', 'en');

    expect([ja.processName, ja.lanes.map((lane) => lane.name)]).toEqual(['取り込んだプロセス', ['レーン1']]);
    expect([en.processName, en.lanes.map((lane) => lane.name)]).toEqual(['Imported process', ['Lane 1']]);
  });

  it('takes the process name it is given', async () => {
    const map = await importFixture('bpmn-io-demo.bpmn', 'ja', '経費精算');

    expect(map.processName).toBe('経費精算');
  });

  it('reads a data object as a document step written by its task', async () => {
    const map = await importFixture('bpmn-io-demo.bpmn');

    expect(stepsOf(map)).toContain('レーン1 | document | 経費精算書');
    expect(connectionsOf(map)).toContain('data 経費精算書を作成 → 経費精算書 []');
    expect(connectionsOf(map).filter((c) => c.startsWith('sequence'))).toHaveLength(6);
    expect(map.unmapped).toEqual([]);
  });
});

describe('BPMN import of a Signavio file', () => {
  it('flattens nested lanes into lanes named by their path, with a warning', async () => {
    const map = await importFixture('signavio.bpmn');

    expect(map.processName).toBe('月次決算');
    expect(map.lanes.map((lane) => `${lane.name} (${lane.kind})`)).toEqual([
      '経理部 / 決算担当 (department)',
      '経理部 / 経理課長 (department)',
      '情報システム部 (department)',
      '子会社 (external)',
    ]);
    expect(map.warnings).toEqual([expect.stringContaining('"経理部" has sub-lanes')]);
  });

  it('reads tasks into the deepest lane that holds them and a message catch event as a hand-off', async () => {
    const map = await importFixture('signavio.bpmn');

    expect(stepsOf(map)).toEqual([
      '経理部 / 決算担当 | start | 月末',
      '情報システム部 | manualTask | 試算表出力',
      '経理部 / 決算担当 | handoff | 子会社データ受領',
      '経理部 / 決算担当 | manualTask | 連結パッケージ確認',
      '経理部 / 決算担当 | decision | 差異あり？',
      '経理部 / 決算担当 | manualTask | 差異調整',
      '経理部 / 経理課長 | manualTask | 経理課長承認',
      '経理部 / 経理課長 | end | 月次決算完了',
    ]);
    expect(connectionsOf(map)).toContain('sequence 差異あり？ → 差異調整 [あり]');
    expect(map.steps.find((step) => step.label === '試算表出力')?.notes).toBe('会計システムから出力し、Excel で勘定科目ごとに集計する。');
  });

  it('lists the message flow from the black-box pool instead of dropping it', async () => {
    const map = await importFixture('signavio.bpmn');

    expect(map.unmapped).toEqual([
      { elementId: 'sid-mf-package', type: 'messageFlow', name: '連結パッケージ', reason: expect.stringContaining('an end is a pool') },
    ]);
  });
});

describe('BPMN import of elements Kakehashi cannot map', () => {
  it('lists each one with a reason', async () => {
    const map = await importFixture('unmappable-elements.bpmn');

    expect(map.unmapped.map((item) => `${item.type} ${item.elementId}`)).toEqual([
      'boundaryEvent BoundaryEvent_Overdue',
      'subProcess SubProcess_Pay',
      'callActivity CallActivity_Transfer',
      'sequenceFlow Flow_Overdue',
      'group Group_Check',
      'textAnnotation TextAnnotation_Loose',
    ]);
    const reasonOf = (id: string) => map.unmapped.find((item) => item.elementId === id)?.reason;
    expect(reasonOf('BoundaryEvent_Overdue')).toContain('請求書スキャン');
    expect(reasonOf('SubProcess_Pay')).toContain('5 element(s) inside it');
    expect(reasonOf('CallActivity_Transfer')).toContain('BankTransfer');
    expect(reasonOf('Flow_Overdue')).toContain('boundaryEvent "3日経過"');
  });

  it('still imports sub-processes and call activities as one step each, and parallel gateways as decisions with a warning', async () => {
    const map = await importFixture('unmappable-elements.bpmn');

    expect(stepsOf(map)).toEqual(
      expect.arrayContaining(['買掛金支払 | manualTask | 支払処理', '買掛金支払 | manualTask | 送金', '買掛金支払 | systemTask | 発注データ照会']),
    );
    expect(map.steps.filter((step) => step.type === 'decision')).toHaveLength(2);
    expect(map.warnings).toEqual([expect.stringContaining('2 parallel gateway(s) became decisions')]);
    expect(connectionsOf(map)).toEqual(expect.arrayContaining(['sequence 支払処理 → 送金 []', 'sequence 督促 → 督促済み []']));
  });

  it('reads a data store as master data read through a data input association', async () => {
    const map = await importFixture('unmappable-elements.bpmn');

    expect(stepsOf(map)).toContain('買掛金支払 | master | 取引先マスタ');
    expect(connectionsOf(map)).toContain('data 取引先マスタ → 発注データ照会 []');
  });
});

describe('BPMN import records', () => {
  it.each(goodFixtures)('from %s are valid records of one new map in the given workshop', async (name) => {
    const mapId = newId('map');
    const result = await bpmnToMap(bpmnFixtures[name], { workshopId, mapId, lang: 'ja' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const map = result.value;

    expect(map.mapId).toBe(mapId);
    for (const lane of map.lanes) expect(recordSchemas.lanes.safeParse(lane).success).toBe(true);
    for (const step of map.steps) expect(recordSchemas.steps.safeParse(step).success).toBe(true);
    for (const c of map.connections) expect(recordSchemas.connections.safeParse(c).success).toBe(true);
    const records = [...map.lanes, ...map.steps, ...map.connections];
    expect(records.every((record) => record.workshopId === workshopId && record.mapId === mapId)).toBe(true);
    const laneIds = new Set(map.lanes.map((lane) => lane.id));
    expect(map.steps.every((step) => laneIds.has(step.laneId))).toBe(true);
  });
});

describe('BPMN import of a bad file', () => {
  it.each<[FixtureName, string, string]>([
    ['empty.bpmn', '(file)', 'The file is empty.'],
    ['not-xml.bpmn', 'line 1, column 1', 'Not well-formed XML'],
    ['truncated.bpmn', 'line 34, column 44', 'the file may be cut off'],
    ['not-bpmn.xml', 'line 2, column 1', 'Not a BPMN 2.0 file: its root element is <mxfile>'],
    ['no-process.bpmn', 'definitions', 'no process to import'],
  ])('refuses %s and says where and why', async (name, path, message) => {
    const result = await bpmnToMap(bpmnFixtures[name], { workshopId, lang: 'ja' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('refuses a BPMN file with an unknown element or a dangling reference, naming each', async () => {
    const result = await bpmnToMap(bpmnFixtures['unknown-element.bpmn'], { workshopId, lang: 'ja' });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { path: 'line 5, column 5', message: expect.stringContaining('unknown type <bpmn:Taks>') },
        { path: 'definitions/process[Process_1]/sequenceFlow[Flow_1]', message: expect.stringContaining('<Task_9>') },
      ]);
    }
  });

  it.each([
    ['only whitespace', ' \n\t '],
    ['zero bytes', '\0'.repeat(64)],
    ['JSON', '{"type":"kakehashi-workshop"}'],
  ])('refuses %s', async (_name, text) => {
    const result = await bpmnToMap(text, { workshopId, lang: 'ja' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(1);
  });
});
