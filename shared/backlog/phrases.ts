import type { PainCategory } from '../model/annotations';
import type { Language } from '../platform/bridge';

/**
 * The sentences drafted requirements are written in. Japanese is the reference; English must
 * provide every phrase with the same parameters (checked by the compiler). User text is always
 * quoted (「…」 / "…") so it reads as a citation whatever its grammar.
 */

interface KpiText {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number | null;
}

const jaNumber = (value: number) => formatNumber(value);
const jaUnit = (value: number, unit: string) => `${jaNumber(value)}${unit}`;

const ja = {
  list: (items: readonly string[]) => items.join('、'),
  /** Quoted names follow each other without a separator: 「部門コード」「支払期日」. */
  quotedList: (items: readonly string[]) => items.map((item) => `「${item}」`).join(''),
  story: (persona: string, want: string, reason: string) => `${persona}として、${want}。なぜなら、${reason}。`,

  personaRole: (role: string) => role,
  personaDepartment: (department: string) => `${department}の担当者`,
  personaDefault: '経理担当者',
  theSystem: 'システム',

  painTitle: {
    doubleEntry: '二重入力の解消',
    spreadsheetWorkaround: 'Excel 作業のシステム化',
    missingReportFields: '帳票項目の追加',
    keyPersonDependency: '属人化の解消',
    approvalDelay: '承認の迅速化',
    undocumentedExceptions: '例外処理の標準化',
    masterDataInconsistency: 'マスタデータの整合',
    integration: 'システム連携',
    trainingGap: '教育・手順書の整備',
    other: '課題の解消',
  } satisfies Record<PainCategory, string>,
  painWant: {
    doubleEntry: (place: string) => `「${place}」のデータを一度の入力で必要なシステムへ連携したい`,
    spreadsheetWorkaround: (place: string) => `「${place}」を Excel の回避策ではなくシステム上で行いたい`,
    missingReportFields: (place: string) => `「${place}」で必要な項目を帳票・画面で確認したい`,
    keyPersonDependency: (place: string) => `「${place}」を特定の担当者に頼らず誰でも行えるようにしたい`,
    approvalDelay: (place: string) => `「${place}」の承認を待たずに進められるようにしたい`,
    undocumentedExceptions: (place: string) => `「${place}」の例外を決まった手順で処理したい`,
    masterDataInconsistency: (place: string) => `「${place}」で使うマスタデータを一か所で管理し、食い違いをなくしたい`,
    integration: (place: string) => `「${place}」のデータをシステム間で自動的に受け渡したい`,
    trainingGap: (place: string) => `「${place}」の手順を手順書と研修で身につけられるようにしたい`,
    other: (place: string) => `「${place}」の課題を解消したい`,
  } satisfies Record<PainCategory, (place: string) => string>,
  painReason: (title: string, hoursPerMonth: number | null) =>
    hoursPerMonth === null
      ? `現在「${title}」という課題があるから`
      : `現在「${title}」という課題があり、月${jaNumber(hoursPerMonth)}時間が失われているから`,
  painCriteria: {
    doubleEntry: (place: string) => [
      `「${place}」のデータは一度だけ入力され、必要なシステムへ自動で連携される`,
      '同じデータを別のシステムや Excel に入力し直す作業がない',
    ],
    spreadsheetWorkaround: (place: string) => [`「${place}」の作業がシステム上で完結し、Excel ファイルを使わない`, '作業の履歴がシステムに残る'],
    missingReportFields: (place: string) => [`「${place}」で必要な項目が帳票・画面に出力される`, '出力を CSV または Excel で取り出せる'],
    keyPersonDependency: (place: string) => [`「${place}」の手順が文書化され、担当者以外でも実施できる`, '担当者の不在時に代わる人が決まっている'],
    approvalDelay: (place: string) => [
      `「${place}」の承認はワークフローで回付され、承認者の不在時は代理承認できる`,
      '承認待ちの案件と経過日数が一覧で確認できる',
    ],
    undocumentedExceptions: (place: string) => [`「${place}」の例外ケースと対応手順が定義されている`, '例外の発生と対応の履歴が記録される'],
    masterDataInconsistency: (place: string) => [
      `「${place}」で使うマスタは一か所で管理され、他のシステムや台帳はそれを参照する`,
      'マスタの変更は承認を経て反映され、履歴が残る',
    ],
    integration: (place: string) => [
      `「${place}」のデータはシステム間で自動連携され、ファイルの手作業による受け渡しがない`,
      '連携エラーは検知され、担当者に通知される',
    ],
    trainingGap: (place: string) => [`「${place}」の手順書があり、新任者が手順書に沿って作業できる`, '研修の実施記録が残る'],
    other: (place: string) => [`「${place}」の課題が解消されたことを業務担当者が確認している`],
  } satisfies Record<PainCategory, (place: string) => string[]>,
  hoursCriterion: (place: string, hoursPerMonth: number) => `「${place}」で失われている時間が現在の月${jaNumber(hoursPerMonth)}時間より減っている`,
  kpiCriterion: ({ name, unit, baseline, target }: KpiText) =>
    target === null
      ? `KPI「${name}」を新しい業務で測定できる`
      : baseline === null
        ? `KPI「${name}」が目標の${jaUnit(target, unit)}に達している`
        : `KPI「${name}」が現在の${jaUnit(baseline, unit)}から目標の${jaUnit(target, unit)}に改善している`,

  exceptionTitle: (trigger: string) => `例外処理: ${trigger}`,
  exceptionWant: (trigger: string, desired: string) =>
    desired ? `「${trigger}」場合に「${desired}」のとおり処理したい` : `「${trigger}」場合に決まった手順で処理したい`,
  exceptionReason: (current: string) =>
    current ? `現在は「${current}」で対応しており、担当者によって対応が変わるから` : '現在は対応手順が決まっていないから',
  exceptionCriteria: (trigger: string, desired: string) => [
    `「${trigger}」ケースをシステム上で識別し、記録できる`,
    desired ? `「${desired}」のとおりに処理できる` : '対応手順が定義され、担当者が参照できる',
    '対応した担当者・日時・結果が記録される',
  ],

  approverDefault: '承認者',
  amountBand: (min: number | null, max: number | null) =>
    min === null && max === null
      ? '全ての金額'
      : min === null
        ? `${jaNumber(max ?? 0)}円以下`
        : max === null
          ? `${jaNumber(min)}円以上`
          : `${jaNumber(min)}円以上${jaNumber(max)}円以下`,
  approvalTitle: (approver: string, band: string) => `承認ルール: ${band}は${approver}が承認`,
  approvalWant: (place: string, band: string, approver: string) => `「${place}」で${band}の案件を${approver}が承認するようにしたい`,
  approvalReason: '承認権限を金額に応じて統制し、証跡を残す必要があるから',
  approvalCriteria: (approver: string, band: string, deputy: string, evidence: string) => [
    `${band}の案件は${approver}の承認なしに次の工程へ進まない`,
    ...(deputy ? [`${approver}の不在時は${deputy}が代理で承認でき、代理であることが記録される`] : []),
    ...(evidence ? [`承認時に${evidence}の添付・確認が必須になっている`] : []),
    '承認者・日時・金額が記録され、後から参照できる',
  ],

  reportTitle: (place: string, names: string) => `帳票出力: 「${place}」の必須項目（${names}）`,
  reportWant: (place: string, names: string) => `「${place}」で使う${names}を新しいシステムの帳票・画面で確認したい`,
  reportReason: (usedBy: string) => (usedBy ? `これらの項目は${usedBy}が業務で使っているから` : 'これらの項目がないと業務を続けられないから'),
  reportFieldCriterion: (name: string, source: string, format: string) => {
    const details = [source && `出所: ${source}`, format && `形式: ${format}`].filter(Boolean).join('、');
    return `項目「${name}」${details ? `（${details}）` : ''}が帳票・画面に出力される`;
  },

  addedTitle: (label: string) => `新しい工程: ${label}`,
  addedWant: (label: string, system: string) => `新しい業務フローに「${label}」の工程を${system ? `${system}で` : ''}設けたい`,
  addedReason: 'To-Be の業務フローでこの工程が新たに必要になったから',
  addedCriteria: (label: string) => [`To-Be の業務フローのとおり「${label}」を実施できる`, '前後の工程とのデータの受け渡しが定義されている'],

  automatedTitle: (label: string) => `自動化: ${label}`,
  automatedWant: (asIsLabel: string, label: string, system: string) =>
    `いま手作業で行っている「${asIsLabel}」を${system}で自動化したい（To-Be: 「${label}」）`,
  automatedReason: (touchMinutes: number | null) =>
    touchMinutes === null ? '手作業と入力ミスをなくせるから' : `1回あたり${jaNumber(touchMinutes)}分の手作業と入力ミスをなくせるから`,
  automatedCriteria: (label: string, system: string) => [`「${label}」は${system}が自動で処理し、手入力がない`, '処理結果とエラーを担当者が確認できる'],

  systemTitle: (label: string) => `システム機能: ${label}`,
  systemWant: (label: string, system: string) => `「${label}」を${system}で行いたい`,
  systemReason: 'To-Be の業務フローはこの処理をシステムに任せる前提だから',
  systemCriteria: (label: string, system: string) => [`「${label}」を${system}で実行できる`],
  dataFlowCriterion: (inputs: readonly string[], outputs: readonly string[]) =>
    `${inputs.length ? `入力（${inputs.join('、')}）` : '入力'}から${outputs.length ? `出力（${outputs.join('、')}）` : '出力'}が作成される`,
  interfaceCriterion: (partners: readonly string[]) => `連携先（${partners.join('、')}）とのデータ連携が自動で行われ、エラーは通知される`,

  removedTitle: (label: string) => `廃止: ${label}`,
  removedWant: (label: string) => `「${label}」の作業をなくしたい`,
  removedReason: 'To-Be の業務フローではこの工程が不要になるから',
  removedCriteria: (label: string, tools: readonly string[], outputs: readonly string[]) => [
    `「${label}」を行わなくても業務が完結する`,
    ...(tools.length ? [`${tools.join('、')}は使われなくなる`] : []),
    ...(outputs.length ? [`「${label}」で作っていた${outputs.join('、')}は不要になるか、別の工程で作成される`] : []),
  ],
};

export type BacklogPhrases = typeof ja;

const en: BacklogPhrases = {
  list: (items) => items.join(', '),
  quotedList: (items) => items.map((item) => `"${item}"`).join(', '),
  story: (persona, want, reason) => `As ${persona}, I want ${want}, so that ${reason}.`,

  personaRole: (role) => `the ${role}`,
  personaDepartment: (department) => `a member of ${department}`,
  personaDefault: 'an accounting clerk',
  theSystem: 'the system',

  painTitle: {
    doubleEntry: 'Remove double entry',
    spreadsheetWorkaround: 'Replace the spreadsheet workaround',
    missingReportFields: 'Add missing report fields',
    keyPersonDependency: 'Remove the key-person dependency',
    approvalDelay: 'Speed up approval',
    undocumentedExceptions: 'Standardise exception handling',
    masterDataInconsistency: 'Make master data consistent',
    integration: 'Integrate the systems',
    trainingGap: 'Training and procedures',
    other: 'Solve the problem',
  },
  painWant: {
    doubleEntry: (place) => `to enter the data of "${place}" once and have it passed on to every system that needs it`,
    spreadsheetWorkaround: (place) => `to do "${place}" in the system instead of a spreadsheet workaround`,
    missingReportFields: (place) => `to see the fields I need for "${place}" in the system's reports and screens`,
    keyPersonDependency: (place) => `"${place}" to be done by anyone trained, not by one key person`,
    approvalDelay: (place) => `approvals at "${place}" to go ahead without waiting`,
    undocumentedExceptions: (place) => `to handle the exceptions of "${place}" by a defined procedure`,
    masterDataInconsistency: (place) => `the master data used in "${place}" kept in one place and consistent`,
    integration: (place) => `the data of "${place}" passed between the systems automatically`,
    trainingGap: (place) => `to learn the procedure of "${place}" from a manual and training`,
    other: (place) => `the problem at "${place}" solved`,
  },
  painReason: (title, hoursPerMonth) =>
    hoursPerMonth === null
      ? `"${title}" is no longer a problem`
      : `"${title}" no longer costs us ${formatNumber(hoursPerMonth)} hours a month`,
  painCriteria: {
    doubleEntry: (place) => [
      `The data of "${place}" is entered once and passed automatically to every system that needs it`,
      'No one types the same data again into another system or spreadsheet',
    ],
    spreadsheetWorkaround: (place) => [`"${place}" is done entirely in the system, without a spreadsheet`, 'The system keeps a history of the work'],
    missingReportFields: (place) => [`The fields needed for "${place}" appear in the reports and screens`, 'The output can be taken out as CSV or Excel'],
    keyPersonDependency: (place) => [`The procedure of "${place}" is documented and others than the usual person can do it`, 'A stand-in is named for when that person is away'],
    approvalDelay: (place) => [
      `Approvals at "${place}" are routed by workflow, and a deputy can approve when the approver is away`,
      'Pending approvals and how long they have waited are listed',
    ],
    undocumentedExceptions: (place) => [`The exception cases of "${place}" and how to handle them are defined`, 'Each exception and how it was handled is recorded'],
    masterDataInconsistency: (place) => [
      `The master data used in "${place}" is kept in one place; other systems and lists refer to it`,
      'Changes to master data are approved before they apply, and their history is kept',
    ],
    integration: (place) => [
      `The data of "${place}" passes between the systems automatically, with no files handed over by hand`,
      'Interface errors are detected and the people responsible are notified',
    ],
    trainingGap: (place) => [`A procedure manual for "${place}" exists and a newcomer can follow it`, 'Training sessions are recorded'],
    other: (place) => [`The people doing the work confirm the problem at "${place}" is solved`],
  },
  hoursCriterion: (place, hoursPerMonth) => `The time lost at "${place}" is below today's ${formatNumber(hoursPerMonth)} hours a month`,
  kpiCriterion: ({ name, unit, baseline, target }) =>
    target === null
      ? `KPI "${name}" can be measured in the new process`
      : baseline === null
        ? `KPI "${name}" reaches its target of ${enUnit(target, unit)}`
        : `KPI "${name}" improves from ${enUnit(baseline, unit)} today to its target of ${enUnit(target, unit)}`,

  exceptionTitle: (trigger) => `Exception handling: ${trigger}`,
  exceptionWant: (trigger, desired) => (desired ? `the case "${trigger}" handled as agreed: "${desired}"` : `the case "${trigger}" handled by a defined procedure`),
  exceptionReason: (current) => (current ? `it no longer depends on who handles it (today: "${current}")` : 'everyone handles it the same way'),
  exceptionCriteria: (trigger, desired) => [
    `The case "${trigger}" can be recognised and recorded in the system`,
    desired ? `It can be handled as agreed: "${desired}"` : 'A procedure for it is defined and available to the people who handle it',
    'Who handled it, when, and with what result is recorded',
  ],

  approverDefault: 'approver',
  amountBand: (min, max) =>
    min === null && max === null
      ? 'any amount'
      : min === null
        ? `up to ¥${formatNumber(max ?? 0)}`
        : max === null
          ? `¥${formatNumber(min)} and above`
          : `from ¥${formatNumber(min)} to ¥${formatNumber(max)}`,
  approvalTitle: (approver, band) => `Approval rule: ${approver} approves ${band}`,
  approvalWant: (place, band, approver) => `payments of ${band} at "${place}" to be approved by the ${approver}`,
  approvalReason: 'approval authority follows the amount and leaves an audit trail',
  approvalCriteria: (approver, band, deputy, evidence) => [
    `A case of ${band} cannot go on to the next step without the ${approver}'s approval`,
    ...(deputy ? [`When the ${approver} is away, the ${deputy} can approve as deputy, and this is recorded`] : []),
    ...(evidence ? [`Approving requires ${evidence} to be attached and checked`] : []),
    'Approver, time and amount are recorded and can be looked up later',
  ],

  reportTitle: (place, names) => `Report output: required fields of "${place}" (${names})`,
  reportWant: (place, names) => `to see ${names} of "${place}" in the new system's reports and screens`,
  reportReason: (usedBy) => (usedBy ? `${usedBy} can keep working with these fields` : 'the work that depends on these fields can go on'),
  reportFieldCriterion: (name, source, format) => {
    const details = [source && `source: ${source}`, format && `format: ${format}`].filter(Boolean).join(', ');
    return `Field "${name}"${details ? ` (${details})` : ''} appears in the report or screen`;
  },

  addedTitle: (label) => `New step: ${label}`,
  addedWant: (label, system) => `a new step "${label}"${system ? ` in ${system}` : ''} in the future process`,
  addedReason: 'the To-Be process works as agreed',
  addedCriteria: (label) => [`"${label}" can be done as drawn in the To-Be process`, 'What it receives from and passes to its neighbouring steps is defined'],

  automatedTitle: (label) => `Automate: ${label}`,
  automatedWant: (asIsLabel, label, system) => `"${asIsLabel}", done by hand today, automated in ${system} (To-Be: "${label}")`,
  automatedReason: (touchMinutes) =>
    touchMinutes === null ? 'manual work and keying errors go away' : `${formatNumber(touchMinutes)} minutes of manual work per cycle and keying errors go away`,
  automatedCriteria: (label, system) => [`${capitalise(system)} does "${label}" automatically, with no manual input`, 'The people responsible can see results and errors'],

  systemTitle: (label) => `System function: ${label}`,
  systemWant: (label, system) => `"${label}" done in ${system}`,
  systemReason: 'the To-Be process can rely on the system for it',
  systemCriteria: (label, system) => [`"${label}" can be run in ${system}`],
  dataFlowCriterion: (inputs, outputs) =>
    `${outputs.length ? `The outputs (${outputs.join(', ')})` : 'The outputs'} are produced from ${inputs.length ? `the inputs (${inputs.join(', ')})` : 'the inputs'}`,
  interfaceCriterion: (partners) => `Data is exchanged with ${partners.join(', ')} automatically, and errors are notified`,

  removedTitle: (label) => `Retire: ${label}`,
  removedWant: (label) => `"${label}" to be no longer needed`,
  removedReason: 'the To-Be process runs without it',
  removedCriteria: (label, tools, outputs) => [
    `The work is complete without "${label}"`,
    ...(tools.length ? [`${tools.join(', ')} ${tools.length === 1 ? 'is' : 'are'} no longer used`] : []),
    ...(outputs.length ? [`${outputs.join(', ')}, made at "${label}" today, ${outputs.length === 1 ? 'is' : 'are'} no longer needed or made elsewhere`] : []),
  ],
};

function enUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 1234567.5 → "1,234,567.5", the same in every runtime (no ICU locale data involved). */
export function formatNumber(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export const backlogPhrases: Readonly<Record<Language, BacklogPhrases>> = { ja, en };
