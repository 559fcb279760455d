import { describe, expect, it } from 'vitest';
import { applyPatch, EMPTY_PATCH, isEmptyPatch } from '../../../shared/editor';
import { newId, recordSchemas, requirementSchema, type Question, type Requirement, type RequirementId, type WorkshopId } from '../../../shared/model';
import {
  addParkingItem,
  addQuestion,
  answerQuestion,
  deleteParkingItem,
  deleteQuestion,
  isOverdue,
  parkingItemToPainPoint,
  parkingItemToQuestion,
  parkingItemToRequirement,
  reopenParkingItem,
  resolveParkingItem,
  sortQuestions,
  updateParkingItem,
  updateQuestion,
} from '../../../shared/workshopMode';
import { addRequirement } from '../../../shared/backlog';
import { applyChecked, later, now, participants, setup } from './kit';

describe('open questions (確認事項)', () => {
  it('are added open, about the whole workshop unless a process is given, owned by "other" by default', () => {
    const { ctx, state } = setup();
    const { patch, id } = addQuestion(ctx, { text: '  締め後の請求書は翌月計上でよいか  ' });
    const question = applyChecked(state, patch).questions.get(id)!;
    expect(question).toMatchObject({
      workshopId: ctx.workshopId,
      processId: null,
      text: '締め後の請求書は翌月計上でよいか',
      ownerSide: 'other',
      assigneeId: null,
      dueDate: null,
      status: 'open',
      answer: '',
      sessionId: null,
      source: null,
      createdAt: now,
      updatedAt: now,
    });
    expect(recordSchemas.questions.safeParse(question).success).toBe(true);
  });

  it('carry an owner side, a person, a due date, a process and the session they were raised in', () => {
    const { ctx, state } = setup();
    const sessionId = newId('interviewSession');
    const { patch, id } = addQuestion(ctx, {
      text: 'API で支払データを出せるか',
      processId: ctx.processId,
      ownerSide: 'it',
      assigneeId: participants.sato.id,
      dueDate: '2026-12-01',
      sessionId,
    });
    expect(applyChecked(state, patch).questions.get(id)).toMatchObject({ processId: ctx.processId, ownerSide: 'it', assigneeId: participants.sato.id, dueDate: '2026-12-01', sessionId });
  });

  it('are refused with blank text or a due date that is not a date', () => {
    const { ctx } = setup();
    expect(addQuestion(ctx, { text: ' \n\u3000' }).patch).toBe(EMPTY_PATCH);
    expect(addQuestion(ctx, { text: 'x', dueDate: '2026-13-40' }).patch).toBe(EMPTY_PATCH);
  });

  it('are updated field by field, answered, and deleted — each undoable', () => {
    const { ctx, state: start } = setup();
    const { patch, id } = addQuestion(ctx, { text: '保存期間は？' });
    let state = applyChecked(start, patch);
    state = applyChecked(state, updateQuestion(state, id, { ownerSide: 'accounting', dueDate: '2026-11-30', assigneeId: participants.tanaka.id }, later));
    expect(state.questions.get(id)).toMatchObject({ ownerSide: 'accounting', dueDate: '2026-11-30', updatedAt: later });
    state = applyChecked(state, answerQuestion(state, id, ' 7年 ', later));
    expect(state.questions.get(id)).toMatchObject({ status: 'answered', answer: '7年' });
    state = applyChecked(state, updateQuestion(state, id, { status: 'closed' }, later));
    expect(state.questions.get(id)?.status).toBe('closed');
    state = applyChecked(state, deleteQuestion(state, id, later));
    expect(state.questions.size).toBe(0);
  });

  it('write nothing for blank text, a blank answer, an invalid status, no change or an unknown id', () => {
    const { ctx, state: start } = setup();
    const { patch, id } = addQuestion(ctx, { text: '保存期間は？' });
    const state = applyPatch(start, patch);
    expect(updateQuestion(state, id, { text: '  ' }, later)).toBe(EMPTY_PATCH);
    expect(updateQuestion(state, id, { status: 'pending' as never }, later)).toBe(EMPTY_PATCH);
    expect(updateQuestion(state, id, { text: '保存期間は？', answer: undefined }, later)).toBe(EMPTY_PATCH);
    expect(answerQuestion(state, id, ' ', later)).toBe(EMPTY_PATCH);
    expect(updateQuestion(state, newId('question'), { status: 'closed' }, later)).toBe(EMPTY_PATCH);
    expect(deleteQuestion(state, newId('question'), later)).toBe(EMPTY_PATCH);
  });

  it('list open first, then answered, then closed; earliest due date first, undated last', () => {
    const { ctx } = setup();
    const make = (text: string, status: Question['status'], dueDate: string | null, createdAt = now): Question => ({
      ...(addQuestion({ ...ctx, now: createdAt }, { text, dueDate }).patch.put.questions[0] as Question),
      status,
    });
    const questions = [
      make('closed', 'closed', '2026-11-01'),
      make('open, undated', 'open', null),
      make('answered', 'answered', '2026-11-02'),
      make('open, later', 'open', '2026-12-01'),
      make('open, sooner', 'open', '2026-11-20'),
      make('open, undated, older', 'open', null, '2026-11-24T09:00:00.000Z'),
    ];
    expect(sortQuestions(questions).map((question) => question.text)).toEqual([
      'open, sooner',
      'open, later',
      'open, undated, older',
      'open, undated',
      'answered',
      'closed',
    ]);
    // Only open questions are overdue: the closed and answered ones are past their dates too.
    expect(questions.map((question) => isOverdue(question, '2026-11-25'))).toEqual([false, false, false, false, true, false]);
    expect(isOverdue(questions[4]!, '2026-11-20')).toBe(false);
  });
});

describe('the parking lot (保留事項)', () => {
  function withItem(text = '経費精算も同じワークフローに載せたい') {
    const flow = setup();
    const { patch, id } = addParkingItem(flow.ctx, { text, raisedBy: participants.tanaka.id, processId: flow.ctx.processId });
    return { ...flow, state: applyChecked(flow.state, patch), itemId: id };
  }

  it('takes an item, open, with who raised it; blank text is refused', () => {
    const { state, itemId, ctx } = withItem();
    expect(state.parkingItems.get(itemId)).toMatchObject({ text: '経費精算も同じワークフローに載せたい', raisedBy: participants.tanaka.id, processId: ctx.processId, status: 'open', convertedTo: null });
    expect(recordSchemas.parkingItems.safeParse(state.parkingItems.get(itemId)).success).toBe(true);
    expect(addParkingItem(ctx, { text: '   ' }).patch).toBe(EMPTY_PATCH);
  });

  it('edits, resolves and reopens an item, and deletes it', () => {
    const { state: start, itemId } = withItem();
    let state = applyChecked(start, updateParkingItem(start, itemId, { text: '経費精算のワークフロー化', processId: null }, later));
    expect(state.parkingItems.get(itemId)).toMatchObject({ text: '経費精算のワークフロー化', processId: null, updatedAt: later });
    expect(updateParkingItem(state, itemId, { text: ' ' }, later)).toBe(EMPTY_PATCH);
    state = applyChecked(state, resolveParkingItem(state, itemId, later));
    expect(state.parkingItems.get(itemId)?.status).toBe('resolved');
    expect(resolveParkingItem(state, itemId, later)).toBe(EMPTY_PATCH);
    state = applyChecked(state, reopenParkingItem(state, itemId, later));
    expect(state.parkingItems.get(itemId)?.status).toBe('open');
    expect(reopenParkingItem(state, itemId, later)).toBe(EMPTY_PATCH);
    state = applyChecked(state, deleteParkingItem(state, itemId));
    expect(state.parkingItems.size).toBe(0);
    expect(deleteParkingItem(state, itemId)).toBe(EMPTY_PATCH);
  });

  it('turns an item into a question pointing back at it; deleting the question reopens the item', () => {
    const { state, itemId, ctx } = withItem();
    const { patch, id } = parkingItemToQuestion(state, itemId, later, { ownerSide: 'it' });
    const next = applyChecked(state, patch);
    expect(next.questions.get(id!)).toMatchObject({ text: '経費精算も同じワークフローに載せたい', processId: ctx.processId, ownerSide: 'it', source: { kind: 'parkingItem', id: itemId } });
    expect(next.parkingItems.get(itemId)).toMatchObject({ status: 'converted', convertedTo: { kind: 'question', id } });
    expect(isEmptyPatch(parkingItemToQuestion(next, itemId, later).patch)).toBe(true);
    const deleted = applyChecked(next, deleteQuestion(next, id!, later));
    expect(deleted.parkingItems.get(itemId)).toMatchObject({ status: 'open', convertedTo: null });
  });

  it('turns an item into a pain point on the map being edited, keeping who raised it', () => {
    const { state, itemId, ctx, steps } = withItem('承認が紙なので遅い\n課長が出張中だと1週間止まる');
    const { patch, id } = parkingItemToPainPoint(state, ctx, itemId, { kind: 'step', stepId: steps.approve.id }, { category: 'approvalDelay' });
    const next = applyChecked(state, patch);
    expect(next.painPoints.get(id!)).toMatchObject({
      title: '承認が紙なので遅い',
      description: '承認が紙なので遅い\n課長が出張中だと1週間止まる',
      raisedBy: participants.tanaka.id,
      category: 'approvalDelay',
      processId: ctx.processId,
    });
    expect(next.parkingItems.get(itemId)).toMatchObject({ status: 'converted', convertedTo: { kind: 'painPoint', id } });
    expect(parkingItemToPainPoint(state, ctx, itemId, { kind: 'step', stepId: newId('step') }).id).toBeNull();
    expect(parkingItemToPainPoint(state, { ...ctx, workshopId: newId('workshop') }, itemId, { kind: 'map', mapId: ctx.mapId }).id).toBeNull();
  });

  it('turns an item into a requirement with the next key, written separately, and marks the item', () => {
    const { state, itemId, ctx } = withItem('経費精算も同じワークフローに載せたい\n申請から承認まで');
    const workshopId = ctx.workshopId as WorkshopId;
    const existing: Requirement[] = [
      addRequirement([], workshopId, { title: '既存', description: '', type: 'functional', priority: 'must', owner: 'it', acceptanceCriteria: [], sources: [] }, now),
    ];
    const fixedId = 'requirement:parked001' as RequirementId;
    const { requirement, patch } = parkingItemToRequirement(state, existing, itemId, later, { priority: 'could', owner: 'accounting' }, () => fixedId);
    expect(requirement).toMatchObject({
      id: fixedId,
      workshopId,
      key: 'REQ-002',
      title: '経費精算も同じワークフローに載せたい',
      description: '経費精算も同じワークフローに載せたい\n申請から承認まで',
      type: 'functional',
      priority: 'could',
      owner: 'accounting',
      status: 'draft',
      origins: [],
      createdAt: later,
    });
    expect(requirementSchema.safeParse(requirement).success).toBe(true);
    const next = applyChecked(state, patch);
    expect(next.parkingItems.get(itemId)).toMatchObject({ status: 'converted', convertedTo: { kind: 'requirement', id: fixedId } });
    expect(parkingItemToRequirement(next, existing, itemId, later)).toEqual({ requirement: null, patch: EMPTY_PATCH });
  });

  it('converts a resolved item too, but never an unknown one', () => {
    const { state: start, itemId } = withItem();
    const state = applyChecked(start, resolveParkingItem(start, itemId, later));
    expect(parkingItemToQuestion(state, itemId, later).id).not.toBeNull();
    expect(parkingItemToQuestion(state, newId('parkingItem'), later)).toEqual({ patch: EMPTY_PATCH, id: null });
  });
});
