import type { PainCategory } from '../model/annotations';
import type { Moscow, RequirementOwner, RequirementSource, RequirementStatus, RequirementType } from '../model/requirement';
import type { Language } from '../platform/bridge';

/**
 * Every word the exports write that is not the user's: column headers, sheet names, the
 * names of enumerated values. Japanese is the reference; English must have every key
 * (checked by the compiler). Tracker imports (Jira, Azure DevOps) keep the field and value
 * names those tools expect whatever the language — only the content is translated.
 */

type SourceKind = RequirementSource['kind'];

const ja = {
  requirementType: {
    functional: '機能',
    report: '帳票・出力',
    data: 'データ・マスタ',
    interface: 'インターフェース',
    permission: '権限・承認',
    exceptionHandling: '例外処理',
    nonFunctional: '非機能',
    operations: '教育・運用',
  } satisfies Record<RequirementType, string>,
  priority: { must: 'Must（必須）', should: 'Should（推奨）', could: 'Could（可能なら）', wont: "Won't（今回は対象外）" } satisfies Record<Moscow, string>,
  owner: { it: 'IT', accounting: '経理', joint: '合同' } satisfies Record<RequirementOwner, string>,
  status: {
    draft: '下書き',
    agreed: '合意済み',
    rejected: '却下',
    sourceRemoved: '出典なし（要確認）',
    merged: '統合済み',
  } satisfies Record<RequirementStatus, string>,
  sourceKind: {
    painPoint: '課題',
    exception: '例外',
    approvalRule: '承認ルール',
    reportField: '帳票項目',
    asIsStep: 'As-Is 工程',
    toBeStep: 'To-Be 工程',
    kpi: 'KPI',
  } satisfies Record<SourceKind, string>,
  painCategory: {
    doubleEntry: '二重入力',
    spreadsheetWorkaround: 'Excel による回避策',
    missingReportFields: '帳票項目の不足',
    keyPersonDependency: '属人化',
    approvalDelay: '承認の遅れ',
    undocumentedExceptions: '文書化されていない例外',
    masterDataInconsistency: 'マスタデータの不整合',
    integration: 'システム連携',
    trainingGap: '教育不足',
    other: 'その他',
  } satisfies Record<PainCategory, string>,
  painStatus: { open: '未対応', addressedInToBe: 'To-Be で対応', deferred: '保留' },

  column: {
    key: 'キー',
    title: 'タイトル',
    type: '種別',
    priority: '優先度',
    owner: '担当',
    status: '状態',
    description: '説明',
    acceptanceCriteria: '受入基準',
    sources: '出典',
    processes: '業務プロセス',
    process: '業務プロセス',
    place: '場所',
    category: 'カテゴリ',
    severity: '深刻度',
    frequency: '頻度',
    hoursLostPerMonth: '損失時間（時間/月）',
    peopleAffected: '影響人数',
    raisedBy: '発言者',
    deferReason: '保留理由',
    requirements: '要件',
    trigger: '発生条件',
    step: '工程',
    currentHandling: '現在の対応',
    desiredHandling: 'あるべき対応',
    handledBy: '対応者',
    requirementKey: '要件キー',
    requirementTitle: '要件タイトル',
    sourceKind: '出典の種類',
    source: '出典',
    sourceId: '出典 ID',
    name: '名称',
    unit: '単位',
    baseline: '現状値',
    target: '目標値',
    painPoints: '課題',
  },
  sheet: { requirements: '要件', painPoints: '課題', exceptions: '例外', traceability: 'トレーサビリティ', kpis: 'KPI' },

  report: {
    title: '要件バックログ',
    exportedAt: '出力日時',
    organisation: '組織',
    requirementCount: '要件数',
    coverage: 'カバレッジ',
    painPointsCovered: (covered: number, total: number) => `課題 ${covered} / ${total} 件に対応`,
    exceptionsCovered: (covered: number, total: number) => `例外 ${covered} / ${total} 件に対応`,
    systemStepsCovered: (covered: number, total: number) => `To-Be のシステム工程 ${covered} / ${total} 件に要件あり`,
    uncovered: '対応していない課題',
    deferredWithoutReason: '理由のない保留',
    untraced: '要件なし',
    traceability: 'トレーサビリティ（課題 → 要件）',
    none: 'なし',
  },

  /** Redmine installed in Japanese names its trackers and priorities in Japanese. */
  redmine: {
    columns: { tracker: 'トラッカー', subject: '題名', description: '説明', priority: '優先度', category: 'カテゴリ', parent: '親チケット' },
    tracker: '機能',
    priority: { must: '高め', should: '通常', could: '低め', wont: '低め' } satisfies Record<Moscow, string>,
  },

  acceptanceCriteriaHeading: '受入基準',
  sourcesHeading: '出典',
  unencodable: (character: string, codePoint: string, row: number, column: string, key: string | null) =>
    `${row} 行目「${column}」${key ? `（${key}）` : ''}: 文字「${character}」(${codePoint}) は Shift_JIS (CP932) で表せません`,
};

export type ExportLabels = typeof ja;

const en: ExportLabels = {
  requirementType: {
    functional: 'Functional',
    report: 'Report / output',
    data: 'Data / master',
    interface: 'Interface',
    permission: 'Permission / approval',
    exceptionHandling: 'Exception handling',
    nonFunctional: 'Non-functional',
    operations: 'Training / operations',
  },
  priority: { must: 'Must', should: 'Should', could: 'Could', wont: "Won't" },
  owner: { it: 'IT', accounting: 'Accounting', joint: 'Joint' },
  status: { draft: 'Draft', agreed: 'Agreed', rejected: 'Rejected', sourceRemoved: 'Source removed (review)', merged: 'Merged' },
  sourceKind: {
    painPoint: 'Pain point',
    exception: 'Exception',
    approvalRule: 'Approval rule',
    reportField: 'Report field',
    asIsStep: 'As-Is step',
    toBeStep: 'To-Be step',
    kpi: 'KPI',
  },
  painCategory: {
    doubleEntry: 'Double entry',
    spreadsheetWorkaround: 'Spreadsheet workaround',
    missingReportFields: 'Missing report fields',
    keyPersonDependency: 'Key-person dependency',
    approvalDelay: 'Approval delay',
    undocumentedExceptions: 'Undocumented exceptions',
    masterDataInconsistency: 'Master data inconsistency',
    integration: 'Integration',
    trainingGap: 'Training gap',
    other: 'Other',
  },
  painStatus: { open: 'Open', addressedInToBe: 'Addressed in To-Be', deferred: 'Deferred' },

  column: {
    key: 'Key',
    title: 'Title',
    type: 'Type',
    priority: 'Priority',
    owner: 'Owner',
    status: 'Status',
    description: 'Description',
    acceptanceCriteria: 'Acceptance criteria',
    sources: 'Sources',
    processes: 'Processes',
    process: 'Process',
    place: 'Where',
    category: 'Category',
    severity: 'Severity',
    frequency: 'Frequency',
    hoursLostPerMonth: 'Hours lost per month',
    peopleAffected: 'People affected',
    raisedBy: 'Raised by',
    deferReason: 'Reason for deferring',
    requirements: 'Requirements',
    trigger: 'Trigger',
    step: 'Step',
    currentHandling: 'Handled today',
    desiredHandling: 'Desired handling',
    handledBy: 'Handled by',
    requirementKey: 'Requirement key',
    requirementTitle: 'Requirement title',
    sourceKind: 'Source kind',
    source: 'Source',
    sourceId: 'Source ID',
    name: 'Name',
    unit: 'Unit',
    baseline: 'Baseline',
    target: 'Target',
    painPoints: 'Pain points',
  },
  sheet: { requirements: 'Requirements', painPoints: 'Pain points', exceptions: 'Exceptions', traceability: 'Traceability', kpis: 'KPIs' },

  report: {
    title: 'Requirement backlog',
    exportedAt: 'Exported',
    organisation: 'Organisation',
    requirementCount: 'Requirements',
    coverage: 'Coverage',
    painPointsCovered: (covered, total) => `${covered} / ${total} pain points covered`,
    exceptionsCovered: (covered, total) => `${covered} / ${total} exceptions covered`,
    systemStepsCovered: (covered, total) => `${covered} / ${total} To-Be system steps with a requirement`,
    uncovered: 'Pain points not covered',
    deferredWithoutReason: 'deferred without a reason',
    untraced: 'no requirement',
    traceability: 'Traceability (pain point → requirements)',
    none: 'none',
  },

  redmine: {
    columns: { tracker: 'Tracker', subject: 'Subject', description: 'Description', priority: 'Priority', category: 'Category', parent: 'Parent task' },
    tracker: 'Feature',
    priority: { must: 'High', should: 'Normal', could: 'Low', wont: 'Low' },
  },

  acceptanceCriteriaHeading: 'Acceptance criteria',
  sourcesHeading: 'Sources',
  unencodable: (character, codePoint, row, column, key) =>
    `Row ${row}, column "${column}"${key ? ` (${key})` : ''}: the character "${character}" (${codePoint}) cannot be written in Shift_JIS (CP932)`,
};

export const exportLabels: Readonly<Record<Language, ExportLabels>> = { ja, en };
