import {
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_TYPE,
  moscowSchema,
  painCategorySchema,
  requirementOwnerSchema,
  requirementTypeSchema,
  type WorkshopDocument,
} from '../../shared/model';

/**
 * A workshop with `requirementCount` requirements for the export benchmark, deterministic to
 * the byte: one process with an As-Is and a To-Be map of 500 steps each, 1,000 pain points,
 * 200 exceptions, 50 KPIs, and requirements written the way a backlog reads after a workshop —
 * Japanese titles and user stories, three acceptance criteria, four sources each; some text
 * with commas and quotes (CSV quoting), line breaks, and a leading "-" (formula neutralising).
 */
export function exportBenchDocument(requirementCount: number): WorkshopDocument {
  const W = 'workshop:benchExports';
  const P = 'process:benchProc01';
  const T = '2026-11-20T09:00:00.000Z';
  const pad = (value: number) => String(value).padStart(6, '0');
  const maps = [
    { id: 'map:benchAsIs01', workshopId: W, processId: P, variant: 'asIs', forkedFromMapId: null, createdAt: T, updatedAt: T },
    { id: 'map:benchToBe01', workshopId: W, processId: P, variant: 'toBe', forkedFromMapId: 'map:benchAsIs01', createdAt: T, updatedAt: T },
  ];
  const lanes = maps.flatMap((map, m) =>
    ['経理部', '購買部', '財務部', '会計システム', '取引先'].map((name, order) => ({
      id: `lane:bench${m}${order}x`,
      workshopId: W,
      mapId: map.id,
      name,
      kind: order === 3 ? 'system' : order === 4 ? 'external' : 'department',
      color: '#6b8fd6',
      order,
    })),
  );
  const steps = maps.flatMap((map, m) =>
    Array.from({ length: 500 }, (_, index) => ({
      id: `step:bench${m}${pad(index)}`,
      workshopId: W,
      mapId: map.id,
      laneId: `lane:bench${m}${index % 5}x`,
      type: index % 5 === 3 ? 'systemTask' : 'manualTask',
      label: `請求書確認 ${index + 1}`,
      position: { x: 40 + (index % 50) * 200, y: 40 },
      originStepId: m === 1 && index % 2 === 0 ? `step:bench0${pad(index)}` : null,
      performers: [],
      system: index % 5 === 3 ? '会計システム' : '',
      tools: index % 4 === 0 ? ['支払依頼書.xlsx'] : [],
      frequency: 'daily',
      volume: '月300件',
      touchMinutes: 15,
      waitMinutes: 60,
      inputs: ['請求書'],
      outputs: ['支払依頼書'],
      notes: '',
    })),
  );
  const painPoints = Array.from({ length: 1000 }, (_, index) => ({
    id: `pain:bench${pad(index)}`,
    workshopId: W,
    processId: P,
    target: { kind: 'step', stepId: `step:bench0${pad(index % 500)}` },
    title: index % 9 === 0 ? `- 支払依頼書の内容を会計システムに再入力している（${index + 1}）` : `支払依頼書の内容を会計システムに再入力している | 月末に集中（${index + 1}）`,
    description: 'Excel の支払依頼書を見ながら手入力。\n転記ミスが月数件。',
    category: painCategorySchema.options[index % painCategorySchema.options.length],
    severity: 1 + (index % 5),
    frequency: '毎日',
    hoursLostPerMonth: index % 30,
    peopleAffected: 3,
    raisedBy: null,
    status: 'open',
    deferReason: '',
    sourceNoteId: null,
    createdAt: T,
    updatedAt: T,
  }));
  const exceptions = Array.from({ length: 200 }, (_, index) => ({
    id: `exception:bench${pad(index)}`,
    workshopId: W,
    processId: P,
    stepId: `step:bench0${pad(index)}`,
    trigger: `請求書の金額と発注書の金額が一致しない（${index + 1}）`,
    currentHandling: '担当者が仕入先に電話で確認し、Excel の差異一覧に記録',
    handledBy: null,
    frequency: '月10件程度',
    desiredHandling: '差異が1,000円以下なら自動で承認へ回す',
    raisedBy: null,
    sourceNoteId: null,
    createdAt: T,
    updatedAt: T,
  }));
  const kpis = Array.from({ length: 50 }, (_, index) => ({
    id: `kpi:bench${pad(index)}`,
    workshopId: W,
    processId: P,
    name: `請求書受領から支払までのリードタイム ${index + 1}`,
    unit: '日',
    baseline: 12,
    target: 5,
    painPointIds: [`pain:bench${pad(index)}`, `pain:bench${pad(index + 50)}`],
    createdAt: T,
    updatedAt: T,
  }));
  const requirements = Array.from({ length: requirementCount }, (_, index) => ({
    id: `requirement:bench${pad(index)}`,
    workshopId: W,
    key: `REQ-${String(index + 1).padStart(3, '0')}`,
    title: index % 11 === 0 ? `支払依頼の "自動連携", 仕訳の自動計上 ${index + 1}` : `支払依頼書の内容を会計システムへ自動連携する ${index + 1}`,
    description:
      index % 7 === 0
        ? '- 月末3営業日も画面の応答は2秒以内\n- 同時利用30人'
        : 'AP担当として、「仕訳入力」のデータを一度の入力で必要なシステムへ連携したい。なぜなら、現在「支払依頼書の内容を会計システムに再入力している」という課題があり、月20時間が失われているから。',
    type: requirementTypeSchema.options[index % requirementTypeSchema.options.length],
    priority: moscowSchema.options[index % moscowSchema.options.length],
    owner: requirementOwnerSchema.options[index % requirementOwnerSchema.options.length],
    acceptanceCriteria: [
      '「仕訳入力」のデータは一度だけ入力され、必要なシステムへ自動で連携される',
      '同じデータを別のシステムや Excel に入力し直す作業がない',
      'KPI「手入力の工数」が現在の40時間/月から目標の10時間/月に改善している',
    ],
    sources: [
      { kind: 'painPoint', id: `pain:bench${pad(index % 1000)}` },
      { kind: 'asIsStep', id: `step:bench0${pad(index % 500)}` },
      { kind: 'toBeStep', id: `step:bench1${pad(index % 500)}` },
      { kind: 'kpi', id: `kpi:bench${pad(index % 50)}` },
    ],
    status: index % 3 === 0 ? 'agreed' : 'draft',
    origins: [{ kind: 'painPoint', id: `pain:bench${pad(index % 1000)}` }],
    mergedIntoId: null,
    order: index + 1,
    createdAt: T,
    updatedAt: T,
  }));
  const document = {
    type: DOCUMENT_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    app: 'Kakehashi bench',
    savedAt: T,
    workshop: {
      id: W,
      name: '買掛金業務 改善ワークショップ（ベンチマーク）',
      organisation: '株式会社サンプル商事',
      businessArea: '経理・財務',
      startDate: null,
      endDate: null,
      participants: [],
      createdAt: T,
      updatedAt: T,
      deletedAt: null,
    },
    processes: [{ id: P, workshopId: W, name: '買掛金支払', order: 1, asIsMapId: maps[0]!.id, toBeMapId: maps[1]!.id, createdAt: T, updatedAt: T }],
    maps,
    lanes,
    steps,
    connections: [],
    painPoints,
    exceptions,
    approvalRules: [],
    reportFields: [],
    kpis,
    interviewSessions: [],
    interviewNotes: [],
    requirements,
  };
  return document as unknown as WorkshopDocument;
}
