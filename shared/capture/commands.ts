import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from '../editor/mapState';
import { normaliseName, type Timestamp } from '../model/common';
import {
  newId,
  type ConnectionId,
  type ExceptionId,
  type InterviewNoteId,
  type InterviewSessionId,
  type KpiId,
  type LaneId,
  type PainPointId,
  type ParticipantId,
  type StepId,
} from '../model/ids';
import type {
  AnnotationTarget,
  ApprovalRule,
  ExceptionCase,
  InterviewNote,
  InterviewSession,
  Kpi,
  PainCategory,
  PainPoint,
  ReportField,
} from '../model/annotations';
import { putNew, type CaptureContext } from './records';

/** Pure capture commands: each returns the patch to write (and undo), nothing else. */

export interface NewPainPoint {
  readonly title: string;
  readonly category?: PainCategory;
  readonly severity?: number;
  readonly raisedBy?: ParticipantId | null;
  readonly description?: string;
  readonly sourceNoteId?: InterviewNoteId | null;
}

export function addPainPoint(ctx: CaptureContext, target: AnnotationTarget, input: NewPainPoint): { patch: MapPatch; id: PainPointId } {
  const painPoint: PainPoint = {
    id: newId('painPoint'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    target,
    title: input.title.trim(),
    description: input.description ?? '',
    category: input.category ?? 'other',
    severity: input.severity ?? 3,
    frequency: '',
    hoursLostPerMonth: null,
    peopleAffected: null,
    raisedBy: input.raisedBy ?? null,
    status: 'open',
    deferReason: '',
    sourceNoteId: input.sourceNoteId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('painPoints', painPoint), id: painPoint.id };
}

/** Removes a pain point and the KPIs' links to it. */
export function deletePainPoint(state: MapState, id: PainPointId, now: Timestamp): MapPatch {
  if (!state.painPoints.has(id)) return EMPTY_PATCH;
  return combinePatches(patch({ remove: { painPoints: [id] } }), unlinkFromKpis(state, new Set([id]), now));
}

export interface NewException {
  readonly trigger: string;
  readonly raisedBy?: ParticipantId | null;
  readonly sourceNoteId?: InterviewNoteId | null;
}

export function addException(ctx: CaptureContext, stepId: StepId, input: NewException): { patch: MapPatch; id: ExceptionId } {
  const exception: ExceptionCase = {
    id: newId('exception'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    stepId,
    trigger: input.trigger.trim(),
    currentHandling: '',
    handledBy: null,
    frequency: '',
    desiredHandling: '',
    raisedBy: input.raisedBy ?? null,
    sourceNoteId: input.sourceNoteId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('exceptions', exception), id: exception.id };
}

export function addApprovalRule(ctx: CaptureContext, stepId: StepId, approverRole: string): { patch: MapPatch; id: ApprovalRule['id'] } {
  const rule: ApprovalRule = {
    id: newId('approvalRule'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    stepId,
    approverRole: normaliseName(approverRole),
    minAmount: null,
    maxAmount: null,
    deputy: '',
    evidenceRequired: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('approvalRules', rule), id: rule.id };
}

export function addReportField(ctx: CaptureContext, stepId: StepId, name: string): { patch: MapPatch; id: ReportField['id'] } {
  const field: ReportField = {
    id: newId('reportField'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    stepId,
    name: normaliseName(name),
    source: '',
    format: '',
    usedBy: '',
    requiredInNewSystem: true,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('reportFields', field), id: field.id };
}

export function addKpi(ctx: CaptureContext, name: string, unit: string): { patch: MapPatch; id: KpiId } {
  const kpi: Kpi = {
    id: newId('kpi'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    name: normaliseName(name),
    unit: normaliseName(unit),
    baseline: null,
    target: null,
    painPointIds: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('kpis', kpi), id: kpi.id };
}

export function addInterviewSession(
  ctx: CaptureContext,
  input: { title: string; date: string; participantIds: readonly ParticipantId[] },
): { patch: MapPatch; id: InterviewSessionId } {
  const session: InterviewSession = {
    id: newId('interviewSession'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    title: normaliseName(input.title),
    date: input.date,
    participantIds: [...input.participantIds],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('interviewSessions', session), id: session.id };
}

/** Removes a session with its notes. */
export function deleteInterviewSession(state: MapState, id: InterviewSessionId): MapPatch {
  if (!state.interviewSessions.has(id)) return EMPTY_PATCH;
  const notes = [...state.interviewNotes.values()].filter((note) => note.sessionId === id).map((note) => note.id);
  return patch({ remove: { interviewSessions: [id], interviewNotes: notes } });
}

/** A note typed during the conversation, linked to the step selected at that moment. */
export function addInterviewNote(
  ctx: CaptureContext,
  input: { sessionId: InterviewSessionId; text: string; stepId: StepId | null; speakerId: ParticipantId | null },
): { patch: MapPatch; id: InterviewNoteId } {
  const note: InterviewNote = {
    id: newId('interviewNote'),
    workshopId: ctx.workshopId,
    sessionId: input.sessionId,
    text: input.text.trim(),
    stepId: input.stepId,
    speakerId: input.speakerId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (note.text.length === 0) return { patch: EMPTY_PATCH, id: note.id };
  return { patch: putNew('interviewNotes', note), id: note.id };
}

/** Longest title a converted note gets; the whole quote stays in the description. */
const TITLE_FROM_QUOTE = 60;

function titleFromQuote(text: string): string {
  const firstLine = normaliseName(text.split(/\r?\n/)[0] ?? '');
  return firstLine.length <= TITLE_FROM_QUOTE ? firstLine : `${firstLine.slice(0, TITLE_FROM_QUOTE - 1)}…`;
}

/** Where a note's remark belongs: the step it was typed at, if that step is on this map, else the map. */
function noteTarget(state: MapState, ctx: CaptureContext, note: InterviewNote): AnnotationTarget {
  return note.stepId && state.steps.has(note.stepId) ? { kind: 'step', stepId: note.stepId } : { kind: 'map', mapId: ctx.mapId };
}

/** Turns a note into a pain point on its step, keeping the quote and who said it. */
export function noteToPainPoint(state: MapState, ctx: CaptureContext, noteId: InterviewNoteId): { patch: MapPatch; id: PainPointId | null } {
  const note = state.interviewNotes.get(noteId);
  if (!note) return { patch: EMPTY_PATCH, id: null };
  const result = addPainPoint(ctx, noteTarget(state, ctx, note), {
    title: titleFromQuote(note.text),
    description: note.text,
    raisedBy: note.speakerId,
    sourceNoteId: note.id,
  });
  return { patch: result.patch, id: result.id };
}

/** Turns a note into an exception on its step (exceptions need a step; none → nothing). */
export function noteToException(state: MapState, ctx: CaptureContext, noteId: InterviewNoteId): { patch: MapPatch; id: ExceptionId | null } {
  const note = state.interviewNotes.get(noteId);
  if (!note?.stepId || !state.steps.has(note.stepId)) return { patch: EMPTY_PATCH, id: null };
  const result = addException(ctx, note.stepId, { trigger: note.text, raisedBy: note.speakerId, sourceNoteId: note.id });
  return { patch: result.patch, id: result.id };
}

function unlinkFromKpis(state: MapState, painPointIds: ReadonlySet<PainPointId>, now?: Timestamp): MapPatch {
  const kpis = [...state.kpis.values()]
    .filter((kpi) => kpi.painPointIds.some((id) => painPointIds.has(id)))
    .map((kpi) => ({ ...kpi, painPointIds: kpi.painPointIds.filter((id) => !painPointIds.has(id)), updatedAt: now ?? kpi.updatedAt }));
  return kpis.length === 0 ? EMPTY_PATCH : patch({ put: { kpis } });
}

/**
 * What goes with deleted map elements: the pain points, exceptions, approval rules and report
 * fields on them are removed (and come back on undo); notes typed at a deleted step stay, no
 * longer linked to it.
 */
export function detachAnnotations(
  state: MapState,
  removed: { stepIds?: Iterable<StepId>; connectionIds?: Iterable<ConnectionId>; laneIds?: Iterable<LaneId> },
  now?: Timestamp,
): MapPatch {
  const steps = new Set<string>(removed.stepIds ?? []);
  const connections = new Set<string>(removed.connectionIds ?? []);
  const lanes = new Set<string>(removed.laneIds ?? []);
  const painPoints = [...state.painPoints.values()]
    .filter(({ target }) =>
      target.kind === 'step' ? steps.has(target.stepId) : target.kind === 'connection' ? connections.has(target.connectionId) : target.kind === 'lane' && lanes.has(target.laneId),
    )
    .map((painPoint) => painPoint.id);
  const onSteps = <R extends { stepId: StepId; id: string }>(records: Iterable<R>) => [...records].filter((record) => steps.has(record.stepId)).map((record) => record.id as R['id']);
  const notes = [...state.interviewNotes.values()].filter((note) => note.stepId !== null && steps.has(note.stepId)).map((note) => ({ ...note, stepId: null }));
  return combinePatches(
    patch({
      remove: {
        painPoints,
        exceptions: onSteps(state.exceptions.values()),
        approvalRules: onSteps(state.approvalRules.values()),
        reportFields: onSteps(state.reportFields.values()),
      },
      put: { interviewNotes: notes },
    }),
    unlinkFromKpis(state, new Set(painPoints), now),
  );
}
