import { putNew, updateRecord } from '../capture/records';
import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from '../editor/mapState';
import type { Timestamp } from '../model/common';
import { newId, type InterviewSessionId, type ParticipantId, type ProcessId, type QuestionId } from '../model/ids';
import type { ParkingItem, Question, QuestionOwnerSide, QuestionSource, QuestionStatus, StickyNote } from '../model/workshopMode';
import type { WorkshopContext } from './context';

/** Open questions (確認事項): raised in the room, answered by someone by a date, listed across sessions. */

export interface NewQuestion {
  readonly text: string;
  /** The process it is about; none (the default) for the whole workshop. */
  readonly processId?: ProcessId | null;
  /** Default `other`. */
  readonly ownerSide?: QuestionOwnerSide;
  readonly assigneeId?: ParticipantId | null;
  /** yyyy-mm-dd */
  readonly dueDate?: string | null;
  readonly sessionId?: InterviewSessionId | null;
  readonly source?: QuestionSource | null;
}

/** The question record, or null when its text is blank. Shared by the conversions. */
export function newQuestion(ctx: WorkshopContext, input: NewQuestion): Question | null {
  const text = input.text.trim();
  if (text.length === 0) return null;
  return {
    id: newId('question'),
    workshopId: ctx.workshopId,
    processId: input.processId ?? null,
    text,
    ownerSide: input.ownerSide ?? 'other',
    assigneeId: input.assigneeId ?? null,
    dueDate: input.dueDate ?? null,
    status: 'open',
    answer: '',
    sessionId: input.sessionId ?? null,
    source: input.source ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

/** Adds an open question; blank text or an invalid field (a malformed due date) writes nothing. */
export function addQuestion(ctx: WorkshopContext, input: NewQuestion): { patch: MapPatch; id: QuestionId } {
  const question = newQuestion(ctx, input);
  if (!question) return { patch: EMPTY_PATCH, id: newId('question') };
  return { patch: putNew('questions', question), id: question.id };
}

export type QuestionChanges = Partial<Pick<Question, 'text' | 'processId' | 'ownerSide' | 'assigneeId' | 'dueDate' | 'status' | 'answer' | 'sessionId'>>;

/** Changes fields of a question; blank text, an invalid value, no change or an unknown id write nothing. */
export function updateQuestion(state: MapState, id: QuestionId, changes: QuestionChanges, now: Timestamp): MapPatch {
  if (changes.text !== undefined && changes.text.trim().length === 0) return EMPTY_PATCH;
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as QuestionChanges;
  if (given.text !== undefined) given.text = given.text.trim();
  return updateRecord(state, 'questions', id, given, now);
}

/** Records the answer and marks the question answered (a blank answer changes nothing). */
export function answerQuestion(state: MapState, id: QuestionId, answer: string, now: Timestamp): MapPatch {
  const trimmed = answer.trim();
  if (trimmed.length === 0) return EMPTY_PATCH;
  return updateQuestion(state, id, { answer: trimmed, status: 'answered' }, now);
}

/**
 * Deletes a question. A sticky note or parking-lot item it was made from is no longer marked
 * converted, so it shows again (undo marks it again).
 */
export function deleteQuestion(state: MapState, id: QuestionId, now: Timestamp): MapPatch {
  if (!state.questions.has(id)) return EMPTY_PATCH;
  const notes: StickyNote[] = [...state.stickyNotes.values()]
    .filter((note) => note.convertedTo?.kind === 'question' && note.convertedTo.id === id)
    .map((note) => ({ ...note, convertedTo: null, updatedAt: now }));
  const items: ParkingItem[] = [...state.parkingItems.values()]
    .filter((item) => item.convertedTo?.kind === 'question' && item.convertedTo.id === id)
    .map((item) => ({ ...item, status: 'open', convertedTo: null, updatedAt: now }));
  return combinePatches(patch({ remove: { questions: [id] } }), patch({ put: { stickyNotes: notes, parkingItems: items } }));
}

const STATUS_ORDER: Readonly<Record<QuestionStatus, number>> = { open: 0, answered: 1, closed: 2 };

/** For lists and exports: open first, then answered, then closed; within each, the earliest due date first (none last), then oldest first. */
export function sortQuestions(questions: Iterable<Question>): Question[] {
  return [...questions].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') ||
      a.createdAt.localeCompare(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Whether a question that is still open is past its due date on `today` (yyyy-mm-dd). */
export function isOverdue(question: Question, today: string): boolean {
  return question.status === 'open' && question.dueDate !== null && question.dueDate < today;
}
