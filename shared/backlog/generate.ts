import { compareMaps, type MapComparison } from '../editor/compare';
import type { Kpi, PainCategory, PainPoint } from '../model/annotations';
import type { Timestamp } from '../model/common';
import type { WorkshopDocument } from '../model/document';
import type { LaneId, PainPointId, ParticipantId, ProcessId, StepId } from '../model/ids';
import type { Step } from '../model/map';
import type {
  Moscow,
  Requirement,
  RequirementOrigin,
  RequirementOwner,
  RequirementSource,
  RequirementStatus,
  RequirementType,
} from '../model/requirement';
import type { Language } from '../platform/bridge';
import {
  createRequirement,
  firstLine,
  nextKeyNumber,
  originKey,
  randomRequirementId,
  type NewRequirementId,
  type RequirementContent,
} from './keys';
import { backlogPhrases, type BacklogPhrases } from './phrases';
import { indexWorkshop, sortSteps, stepSource, targetName, type WorkshopIndex } from './workshopIndex';

export interface GenerateOptions {
  readonly lang: Language;
  readonly now: Timestamp;
  /** Ids of new requirements; random unless a caller needs them fixed (golden files). */
  readonly newRequirementId?: NewRequirementId;
}

/** What generating writes: every record in `put`, sorted out by why it changed. */
export interface BacklogGeneration {
  /** New drafts, keyed after the highest key the workshop ever used. */
  readonly added: readonly Requirement[];
  /** Draft or agreed requirements none of whose origins is drafted any more: now `sourceRemoved`. */
  readonly flagged: readonly Requirement[];
  /** `sourceRemoved` requirements one of whose origins is back: draft again. */
  readonly restored: readonly Requirement[];
  readonly put: readonly Requirement[];
}

/** A requirement the workshop's records call for, before it is given a key. */
export interface Draft extends Omit<RequirementContent, 'origins'> {
  readonly origin: RequirementOrigin;
}

/**
 * Drafts the backlog again from the workshop and merges it into the requirements there are.
 * A draft whose origin an existing requirement already carries is dropped — whatever the
 * facilitator did to that requirement (edited, agreed, rejected, merged) stays as it is. Only
 * the generator's own flag is ever changed: `sourceRemoved` on and off.
 */
export function generateBacklog(document: WorkshopDocument, existing: readonly Requirement[], options: GenerateOptions): BacklogGeneration {
  const workshopId = document.workshop.id;
  const current = existing.filter((requirement) => requirement.workshopId === workshopId);
  const drafts = draftRequirements(document, options.lang);
  const drafted = new Set(drafts.map((draft) => originKey(draft.origin)));
  const carried = new Set(current.flatMap((requirement) => requirement.origins.map(originKey)));
  const isDrafted = (requirement: Requirement) => requirement.origins.some((origin) => drafted.has(originKey(origin)));

  let keyNumber = nextKeyNumber(current);
  let order = current.reduce((highest, requirement) => Math.max(highest, requirement.order), 0) + 1;
  const newRequirementId = options.newRequirementId ?? randomRequirementId;
  const added = drafts
    .filter((draft) => !carried.has(originKey(draft.origin)))
    .map(({ origin, ...content }) =>
      createRequirement({ ...content, origins: [origin] }, { workshopId, keyNumber: keyNumber++, order: order++ }, options.now, newRequirementId),
    );
  const withStatus = (requirement: Requirement, status: RequirementStatus): Requirement => ({ ...requirement, status, updatedAt: options.now });
  const flagged = current
    .filter((requirement) => FLAGGABLE.has(requirement.status) && requirement.origins.length > 0 && !isDrafted(requirement))
    .map((requirement) => withStatus(requirement, 'sourceRemoved'));
  const restored = current
    .filter((requirement) => requirement.status === 'sourceRemoved' && isDrafted(requirement))
    .map((requirement) => withStatus(requirement, 'draft'));
  return { added, flagged, restored, put: [...added, ...flagged, ...restored] };
}

/** Rejected and merged requirements were decided on; a vanished source changes nothing for them. */
const FLAGGABLE: ReadonlySet<RequirementStatus> = new Set(['draft', 'agreed']);

// ───────────────────────────────────────────────────────────── the rules

/** Which kind of requirement answers each kind of pain point. */
const TYPE_OF_PAIN: Readonly<Record<PainCategory, RequirementType>> = {
  doubleEntry: 'interface',
  spreadsheetWorkaround: 'functional',
  missingReportFields: 'report',
  keyPersonDependency: 'operations',
  approvalDelay: 'permission',
  undocumentedExceptions: 'exceptionHandling',
  masterDataInconsistency: 'data',
  integration: 'interface',
  trainingGap: 'operations',
  other: 'functional',
};

/** Who carries a requirement: IT builds systems, accounting owns its procedures, rules and data need both. */
const OWNER_OF_TYPE: Readonly<Record<RequirementType, RequirementOwner>> = {
  functional: 'it',
  report: 'joint',
  data: 'joint',
  interface: 'it',
  permission: 'joint',
  exceptionHandling: 'joint',
  nonFunctional: 'it',
  operations: 'accounting',
};

const MOSCOW_RANK: Readonly<Record<Moscow, number>> = { must: 0, should: 1, could: 2, wont: 3 };

/** Severity 4–5 must be solved, 3 should, 1–2 could; "won't" is for the room to decide. */
function priorityOfSeverity(severity: number): Moscow {
  return severity >= 4 ? 'must' : severity === 3 ? 'should' : 'could';
}

/** A rule's own priority, raised to that of the most severe pain point it answers. */
function priorityWith(base: Moscow, pains: readonly PainPoint[]): Moscow {
  return pains.map((pain) => priorityOfSeverity(pain.severity)).reduce((best, next) => (MOSCOW_RANK[next] < MOSCOW_RANK[best] ? next : best), base);
}

/**
 * Every requirement the workshop's records call for, process by process (records of a process
 * the document lacks come last), each process in the order: pain points (most severe first),
 * exceptions, approval rules, must-have report fields per step, To-Be changes.
 */
export function draftRequirements(document: WorkshopDocument, lang: Language): Draft[] {
  const ctx = draftContext(indexWorkshop(document), backlogPhrases[lang]);
  const known = (processId: ProcessId) => ctx.index.processes.has(processId);
  const groups: ((processId: ProcessId) => boolean)[] = [
    ...ctx.index.processOrder.map((process) => (processId: ProcessId) => processId === process.id),
    (processId) => !known(processId),
  ];
  return groups.flatMap((inGroup) => [
    ...painPointDrafts(ctx, inGroup),
    ...exceptionDrafts(ctx, inGroup),
    ...approvalRuleDrafts(ctx, inGroup),
    ...reportFieldDrafts(ctx, inGroup),
    ...ctx.index.processOrder.filter((process) => inGroup(process.id)).flatMap((process) => toBeChangeDrafts(ctx, process.id)),
  ]);
}

interface DraftContext {
  readonly index: WorkshopIndex;
  readonly say: BacklogPhrases;
  /** Pain points that still call for something (not deferred), by the step they are pinned to. */
  readonly painsAtStep: ReadonlyMap<StepId, readonly PainPoint[]>;
}

type InGroup = (processId: ProcessId) => boolean;

function draftContext(index: WorkshopIndex, say: BacklogPhrases): DraftContext {
  const painsAtStep = new Map<StepId, PainPoint[]>();
  for (const pain of index.document.painPoints) {
    if (pain.status === 'deferred' || pain.target.kind !== 'step') continue;
    painsAtStep.set(pain.target.stepId, [...(painsAtStep.get(pain.target.stepId) ?? []), pain]);
  }
  return { index, say, painsAtStep };
}

function painsAt(ctx: DraftContext, stepId: StepId, category?: PainCategory): PainPoint[] {
  return (ctx.painsAtStep.get(stepId) ?? []).filter((pain) => category === undefined || pain.category === category);
}

/** The KPIs that measure any of these pain points. */
function kpisOf(ctx: DraftContext, pains: readonly PainPoint[]): Kpi[] {
  const ids = new Set<PainPointId>(pains.map((pain) => pain.id));
  return ctx.index.document.kpis.filter((kpi) => kpi.painPointIds.some((id) => ids.has(id)));
}

/** Pain points as sources, followed by the KPIs that measure them. */
function painSources(ctx: DraftContext, pains: readonly PainPoint[]): RequirementSource[] {
  return [
    ...pains.map((pain): RequirementSource => ({ kind: 'painPoint', id: pain.id })),
    ...kpisOf(ctx, pains).map((kpi): RequirementSource => ({ kind: 'kpi', id: kpi.id })),
  ];
}

function stepSources(ctx: DraftContext, stepIds: readonly StepId[]): RequirementSource[] {
  return stepIds.flatMap((stepId) => stepSource(ctx.index, stepId) ?? []);
}

/** Who the story is told by: a named participant's role, else the people of the step's lane. */
function persona(ctx: DraftContext, participantIds: readonly (ParticipantId | null)[], laneId: LaneId | null): string {
  for (const participantId of participantIds) {
    const role = participantId === null ? '' : (ctx.index.participants.get(participantId)?.role.trim() ?? '');
    if (role) return ctx.say.personaRole(role);
  }
  const lane = laneId === null ? undefined : ctx.index.lanes.get(laneId);
  if (lane?.kind === 'department') return ctx.say.personaDepartment(lane.name);
  if (lane?.kind === 'role') return ctx.say.personaRole(lane.name);
  return ctx.say.personaDefault;
}

function processName(ctx: DraftContext, processId: ProcessId): string {
  return ctx.index.processes.get(processId)?.name ?? '';
}

/** How a step is named in a sentence; an unnamed step is named by its process. */
function stepName(ctx: DraftContext, step: Step | undefined, processId: ProcessId): string {
  return firstLine(step?.label ?? '') || processName(ctx, processId);
}

/** The system a step runs in: its own attribute, else the system lane it is drawn in. */
function systemOf(ctx: DraftContext, step: Step): string {
  const lane = ctx.index.lanes.get(step.laneId);
  return step.system.trim() || (lane?.kind === 'system' ? lane.name : '');
}

// ───────────────────────────────────────────────────────────── pain points

interface PainPlace {
  readonly name: string;
  readonly laneId: LaneId | null;
  readonly stepIds: readonly StepId[];
}

/** Where a pain point is, for the sentence (its process when the place has no name) and for its sources. */
function placeOfPain(ctx: DraftContext, pain: PainPoint): PainPlace {
  const { target } = pain;
  const name = targetName(ctx.index, target) || processName(ctx, pain.processId);
  switch (target.kind) {
    case 'step': {
      const step = ctx.index.steps.get(target.stepId);
      return { name, laneId: step?.laneId ?? null, stepIds: step ? [step.id] : [] };
    }
    case 'connection': {
      const connection = ctx.index.connections.get(target.connectionId);
      const ends = connection ? [connection.sourceStepId, connection.targetStepId].filter((id) => ctx.index.steps.has(id)) : [];
      return { name, laneId: ends[0] ? (ctx.index.steps.get(ends[0])?.laneId ?? null) : null, stepIds: ends };
    }
    case 'lane':
      return { name, laneId: target.laneId, stepIds: [] };
    case 'map':
      return { name, laneId: null, stepIds: [] };
  }
}

const bySeverity = (a: PainPoint, b: PainPoint) =>
  b.severity - a.severity || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

function painPointDrafts(ctx: DraftContext, inGroup: InGroup): Draft[] {
  return ctx.index.document.painPoints
    .filter((pain) => inGroup(pain.processId) && pain.status !== 'deferred')
    .sort(bySeverity)
    .map((pain) => painPointDraft(ctx, pain));
}

function painPointDraft(ctx: DraftContext, pain: PainPoint): Draft {
  const { say } = ctx;
  const place = placeOfPain(ctx, pain);
  const title = firstLine(pain.title) || place.name;
  const type = TYPE_OF_PAIN[pain.category];
  const kpis = kpisOf(ctx, [pain]);
  return {
    origin: { kind: 'painPoint', id: pain.id },
    title: `${say.painTitle[pain.category]}: ${title}`,
    description: say.story(persona(ctx, [pain.raisedBy], place.laneId), say.painWant[pain.category](place.name), say.painReason(title, pain.hoursLostPerMonth)),
    type,
    priority: priorityOfSeverity(pain.severity),
    owner: OWNER_OF_TYPE[type],
    acceptanceCriteria: [
      ...say.painCriteria[pain.category](place.name),
      ...(pain.hoursLostPerMonth ? [say.hoursCriterion(place.name, pain.hoursLostPerMonth)] : []),
      ...kpis.map((kpi) => say.kpiCriterion(kpi)),
    ],
    sources: [
      { kind: 'painPoint', id: pain.id },
      ...stepSources(ctx, place.stepIds),
      ...kpis.map((kpi): RequirementSource => ({ kind: 'kpi', id: kpi.id })),
    ],
  };
}

// ───────────────────────────────────────────────────────────── exceptions, approval rules, report fields

const byCreation = <T extends { readonly createdAt: string; readonly id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

function exceptionDrafts(ctx: DraftContext, inGroup: InGroup): Draft[] {
  const { say } = ctx;
  return ctx.index.document.exceptions
    .filter((exception) => inGroup(exception.processId))
    .sort(byCreation)
    .map((exception): Draft => {
      const step = ctx.index.steps.get(exception.stepId);
      const trigger = firstLine(exception.trigger) || stepName(ctx, step, exception.processId);
      const desired = exception.desiredHandling.trim();
      const pains = painsAt(ctx, exception.stepId, 'undocumentedExceptions');
      return {
        origin: { kind: 'exception', id: exception.id },
        title: say.exceptionTitle(trigger),
        description: say.story(
          persona(ctx, [exception.handledBy, exception.raisedBy], step?.laneId ?? null),
          say.exceptionWant(trigger, desired),
          say.exceptionReason(exception.currentHandling.trim()),
        ),
        type: 'exceptionHandling',
        priority: priorityWith('should', pains),
        owner: OWNER_OF_TYPE.exceptionHandling,
        acceptanceCriteria: say.exceptionCriteria(trigger, desired),
        sources: [{ kind: 'exception', id: exception.id }, ...stepSources(ctx, [exception.stepId]), ...painSources(ctx, pains)],
      };
    });
}

function approvalRuleDrafts(ctx: DraftContext, inGroup: InGroup): Draft[] {
  const { say } = ctx;
  const stepRank = rankOfSteps(ctx);
  return ctx.index.document.approvalRules
    .filter((rule) => inGroup(rule.processId))
    .sort((a, b) => (stepRank.get(a.stepId) ?? 0) - (stepRank.get(b.stepId) ?? 0) || (a.minAmount ?? 0) - (b.minAmount ?? 0) || byCreation(a, b))
    .map((rule): Draft => {
      const step = ctx.index.steps.get(rule.stepId);
      // A lower bound of 0 bounds nothing: "up to ¥1,000,000" rather than "from ¥0 to ¥1,000,000".
      const band = say.amountBand(rule.minAmount === 0 ? null : rule.minAmount, rule.maxAmount);
      const approver = rule.approverRole.trim() || say.approverDefault;
      const pains = painsAt(ctx, rule.stepId, 'approvalDelay');
      return {
        origin: { kind: 'approvalRule', id: rule.id },
        title: say.approvalTitle(approver, band),
        description: say.story(persona(ctx, [], step?.laneId ?? null), say.approvalWant(stepName(ctx, step, rule.processId), band, approver), say.approvalReason),
        type: 'permission',
        priority: 'must',
        owner: OWNER_OF_TYPE.permission,
        acceptanceCriteria: say.approvalCriteria(approver, band, rule.deputy.trim(), rule.evidenceRequired.trim()),
        sources: [{ kind: 'approvalRule', id: rule.id }, ...stepSources(ctx, [rule.stepId]), ...painSources(ctx, pains)],
      };
    });
}

/** Must-have report fields are drafted together per step: one report requirement lists them all. */
function reportFieldDrafts(ctx: DraftContext, inGroup: InGroup): Draft[] {
  const { say } = ctx;
  const fieldsByStep = new Map<StepId, typeof ctx.index.document.reportFields>();
  for (const field of [...ctx.index.document.reportFields].sort(byCreation)) {
    if (!field.requiredInNewSystem || !inGroup(field.processId)) continue;
    fieldsByStep.set(field.stepId, [...(fieldsByStep.get(field.stepId) ?? []), field]);
  }
  const stepRank = rankOfSteps(ctx);
  return [...fieldsByStep.entries()]
    .sort(([a], [b]) => (stepRank.get(a) ?? 0) - (stepRank.get(b) ?? 0))
    .map(([stepId, fields]): Draft => {
      const first = fields[0]!;
      const step = ctx.index.steps.get(stepId);
      const place = stepName(ctx, step, first.processId);
      const names = say.quotedList(fields.map((field) => field.name));
      const usedBy = say.list([...new Set(fields.map((field) => field.usedBy.trim()).filter(Boolean))]);
      const pains = painsAt(ctx, stepId, 'missingReportFields');
      return {
        origin: { kind: 'reportFields', id: stepId },
        title: say.reportTitle(place, names),
        description: say.story(persona(ctx, [], step?.laneId ?? null), say.reportWant(place, names), say.reportReason(usedBy)),
        type: 'report',
        priority: 'must',
        owner: OWNER_OF_TYPE.report,
        acceptanceCriteria: fields.map((field) => say.reportFieldCriterion(field.name, field.source.trim(), field.format.trim())),
        sources: [
          ...fields.map((field): RequirementSource => ({ kind: 'reportField', id: field.id })),
          ...stepSources(ctx, [stepId]),
          ...painSources(ctx, pains),
        ],
      };
    });
}

/** Each step's place in reading order across the workshop, for sorting records pinned to steps. */
function rankOfSteps(ctx: DraftContext): ReadonlyMap<StepId, number> {
  return new Map(sortSteps(ctx.index, ctx.index.document.steps).map((step, rank) => [step.id, rank]));
}

// ───────────────────────────────────────────────────────────── To-Be changes

/** Start and end events are drawn for reading, not built. */
const isWork = (step: Step) => step.type !== 'start' && step.type !== 'end';

function mapRecords(ctx: DraftContext, mapId: string) {
  const { lanes, steps, connections } = ctx.index.document;
  return {
    lanes: lanes.filter((lane) => lane.mapId === mapId),
    steps: steps.filter((step) => step.mapId === mapId),
    connections: connections.filter((connection) => connection.mapId === mapId),
  };
}

/**
 * From the comparison of a process's maps: an added step, an automated one (manual work that
 * became a system task) or a To-Be system task calls for a requirement; so does an As-Is step
 * the To-Be map no longer has.
 */
function toBeChangeDrafts(ctx: DraftContext, processId: ProcessId): Draft[] {
  const process = ctx.index.processes.get(processId);
  if (!process?.toBeMapId || !ctx.index.maps.has(process.toBeMapId) || !ctx.index.maps.has(process.asIsMapId)) return [];
  const asIs = mapRecords(ctx, process.asIsMapId);
  const toBe = mapRecords(ctx, process.toBeMapId);
  const comparison = compareMaps(asIs, toBe);
  const changed = sortSteps(ctx.index, toBe.steps.filter(isWork)).flatMap((step) => toBeStepDraft(ctx, step, comparison) ?? []);
  const removed = sortSteps(ctx.index, asIs.steps.filter(isWork))
    .filter((step) => comparison.asIs.get(step.id)?.status === 'removed')
    .map((step) => removedStepDraft(ctx, step, processId));
  return [...changed, ...removed];
}

/** Systems a step exchanges data with: the other ends of its connections that run in another system. */
function integrationPartners(ctx: DraftContext, step: Step): string[] {
  const own = systemOf(ctx, step);
  const partners = new Set<string>();
  for (const connection of ctx.index.document.connections) {
    const otherId = connection.sourceStepId === step.id ? connection.targetStepId : connection.targetStepId === step.id ? connection.sourceStepId : null;
    const other = otherId === null ? undefined : ctx.index.steps.get(otherId);
    if (!other) continue;
    const system = systemOf(ctx, other);
    if (system && system !== own) partners.add(system);
  }
  return [...partners];
}

function typeOfStep(step: Step, partners: readonly string[]): RequirementType {
  if (partners.length > 0) return 'interface';
  if (step.type === 'approval') return 'permission';
  if (step.type === 'master') return 'data';
  if (step.type === 'document') return 'report';
  return 'functional';
}

function toBeStepDraft(ctx: DraftContext, step: Step, comparison: MapComparison): Draft | null {
  const { say } = ctx;
  const status = comparison.toBe.get(step.id)?.status;
  const origin = step.originStepId === null ? undefined : ctx.index.steps.get(step.originStepId);
  const automated = status === 'automated' && origin !== undefined;
  if (status !== 'added' && !automated && step.type !== 'systemTask') return null;

  const processId = ctx.index.maps.get(step.mapId)?.processId;
  const label = processId ? stepName(ctx, step, processId) : firstLine(step.label);
  const system = systemOf(ctx, step);
  const partners = integrationPartners(ctx, step);
  const type = typeOfStep(step, partners);
  const pains = [...painsAt(ctx, step.id), ...(origin ? painsAt(ctx, origin.id) : [])];
  const common = {
    origin: { kind: 'toBeStep', id: step.id } as const,
    type,
    priority: priorityWith('should', pains),
    owner: step.type === 'systemTask' || step.type === 'master' ? ('it' as const) : ('joint' as const),
    sources: [...stepSources(ctx, [step.id, ...(origin ? [origin.id] : [])]), ...painSources(ctx, pains)],
  };
  const integration = partners.length > 0 ? [say.interfaceCriterion(partners)] : [];
  const dataFlow = step.inputs.length + step.outputs.length > 0 ? [say.dataFlowCriterion(step.inputs, step.outputs)] : [];

  if (status === 'added') {
    return {
      ...common,
      title: say.addedTitle(label),
      description: say.story(persona(ctx, [], step.laneId), say.addedWant(label, system), say.addedReason),
      acceptanceCriteria: [...say.addedCriteria(label), ...dataFlow, ...integration],
    };
  }
  const inSystem = system || say.theSystem;
  if (automated) {
    const asIsLabel = firstLine(origin.label) || label;
    return {
      ...common,
      title: say.automatedTitle(label),
      description: say.story(persona(ctx, [], origin.laneId), say.automatedWant(asIsLabel, label, inSystem), say.automatedReason(origin.touchMinutes)),
      acceptanceCriteria: [...say.automatedCriteria(label, inSystem), ...dataFlow, ...integration],
    };
  }
  return {
    ...common,
    title: say.systemTitle(label),
    description: say.story(persona(ctx, [], step.laneId), say.systemWant(label, inSystem), say.systemReason),
    acceptanceCriteria: [...say.systemCriteria(label, inSystem), ...dataFlow, ...integration],
  };
}

function removedStepDraft(ctx: DraftContext, step: Step, processId: ProcessId): Draft {
  const { say } = ctx;
  const label = stepName(ctx, step, processId);
  const pains = painsAt(ctx, step.id);
  return {
    origin: { kind: 'removedStep', id: step.id },
    title: say.removedTitle(label),
    description: say.story(persona(ctx, [], step.laneId), say.removedWant(label), say.removedReason),
    type: 'functional',
    priority: priorityWith('should', pains),
    owner: 'joint',
    acceptanceCriteria: say.removedCriteria(label, step.tools, step.outputs),
    sources: [...stepSources(ctx, [step.id]), ...painSources(ctx, pains)],
  };
}
