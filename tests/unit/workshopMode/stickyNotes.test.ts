import { describe, expect, it } from 'vitest';
import { deleteElements, EMPTY_PATCH, isEmptyPatch, layoutLanes, stepBox, type MapState } from '../../../shared/editor';
import { newId, recordSchemas, type StickyNoteId } from '../../../shared/model';
import {
  addStickyNote,
  deleteQuestion,
  deleteStickyNote,
  deleteStickyNotes,
  moveStickyNote,
  moveStickyNotes,
  STICKY_NOTE_SIZE,
  stickyNoteToException,
  stickyNoteToPainPoint,
  stickyNoteToQuestion,
  stickyNoteToStep,
  updateStickyNote,
  visibleStickyNotes,
} from '../../../shared/workshopMode';
import { applyChecked, later, now, participants, setup } from './kit';

function withNote(text = '請求書の到着が遅い取引先がある', position = { x: 600, y: 300 }) {
  const flow = setup();
  const { patch, id } = addStickyNote(flow.ctx, { position, text, color: 'pink', authorId: participants.suzuki.id });
  return { ...flow, state: applyChecked(flow.state, patch), noteId: id };
}

const noteOf = (state: MapState, id: StickyNoteId) => state.stickyNotes.get(id)!;

describe('sticky notes', () => {
  it('are placed in map coordinates with their text, colour and author, valid, and undoable', () => {
    const { state, noteId, ctx } = withNote();
    expect(noteOf(state, noteId)).toMatchObject({
      workshopId: ctx.workshopId,
      processId: ctx.processId,
      mapId: ctx.mapId,
      position: { x: 600, y: 300 },
      text: '請求書の到着が遅い取引先がある',
      color: 'pink',
      authorId: participants.suzuki.id,
      convertedTo: null,
      createdAt: now,
    });
    expect(recordSchemas.stickyNotes.safeParse(noteOf(state, noteId)).success).toBe(true);
  });

  it('can be placed empty, yellow and anonymous, to be typed into after', () => {
    const { ctx, state } = setup();
    const { patch, id } = addStickyNote(ctx, { position: { x: -40, y: 1000.5 } });
    expect(applyChecked(state, patch).stickyNotes.get(id)).toMatchObject({ text: '', color: 'yellow', authorId: null });
  });

  it('are not placed at a position that is not a number', () => {
    const { ctx } = setup();
    expect(addStickyNote(ctx, { position: { x: Number.NaN, y: 0 } }).patch).toBe(EMPTY_PATCH);
    expect(addStickyNote(ctx, { position: { x: 0, y: Number.POSITIVE_INFINITY } }).patch).toBe(EMPTY_PATCH);
  });

  it('change text, colour and author, stamped with the time; no change, a bad colour or an unknown note write nothing', () => {
    const { state, noteId } = withNote();
    const next = applyChecked(state, updateStickyNote(state, noteId, { text: '請求書が月末にまとめて届く', color: 'green', authorId: null }, later));
    expect(noteOf(next, noteId)).toMatchObject({ text: '請求書が月末にまとめて届く', color: 'green', authorId: null, createdAt: now, updatedAt: later });
    expect(updateStickyNote(next, noteId, { color: 'green' }, later)).toBe(EMPTY_PATCH);
    expect(updateStickyNote(next, noteId, { color: 'orange' as never }, later)).toBe(EMPTY_PATCH);
    expect(updateStickyNote(next, newId('stickyNote'), { text: 'x' }, later)).toBe(EMPTY_PATCH);
  });

  it('move anywhere on the map, one or several; unmoved, unknown and non-numeric moves are skipped', () => {
    const { ctx, state: start, noteId } = withNote();
    const second = addStickyNote(ctx, { position: { x: 0, y: 0 }, text: '2' });
    const state = applyChecked(start, second.patch);
    const moved = applyChecked(state, moveStickyNote(state, noteId, { x: 1234.5, y: -20 }, later));
    expect(noteOf(moved, noteId)).toMatchObject({ position: { x: 1234.5, y: -20 }, updatedAt: later });
    const both = moveStickyNotes(
      state,
      [
        { id: noteId, position: { x: 10, y: 10 } },
        { id: second.id, position: { x: 0, y: 0 } },
        { id: newId('stickyNote'), position: { x: 1, y: 1 } },
      ],
      later,
    );
    expect(both.put.stickyNotes.map((note) => note.id)).toEqual([noteId]);
    expect(moveStickyNote(state, noteId, { x: 600, y: 300 }, later)).toBe(EMPTY_PATCH);
    expect(moveStickyNote(state, noteId, { x: Number.NaN, y: 1 }, later)).toBe(EMPTY_PATCH);
  });

  it('are deleted, and come back on undo', () => {
    const { state, noteId } = withNote();
    const next = applyChecked(state, deleteStickyNote(state, noteId));
    expect(next.stickyNotes.size).toBe(0);
    expect(deleteStickyNotes(state, [newId('stickyNote')])).toBe(EMPTY_PATCH);
  });
});

describe('converting a sticky note into a step', () => {
  it('puts the step in the lane under the note, where the note is, with its text, and marks the note', () => {
    const { state, noteId, lanes } = withNote('支払データを銀行へ送信', { x: 600, y: 300 });
    const { patch, stepId } = stickyNoteToStep(state, noteId, later);
    const next = applyChecked(state, patch);
    const step = next.steps.get(stepId!)!;
    // Lanes: 取引先 0–140, 経理部 140–280, 会計システム 280–422; the note's centre is at y = 360.
    expect(step).toMatchObject({ laneId: lanes.system.id, type: 'manualTask', label: '支払データを銀行へ送信', notes: '', position: { x: 600, y: 50 } });
    const layout = layoutLanes(next.lanes.values(), next.steps.values());
    const box = stepBox(step, layout);
    expect(Math.abs(box.y + box.height / 2 - (300 + STICKY_NOTE_SIZE.height / 2))).toBeLessThanOrEqual(5);
    expect(noteOf(next, noteId)).toMatchObject({ convertedTo: { kind: 'step', id: stepId }, text: '支払データを銀行へ送信', authorId: participants.suzuki.id, updatedAt: later });
    expect(visibleStickyNotes(next, step.mapId)).toEqual([]);
  });

  it.each([
    ['above the first lane', -500, 'vendor'],
    ['in the second lane', 120, 'accounting'],
    ['below the last lane', 5000, 'system'],
  ] as const)('takes the lane %s', (_where, y, lane) => {
    const { state, noteId, lanes } = withNote('照合', { x: 300, y });
    const { patch, stepId } = stickyNoteToStep(state, noteId, later, 'decision');
    const step = applyChecked(state, patch).steps.get(stepId!)!;
    expect(step.laneId).toBe(lanes[lane].id);
    expect(step.type).toBe('decision');
    expect(step.position.x).toBeGreaterThanOrEqual(130);
    expect(step.position.y).toBeGreaterThanOrEqual(10);
  });

  it('labels the step with the first line and keeps the whole text in its notes', () => {
    const { state, noteId } = withNote('  仕訳入力\n\n勘定科目の判断に迷う\n（特に固定資産）  ');
    const { patch, stepId } = stickyNoteToStep(state, noteId, later);
    expect(applyChecked(state, patch).steps.get(stepId!)).toMatchObject({ label: '仕訳入力', notes: '仕訳入力\n\n勘定科目の判断に迷う\n（特に固定資産）' });
  });

  it('keeps the step clear of the lane header when the note sits on it', () => {
    const { state, noteId } = withNote('受付', { x: 0, y: 150 });
    const { patch, stepId } = stickyNoteToStep(state, noteId, later);
    expect(applyChecked(state, patch).steps.get(stepId!)?.position.x).toBe(130);
  });

  it('refuses an empty note, an unknown note, a converted one, and a map without lanes', () => {
    const { ctx, state, noteId } = withNote();
    const empty = addStickyNote(ctx, { position: { x: 0, y: 0 }, text: '  \n ' });
    const withEmpty = applyChecked(state, empty.patch);
    expect(stickyNoteToStep(withEmpty, empty.id, later)).toEqual({ patch: EMPTY_PATCH, stepId: null });
    expect(stickyNoteToStep(state, newId('stickyNote'), later).stepId).toBeNull();
    const converted = applyChecked(state, stickyNoteToStep(state, noteId, later).patch);
    expect(isEmptyPatch(stickyNoteToStep(converted, noteId, later).patch)).toBe(true);
    const noLanes = { ...state, lanes: new Map(), steps: new Map() } as MapState;
    expect(stickyNoteToStep(noLanes, noteId, later).stepId).toBeNull();
  });

  it('shows the note again when the step is deleted, and lets it be converted again', () => {
    const { state, noteId, ctx } = withNote();
    const { patch, stepId } = stickyNoteToStep(state, noteId, later);
    const converted = applyChecked(state, patch);
    const deleted = applyChecked(converted, deleteElements(converted, { stepIds: [stepId!], connectionIds: [] }));
    expect(visibleStickyNotes(deleted, ctx.mapId).map((note) => note.id)).toEqual([noteId]);
    const again = stickyNoteToStep(deleted, noteId, later);
    expect(applyChecked(deleted, again.patch).stickyNotes.get(noteId)?.convertedTo).toEqual({ kind: 'step', id: again.stepId });
  });
});

describe('converting a sticky note into a remark', () => {
  it('makes a pain point on the target: first line as title, whole text as description, the author as who raised it', () => {
    const { state, noteId, steps, ctx } = withNote('支払依頼書を手で転記している\n月に2〜3件ミスが出る');
    const { patch, id } = stickyNoteToPainPoint(state, noteId, { kind: 'step', stepId: steps.request.id }, later, { category: 'doubleEntry', severity: 4 });
    const next = applyChecked(state, patch);
    expect(next.painPoints.get(id!)).toMatchObject({
      processId: ctx.processId,
      target: { kind: 'step', stepId: steps.request.id },
      title: '支払依頼書を手で転記している',
      description: '支払依頼書を手で転記している\n月に2〜3件ミスが出る',
      raisedBy: participants.suzuki.id,
      category: 'doubleEntry',
      severity: 4,
      createdAt: later,
    });
    expect(noteOf(next, noteId).convertedTo).toEqual({ kind: 'painPoint', id });
  });

  it('cuts a long first line for the title and keeps it whole in the description', () => {
    const text = '請'.repeat(100);
    const { state, noteId, ctx } = withNote(text);
    const { patch, id } = stickyNoteToPainPoint(state, noteId, { kind: 'map', mapId: ctx.mapId }, later);
    const painPoint = applyChecked(state, patch).painPoints.get(id!)!;
    expect(painPoint.title).toBe(`${'請'.repeat(59)}…`);
    expect(painPoint.description).toBe(text);
  });

  it('makes a pain point on a lane or a connection, but not on something of another map', () => {
    const { state, noteId, lanes, connections } = withNote();
    expect(stickyNoteToPainPoint(state, noteId, { kind: 'lane', laneId: lanes.accounting.id }, later).id).not.toBeNull();
    expect(stickyNoteToPainPoint(state, noteId, { kind: 'connection', connectionId: connections[0]!.id }, later).id).not.toBeNull();
    expect(stickyNoteToPainPoint(state, noteId, { kind: 'map', mapId: newId('map') }, later)).toEqual({ patch: EMPTY_PATCH, id: null });
    expect(stickyNoteToPainPoint(state, noteId, { kind: 'step', stepId: newId('step') }, later).id).toBeNull();
  });

  it('makes an exception on a step, the text as its trigger and the author as who raised it', () => {
    const { state, noteId, steps } = withNote('金額が発注書と違うとき');
    const { patch, id } = stickyNoteToException(state, noteId, steps.receive.id, later);
    const next = applyChecked(state, patch);
    expect(next.exceptions.get(id!)).toMatchObject({ stepId: steps.receive.id, trigger: '金額が発注書と違うとき', raisedBy: participants.suzuki.id });
    expect(noteOf(next, noteId).convertedTo).toEqual({ kind: 'exception', id });
    expect(stickyNoteToException(state, noteId, newId('step'), later).id).toBeNull();
  });

  it('makes an open question about the note\'s process, pointing back at the note', () => {
    const { state, noteId, ctx } = withNote('承認者が不在のときの代理は？');
    const { patch, id } = stickyNoteToQuestion(state, noteId, later, { ownerSide: 'accounting', assigneeId: participants.tanaka.id, dueDate: '2026-12-01' });
    const next = applyChecked(state, patch);
    expect(next.questions.get(id!)).toMatchObject({
      processId: ctx.processId,
      text: '承認者が不在のときの代理は？',
      ownerSide: 'accounting',
      assigneeId: participants.tanaka.id,
      dueDate: '2026-12-01',
      status: 'open',
      source: { kind: 'stickyNote', id: noteId },
    });
    // The question keeps no author of its own: the note it points at does.
    expect(noteOf(next, next.questions.get(id!)!.source!.id as StickyNoteId).authorId).toBe(participants.suzuki.id);
    expect(noteOf(next, noteId).convertedTo).toEqual({ kind: 'question', id });
  });

  it('shows the note again when its question is deleted', () => {
    const { state, noteId, ctx } = withNote();
    const { patch, id } = stickyNoteToQuestion(state, noteId, later);
    const converted = applyChecked(state, patch);
    const deleted = applyChecked(converted, deleteQuestion(converted, id!, later));
    expect(noteOf(deleted, noteId).convertedTo).toBeNull();
    expect(visibleStickyNotes(deleted, ctx.mapId)).toHaveLength(1);
  });

  it('refuses a question with an invalid due date, leaving the note as it was', () => {
    const { state, noteId } = withNote();
    expect(stickyNoteToQuestion(state, noteId, later, { dueDate: '来週' })).toEqual({ patch: EMPTY_PATCH, id: null });
  });
});

describe('the notes the canvas shows', () => {
  it('are the map\'s notes not converted, oldest first', () => {
    const { ctx, state: start } = setup();
    let state = start;
    const ids = [];
    for (const [index, text] of ['一', '二', '三'].entries()) {
      const { patch, id } = addStickyNote({ ...ctx, now: `2026-11-24T10:0${3 - index}:00.000Z` }, { position: { x: index * 200, y: 0 }, text });
      state = applyChecked(state, patch);
      ids.push(id);
    }
    const otherMap = addStickyNote({ ...ctx, mapId: newId('map') }, { position: { x: 0, y: 0 }, text: '別のマップ' });
    state = applyChecked(state, otherMap.patch);
    state = applyChecked(state, stickyNoteToQuestion(state, ids[1]!, later).patch);
    expect(visibleStickyNotes(state, ctx.mapId).map((note) => note.text)).toEqual(['三', '一']);
  });
});
