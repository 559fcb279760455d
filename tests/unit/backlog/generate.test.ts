import { describe, expect, it } from 'vitest';
import { generateBacklog, keyNumber, mergeRequirements, type GenerateOptions } from '../../../shared/backlog';
import {
  readWorkshopDocument,
  requirementSchema,
  type PainPointId,
  type Requirement,
  type WorkshopDocument,
} from '../../../shared/model';
import { BACKLOG_NOW, backlogDocument, fixedRequirementIds } from '../../fixtures/backlogDocument';

const later = '2026-11-26T09:00:00.000Z';
const options = (lang: GenerateOptions['lang'] = 'ja', now = BACKLOG_NOW): GenerateOptions => ({ lang, now, newRequirementId: fixedRequirementIds() });

function generate(document: WorkshopDocument = backlogDocument(), lang: GenerateOptions['lang'] = 'ja'): Requirement[] {
  return [...generateBacklog(document, [], options(lang)).added];
}

const byOrigin = (requirements: readonly Requirement[], kind: string, id: string) => {
  const found = requirements.find((requirement) => requirement.origins.some((origin) => origin.kind === kind && origin.id === id));
  if (!found) throw new Error(`no requirement from ${kind} ${id}`);
  return found;
};

const sourceIds = (requirement: Requirement) => requirement.sources.map((source) => `${source.kind} ${source.id}`);

describe('the backlog fixture', () => {
  it('is a valid workshop document of the current schema', () => {
    const result = readWorkshopDocument(JSON.parse(JSON.stringify(backlogDocument())));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('generating a backlog', () => {
  it('drafts valid requirements keyed REQ-001… in backlog order, each from one origin', () => {
    const requirements = generate();
    expect(requirements.map((requirement) => requirement.key)).toEqual(Array.from({ length: 20 }, (_, index) => `REQ-${String(index + 1).padStart(3, '0')}`));
    for (const requirement of requirements) {
      expect(requirementSchema.parse(requirement)).toEqual(requirement);
      expect(requirement).toMatchObject({ status: 'draft', mergedIntoId: null, createdAt: BACKLOG_NOW, updatedAt: BACKLOG_NOW });
      expect(requirement.origins).toHaveLength(1);
    }
    expect(requirements.map((requirement) => requirement.order)).toEqual(requirements.map((_, index) => index + 1));
  });

  it('answers each open pain point by its category, most severe first, and skips deferred ones', () => {
    const requirements = generate();
    const fromPains = requirements.filter((requirement) => requirement.origins[0]?.kind === 'painPoint');
    expect(fromPains.map((requirement) => [requirement.origins[0]?.id, requirement.type, requirement.priority, requirement.owner])).toEqual([
      ['pain:masterDt', 'data', 'must', 'joint'],
      ['pain:approvDl', 'permission', 'must', 'joint'],
      ['pain:doubleEnt', 'interface', 'must', 'it'],
      ['pain:fbUpload', 'interface', 'must', 'it'],
      ['pain:monthEnd', 'functional', 'should', 'it'],
      ['pain:reportFd', 'report', 'should', 'joint'],
      ['pain:exceptNd', 'exceptionHandling', 'could', 'joint'],
    ]);
    expect(fromPains.map((requirement) => requirement.origins[0]?.id)).not.toContain('pain:training');
  });

  it('traces a pain point to its step, both ends of its connection, and the KPIs that measure it', () => {
    const requirements = generate();
    const doubleEntry = byOrigin(requirements, 'painPoint', 'pain:doubleEnt');
    expect(sourceIds(doubleEntry)).toEqual(['painPoint pain:doubleEnt', 'asIsStep step:asJournl', 'kpi kpi:leadTime', 'kpi kpi:manualHr']);
    expect(doubleEntry.acceptanceCriteria).toContain('KPI「手入力の工数」が現在の40時間/月から目標の10時間/月に改善している');
    expect(doubleEntry.acceptanceCriteria).toContain('「仕訳入力」で失われている時間が現在の月20時間より減っている');
    expect(sourceIds(byOrigin(requirements, 'painPoint', 'pain:fbUpload'))).toEqual(['painPoint pain:fbUpload', 'asIsStep step:asPaymnt', 'asIsStep step:asFiling']);
  });

  it('writes user stories in Japanese, told by the role of who raised it or the lane', () => {
    const requirements = generate(backlogDocument(), 'ja');
    for (const requirement of requirements) expect(requirement.description).toMatch(/^\S.*として、.+たい.*。なぜなら、.+。$/s);
    expect(byOrigin(requirements, 'painPoint', 'pain:doubleEnt').description).toBe(
      'AP担当として、「仕訳入力」のデータを一度の入力で必要なシステムへ連携したい。なぜなら、現在「支払依頼書の内容を会計システムに再入力している」という課題があり、月20時間が失われているから。',
    );
    expect(byOrigin(requirements, 'painPoint', 'pain:approvDl').description).toMatch(/^経理部の担当者として、/);
    expect(byOrigin(requirements, 'painPoint', 'pain:monthEnd').description).toMatch(/^経理担当者として、「買掛金支払」の課題を解消したい。/);
  });

  it('writes user stories in English', () => {
    const requirements = generate(backlogDocument(), 'en');
    for (const requirement of requirements) expect(requirement.description).toMatch(/^As .+, I want .+, so that .+\.$/s);
    expect(byOrigin(requirements, 'painPoint', 'pain:doubleEnt')).toMatchObject({
      title: 'Remove double entry: 支払依頼書の内容を会計システムに再入力している',
      description:
        'As the AP担当, I want to enter the data of "仕訳入力" once and have it passed on to every system that needs it, so that "支払依頼書の内容を会計システムに再入力している" no longer costs us 20 hours a month.',
    });
  });

  it('drafts exception handling with the desired handling as acceptance criterion', () => {
    const requirement = byOrigin(generate(), 'exception', 'exception:amountMm');
    expect(requirement).toMatchObject({ type: 'exceptionHandling', priority: 'should', owner: 'joint' });
    expect(requirement.description).toContain('現在は「担当者が仕入先に電話で確認し、Excel の差異一覧に記録」で対応しており');
    expect(requirement.acceptanceCriteria).toContain('「差異が1,000円以下なら自動で承認へ回す」のとおりに処理できる');
    expect(sourceIds(requirement)).toEqual(['exception exception:amountMm', 'asIsStep step:asRecv01', 'painPoint pain:exceptNd']);
  });

  it('drafts approval rules as permissions with the amount band, deputy and evidence', () => {
    const requirements = generate();
    const upTo = byOrigin(requirements, 'approvalRule', 'approval:upTo1M01');
    expect(upTo).toMatchObject({ type: 'permission', priority: 'must', title: '承認ルール: 1,000,000円以下は経理課長が承認' });
    expect(upTo.acceptanceCriteria).toEqual([
      '1,000,000円以下の案件は経理課長の承認なしに次の工程へ進まない',
      '経理課長の不在時は経理係長が代理で承認でき、代理であることが記録される',
      '承認時に請求書・検収書の添付・確認が必須になっている',
      '承認者・日時・金額が記録され、後から参照できる',
    ]);
    const over = byOrigin(generate(backlogDocument(), 'en'), 'approvalRule', 'approval:over1M01');
    expect(over.title).toBe('Approval rule: 経理部長 approves ¥1,000,000 and above');
    expect(over.acceptanceCriteria.some((criterion) => criterion.includes('deputy'))).toBe(false);
  });

  it('drafts one report requirement per step from the fields required in the new system', () => {
    const requirements = generate().filter((requirement) => requirement.origins[0]?.kind === 'reportFields');
    expect(requirements.map((requirement) => requirement.title)).toEqual([
      '帳票出力: 「仕訳入力」の必須項目（「登録番号」）',
      '帳票出力: 「支払データ作成」の必須項目（「部門コード」「支払期日」）',
    ]);
    const payment = requirements[1]!;
    expect(payment).toMatchObject({ type: 'report', priority: 'must', owner: 'joint' });
    expect(payment.acceptanceCriteria).toEqual([
      '項目「部門コード」（出所: 会計システム、形式: 文字列(4)）が帳票・画面に出力される',
      '項目「支払期日」（出所: 会計システム、形式: YYYY-MM-DD）が帳票・画面に出力される',
    ]);
    expect(sourceIds(payment)).not.toContain('reportField field:memo0001');
  });

  it('drafts the To-Be changes: automated, added and system steps, removed As-Is steps', () => {
    const requirements = generate();
    const toBe = requirements.filter((requirement) => ['toBeStep', 'removedStep'].includes(requirement.origins[0]?.kind ?? ''));
    expect(toBe.map((requirement) => [requirement.title, requirement.type, requirement.owner])).toEqual([
      ['自動化: 請求書データ取込（OCR）', 'functional', 'it'],
      ['新しい工程: 三点照合（自動）', 'functional', 'it'],
      ['自動化: 仕訳自動計上', 'functional', 'it'],
      ['システム機能: 支払データ作成', 'interface', 'it'],
      ['新しい工程: FBデータ送信', 'interface', 'it'],
      ['廃止: 支払依頼書作成', 'functional', 'joint'],
      ['廃止: 証憑ファイリング', 'functional', 'joint'],
    ]);
    const automated = byOrigin(requirements, 'toBeStep', 'step:tbJournl');
    expect(sourceIds(automated)).toEqual(['toBeStep step:tbJournl', 'asIsStep step:asJournl', 'painPoint pain:doubleEnt', 'kpi kpi:leadTime', 'kpi kpi:manualHr']);
    expect(automated.priority).toBe('must'); // raised by the severity-4 pain point on the As-Is step it automates
    expect(byOrigin(requirements, 'toBeStep', 'step:tbFbSend').acceptanceCriteria).toContain('連携先（会計システム）とのデータ連携が自動で行われ、エラーは通知される');
  });
});

describe('generating again', () => {
  const withPain = (document: WorkshopDocument, painId: string, changes: object) => ({
    ...document,
    painPoints: document.painPoints.map((pain) => (pain.id === painId ? { ...pain, ...changes } : pain)),
  });

  it('adds nothing when nothing changed', () => {
    const document = backlogDocument();
    const first = generate(document);
    expect(generateBacklog(document, first, options('ja', later))).toEqual({ added: [], flagged: [], restored: [], put: [] });
  });

  it('keeps what the facilitator edited and adds only new drafts, with the next key', () => {
    const document = backlogDocument();
    const edited = generate(document).map((requirement) =>
      requirement.key === 'REQ-003' ? { ...requirement, title: '会計システムへの自動連携', priority: 'could' as const, status: 'agreed' as const } : requirement,
    );
    const newPain = { ...document.painPoints[0]!, id: 'pain:newOne01' as PainPointId, title: '請求書の受付状況が見えない', category: 'other' as const };
    const result = generateBacklog({ ...document, painPoints: [...document.painPoints, newPain] }, edited, options('ja', later));
    expect(result.added.map((requirement) => [requirement.key, requirement.order, requirement.origins])).toEqual([
      ['REQ-021', 21, [{ kind: 'painPoint', id: 'pain:newOne01' }]],
    ]);
    expect(result.put).toEqual(result.added);
  });

  it('never reuses a key, not even of a rejected or merged requirement or one that is gone', () => {
    const document = backlogDocument();
    const first = generate(document);
    const [kept, absorbed] = [first[18]!, first[19]!];
    const merged = mergeRequirements(first, kept.id, absorbed.id, later);
    const remaining = first.slice(0, 5).concat(merged.filter((requirement) => requirement.id === absorbed.id));
    // REQ-006…REQ-019 are gone (say, from an imported backlog): their drafts come back, under new keys.
    const result = generateBacklog(document, remaining, options('ja', later));
    expect(result.added).toHaveLength(14);
    expect(result.added.map((requirement) => keyNumber(requirement.key))).toEqual(Array.from({ length: 14 }, (_, index) => 21 + index));
  });

  it('flags a requirement whose pain point was deleted or deferred, and no decided one', () => {
    const document = backlogDocument();
    const first = generate(document).map((requirement) =>
      requirement.origins[0]?.id === 'pain:monthEnd' ? { ...requirement, status: 'rejected' as const } : requirement,
    );
    const changed = withPain({ ...document, painPoints: document.painPoints.filter((pain) => pain.id !== 'pain:approvDl' && pain.id !== 'pain:monthEnd') }, 'pain:exceptNd', {
      status: 'deferred',
      deferReason: '来期',
    });
    const result = generateBacklog(changed, first, options('ja', later));
    expect(result.added).toEqual([]);
    expect(result.flagged.map((requirement) => [requirement.origins[0]?.id, requirement.status, requirement.updatedAt])).toEqual([
      ['pain:approvDl', 'sourceRemoved', later],
      ['pain:exceptNd', 'sourceRemoved', later],
    ]);
  });

  it('flags a requirement from a To-Be step that was deleted, and restores it when the step is back', () => {
    const document = backlogDocument();
    const first = generate(document);
    const withoutStep = { ...document, steps: document.steps.filter((step) => step.id !== 'step:tbMatch1'), connections: [] };
    const flagged = generateBacklog(withoutStep, first, options('ja', later)).flagged;
    expect(flagged.map((requirement) => requirement.title)).toEqual(['新しい工程: 三点照合（自動）']);
    const afterFlag = first.map((requirement) => flagged.find((flag) => flag.id === requirement.id) ?? requirement);
    const result = generateBacklog(document, afterFlag, options('ja', later));
    expect(result.restored.map((requirement) => [requirement.title, requirement.status])).toEqual([['新しい工程: 三点照合（自動）', 'draft']]);
    expect(result.added).toEqual([]);
  });

  it('recognises the origins a merged requirement took over, so nothing comes back', () => {
    const document = backlogDocument();
    const first = generate(document);
    const merged = mergeRequirements(first, first[7]!.id, first[6]!.id, later);
    const afterMerge = first.map((requirement) => merged.find((change) => change.id === requirement.id) ?? requirement);
    expect(generateBacklog(document, afterMerge, options('ja', later)).put).toEqual([]);
  });

  it('ignores requirements of another workshop', () => {
    const document = backlogDocument();
    const foreign = generate(document).map((requirement) => ({ ...requirement, workshopId: 'workshop:elsewhere' as Requirement['workshopId'] }));
    expect(generateBacklog(document, foreign, options()).added[0]?.key).toBe('REQ-001');
  });

  it('cuts text too long for a requirement instead of drafting an invalid one', () => {
    const document = backlogDocument();
    const long = withPain(document, 'pain:doubleEnt', { title: 'あ'.repeat(500) });
    const exceptions = long.exceptions.map((exception) => ({ ...exception, trigger: 'い'.repeat(20_000), desiredHandling: 'う'.repeat(20_000), currentHandling: 'え'.repeat(20_000) }));
    for (const requirement of generate({ ...long, exceptions })) expect(requirementSchema.safeParse(requirement).success).toBe(true);
  });
});
