import { addException, addPainPoint, type NewPainPoint } from '../capture/commands';
import { putNew, updateRecord, type CaptureContext } from '../capture/records';
import { laneAt, layoutLanes, stepSize } from '../editor/geometry';
import { EMPTY_PATCH, combinePatches, isEmptyPatch, patch, type MapPatch, type MapState } from '../editor/mapState';
import { newStep } from '../editor/steps';
import type { AnnotationTarget } from '../model/annotations';
import type { Timestamp } from '../model/common';
import { newId, type ExceptionId, type PainPointId, type ParticipantId, type QuestionId, type StepId, type StickyNoteId } from '../model/ids';
import { stepSchema, type StepType } from '../model/map';
import type { StickyColor, StickyConversion, StickyNote } from '../model/workshopMode';
import { targetOnMap, titleFromText } from './context';
import { newQuestion, type NewQuestion } from './questions';

/**
 * Sticky notes (付箋) on the canvas. A note lives in map (absolute) coordinates, outside the
 * lanes. Converting it into a step, pain point, exception or question keeps the note, marked
 * `convertedTo`, so its text and author stay traceable; lists and the canvas hide converted
 * notes (`visibleStickyNotes`) unless what they became has been deleted since.
 */

/** How large the canvas draws a note; conversion to a step takes the lane under its centre. */
export const STICKY_NOTE_SIZE = { width: 160, height: 120 } as const;

type Position = { readonly x: number; readonly y: number };

export interface NewStickyNote {
  /** Top-left corner in map coordinates. */
  readonly position: Position;
  /** May be empty: a note is placed first and typed into after. */
  readonly text?: string;
  /** Default yellow. */
  readonly color?: StickyColor;
  readonly authorId?: ParticipantId | null;
}

/** A note on the context's map. A position that is not a finite number writes nothing. */
export function addStickyNote(ctx: CaptureContext, input: NewStickyNote): { patch: MapPatch; id: StickyNoteId } {
  const note: StickyNote = {
    id: newId('stickyNote'),
    workshopId: ctx.workshopId,
    processId: ctx.processId,
    mapId: ctx.mapId,
    position: { x: input.position.x, y: input.position.y },
    text: input.text ?? '',
    color: input.color ?? 'yellow',
    authorId: input.authorId ?? null,
    convertedTo: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { patch: putNew('stickyNotes', note), id: note.id };
}

export type StickyNoteChanges = Partial<Pick<StickyNote, 'text' | 'color' | 'authorId'>>;

/** Changes a note's text, colour or author; an unknown note, no change or an invalid value write nothing. */
export function updateStickyNote(state: MapState, id: StickyNoteId, changes: StickyNoteChanges, now: Timestamp): MapPatch {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as StickyNoteChanges;
  return updateRecord(state, 'stickyNotes', id, given, now);
}

/** Moves notes to new map positions; unknown notes, unmoved ones and non-finite positions are skipped. */
export function moveStickyNotes(state: MapState, moves: readonly { id: StickyNoteId; position: Position }[], now: Timestamp): MapPatch {
  const moved = new Map<StickyNoteId, StickyNote>();
  for (const { id, position } of moves) {
    const note = moved.get(id) ?? state.stickyNotes.get(id);
    if (!note || !Number.isFinite(position.x) || !Number.isFinite(position.y)) continue;
    if (position.x === note.position.x && position.y === note.position.y) continue;
    moved.set(id, { ...note, position: { x: position.x, y: position.y }, updatedAt: now });
  }
  return moved.size === 0 ? EMPTY_PATCH : patch({ put: { stickyNotes: [...moved.values()] } });
}

export function moveStickyNote(state: MapState, id: StickyNoteId, position: Position, now: Timestamp): MapPatch {
  return moveStickyNotes(state, [{ id, position }], now);
}

/** Deletes notes; unknown ids are skipped. What a converted note became stays. */
export function deleteStickyNotes(state: MapState, ids: readonly StickyNoteId[]): MapPatch {
  const known = [...new Set(ids)].filter((id) => state.stickyNotes.has(id));
  return known.length === 0 ? EMPTY_PATCH : patch({ remove: { stickyNotes: known } });
}

export function deleteStickyNote(state: MapState, id: StickyNoteId): MapPatch {
  return deleteStickyNotes(state, [id]);
}

/** Whether what a note was converted to is still among the state's records. */
export function conversionExists(state: MapState, conversion: StickyConversion): boolean {
  switch (conversion.kind) {
    case 'step':
      return state.steps.has(conversion.id);
    case 'painPoint':
      return state.painPoints.has(conversion.id);
    case 'exception':
      return state.exceptions.has(conversion.id);
    case 'question':
      return state.questions.has(conversion.id);
  }
}

/**
 * The notes the canvas shows on a map, oldest first: those not converted, and those whose
 * conversion was deleted since (so the text is not lost with it).
 */
export function visibleStickyNotes(state: MapState, mapId: StickyNote['mapId']): StickyNote[] {
  return [...state.stickyNotes.values()]
    .filter((note) => note.mapId === mapId && (note.convertedTo === null || !conversionExists(state, note.convertedTo)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
}

/** A note that can be converted: known, with text, and not converted already (or its conversion deleted since). */
function convertible(state: MapState, id: StickyNoteId): StickyNote | null {
  const note = state.stickyNotes.get(id);
  if (!note || note.text.trim().length === 0) return null;
  if (note.convertedTo !== null && conversionExists(state, note.convertedTo)) return null;
  return note;
}

function markConverted(note: StickyNote, convertedTo: StickyConversion, now: Timestamp): MapPatch {
  return patch({ put: { stickyNotes: [{ ...note, convertedTo, updatedAt: now }] } });
}

function captureContextOf(note: StickyNote, now: Timestamp): CaptureContext {
  return { workshopId: note.workshopId, processId: note.processId, mapId: note.mapId, now };
}

const MAX_STEP_LABEL = 500;

/**
 * Turns a note into a step in the lane under the note's centre, where the note is (the step
 * centred on the note's centre line, kept clear of the lane header, on the grid). The label is
 * the note's first line; a longer text goes to the step's notes in full. Nothing is written for
 * an unknown, empty or already converted note, or a map without lanes.
 */
export function stickyNoteToStep(
  state: MapState,
  noteId: StickyNoteId,
  now: Timestamp,
  type: StepType = 'manualTask',
): { patch: MapPatch; stepId: StepId | null } {
  const note = convertible(state, noteId);
  if (!note) return { patch: EMPTY_PATCH, stepId: null };
  const lanes = [...state.lanes.values()].filter((lane) => lane.mapId === note.mapId);
  const layout = layoutLanes(lanes, [...state.steps.values()].filter((step) => step.mapId === note.mapId));
  const centre = { x: note.position.x + STICKY_NOTE_SIZE.width / 2, y: note.position.y + STICKY_NOTE_SIZE.height / 2 };
  const lane = laneAt(layout, centre.y);
  if (!lane) return { patch: EMPTY_PATCH, stepId: null };
  const size = stepSize(type);
  const text = note.text.trim();
  const label = titleFromText(text, MAX_STEP_LABEL);
  const step = {
    // newStep keeps the position clear of the lane header and puts it on the grid.
    ...newStep({ workshopId: note.workshopId, mapId: note.mapId, now }, { laneId: lane.lane.id, type, label, position: { x: note.position.x, y: centre.y - lane.y - size.height / 2 } }),
    notes: text === label ? '' : text,
  };
  if (!stepSchema.safeParse(step).success) return { patch: EMPTY_PATCH, stepId: null };
  return { patch: combinePatches(patch({ put: { steps: [step] } }), markConverted(note, { kind: 'step', id: step.id }, now)), stepId: step.id };
}

/**
 * Turns a note into a pain point on `target` (a step, connection or lane of the note's map, or
 * the map): its first line is the title, the whole text the description, its author who raised it.
 */
export function stickyNoteToPainPoint(
  state: MapState,
  noteId: StickyNoteId,
  target: AnnotationTarget,
  now: Timestamp,
  input: Pick<NewPainPoint, 'category' | 'severity'> = {},
): { patch: MapPatch; id: PainPointId | null } {
  const note = convertible(state, noteId);
  if (!note || !targetOnMap(state, target, note.mapId)) return { patch: EMPTY_PATCH, id: null };
  const text = note.text.trim();
  const added = addPainPoint(captureContextOf(note, now), target, { ...input, title: titleFromText(text), description: text, raisedBy: note.authorId });
  if (isEmptyPatch(added.patch)) return { patch: EMPTY_PATCH, id: null };
  return { patch: combinePatches(added.patch, markConverted(note, { kind: 'painPoint', id: added.id }, now)), id: added.id };
}

/** Turns a note into an exception on a step of its map: the text is the trigger, its author who raised it. */
export function stickyNoteToException(state: MapState, noteId: StickyNoteId, stepId: StepId, now: Timestamp): { patch: MapPatch; id: ExceptionId | null } {
  const note = convertible(state, noteId);
  if (!note || state.steps.get(stepId)?.mapId !== note.mapId) return { patch: EMPTY_PATCH, id: null };
  const added = addException(captureContextOf(note, now), stepId, { trigger: note.text, raisedBy: note.authorId });
  if (isEmptyPatch(added.patch)) return { patch: EMPTY_PATCH, id: null };
  return { patch: combinePatches(added.patch, markConverted(note, { kind: 'exception', id: added.id }, now)), id: added.id };
}

/** Turns a note into an open question about the note's process, its source the note (whose author stays on it). */
export function stickyNoteToQuestion(
  state: MapState,
  noteId: StickyNoteId,
  now: Timestamp,
  input: Omit<NewQuestion, 'text' | 'source' | 'processId'> = {},
): { patch: MapPatch; id: QuestionId | null } {
  const note = convertible(state, noteId);
  if (!note) return { patch: EMPTY_PATCH, id: null };
  const question = newQuestion(
    { workshopId: note.workshopId, now },
    { ...input, text: note.text, processId: note.processId, source: { kind: 'stickyNote', id: note.id } },
  );
  const added = question ? putNew('questions', question) : EMPTY_PATCH;
  if (!question || isEmptyPatch(added)) return { patch: EMPTY_PATCH, id: null };
  return { patch: combinePatches(added, markConverted(note, { kind: 'question', id: question.id }, now)), id: question.id };
}
