import type { StepStatus } from '../editor/compare';
import type { LaneKind } from '../model/map';
import type { Language } from '../platform/bridge';

/** The words an exported image adds to what the user typed, in both UI languages. */
export interface DiagramPhrases {
  readonly asIs: string;
  readonly toBe: string;
  readonly untitled: string;
  readonly laneKind: Readonly<Record<LaneKind, string>>;
  readonly badge: {
    readonly painPoints: (count: number, severity: number) => string;
    readonly exceptions: (count: number) => string;
    readonly approvalRules: (count: number) => string;
    readonly reportFields: (count: number) => string;
    readonly keyPerson: string;
    readonly dutyConflict: string;
  };
  readonly legend: {
    readonly title: string;
    readonly painPoints: string;
    readonly exceptions: string;
    readonly approvalRules: string;
    readonly reportFields: string;
    readonly keyPerson: string;
    readonly dutyConflict: string;
    readonly dataFlow: string;
  };
  readonly status: Readonly<Record<StepStatus, string>>;
  readonly statusCount: (status: string, count: number) => string;
}

const ja: DiagramPhrases = {
  asIs: '現状 (As-Is)',
  toBe: 'あるべき姿 (To-Be)',
  untitled: '（名称未設定）',
  laneKind: { department: '部門', role: '役割', system: 'システム', external: '社外' },
  badge: {
    painPoints: (count, severity) => `困りごと ${count} 件（最大深刻度 ${severity}）`,
    exceptions: (count) => `例外処理 ${count} 件`,
    approvalRules: (count) => `承認ルール ${count} 件`,
    reportFields: (count) => `帳票項目 ${count} 件`,
    keyPerson: '属人化: 担当者が 1 人だけ',
    dutyConflict: '職務分掌: 同じ人・役割が作成と承認をしています',
  },
  legend: {
    title: '凡例',
    painPoints: '困りごと（色は最大深刻度）',
    exceptions: '例外処理',
    approvalRules: '承認ルール',
    reportFields: '帳票項目',
    keyPerson: '属人化',
    dutyConflict: '職務分掌',
    dataFlow: 'データの流れ',
  },
  status: { removed: '削除', added: '追加', changed: '変更', automated: '自動化', unchanged: '変更なし' },
  statusCount: (status, count) => `${status} ${count}`,
};

const en: DiagramPhrases = {
  asIs: 'As-Is',
  toBe: 'To-Be',
  untitled: '(untitled)',
  laneKind: { department: 'Department', role: 'Role', system: 'System', external: 'External' },
  badge: {
    painPoints: (count, severity) => `${count} pain point${count === 1 ? '' : 's'}, highest severity ${severity}`,
    exceptions: (count) => `${count} exception${count === 1 ? '' : 's'}`,
    approvalRules: (count) => `${count} approval rule${count === 1 ? '' : 's'}`,
    reportFields: (count) => `${count} report field${count === 1 ? '' : 's'}`,
    keyPerson: 'Key-person risk: only one performer',
    dutyConflict: 'Segregation of duties: the same person or role prepares and approves',
  },
  legend: {
    title: 'Legend',
    painPoints: 'Pain points (colour: highest severity)',
    exceptions: 'Exceptions',
    approvalRules: 'Approval rules',
    reportFields: 'Report fields',
    keyPerson: 'Key-person risk',
    dutyConflict: 'Segregation of duties',
    dataFlow: 'Data flow',
  },
  status: { removed: 'Removed', added: 'Added', changed: 'Changed', automated: 'Automated', unchanged: 'Unchanged' },
  statusCount: (status, count) => `${status}: ${count}`,
};

export const diagramPhrases: Readonly<Record<Language, DiagramPhrases>> = { ja, en };
