import type { ConnectionKind, LaneKind, StepFrequency, StepType } from '../model/map';

/** A text in both languages; the one shown is picked when the template is instantiated. */
export interface Localized {
  readonly ja: string;
  readonly en: string;
}

export const processTemplateIds = ['accountsPayable', 'cashApplication', 'expenseReimbursement', 'monthEndClose'] as const;
export type ProcessTemplateId = (typeof processTemplateIds)[number];

export interface TemplateLane<LaneKey extends string = string> {
  /** Unique within the template; steps refer to their lane by it. */
  readonly key: LaneKey;
  readonly name: Localized;
  readonly kind: LaneKind;
  /** #rrggbb */
  readonly color: string;
}

export interface TemplateStep<LaneKey extends string = string, StepKey extends string = string> {
  /** Unique within the template; connections refer to steps by it. */
  readonly key: StepKey;
  readonly lane: NoInfer<LaneKey>;
  readonly type: StepType;
  readonly label: Localized;
  /** 0-based column on the map; x derives from it. */
  readonly column: number;
  /** 0-based row inside the lane, for branch or parallel steps; 0 when omitted. */
  readonly row?: number;
  /** Roles that do the step (no person is named in a template). */
  readonly performers?: readonly Localized[];
  /** The system the step runs in, e.g. 会計システム. */
  readonly system?: Localized;
  /** Tools used, e.g. 支払依頼書.xlsx. */
  readonly tools?: readonly Localized[];
  readonly frequency?: StepFrequency;
  /** Volume per cycle, e.g. 月300件. */
  readonly volume?: Localized;
  readonly touchMinutes?: number;
  readonly waitMinutes?: number;
  readonly inputs?: readonly Localized[];
  readonly outputs?: readonly Localized[];
  readonly notes?: Localized;
}

export interface TemplateConnection<StepKey extends string = string> {
  readonly from: NoInfer<StepKey>;
  readonly to: NoInfer<StepKey>;
  /** `sequence` when omitted. */
  readonly kind?: ConnectionKind;
  /** Branch label, e.g. 一致 / 不一致, はい / いいえ, 差戻し. */
  readonly label?: Localized;
}

export interface ProcessTemplate<LaneKey extends string = string, StepKey extends string = string> {
  readonly id: ProcessTemplateId;
  readonly name: Localized;
  readonly description: Localized;
  readonly lanes: readonly TemplateLane<LaneKey>[];
  readonly steps: readonly TemplateStep<LaneKey, StepKey>[];
  readonly connections: readonly TemplateConnection<StepKey>[];
}

/**
 * Identity function that lets the compiler check a template's references: a step's `lane`
 * must be one of the template's lane keys and a connection's ends must be step keys.
 */
export function defineTemplate<const LaneKey extends string, const StepKey extends string>(
  template: ProcessTemplate<LaneKey, StepKey>,
): ProcessTemplate {
  return template;
}
