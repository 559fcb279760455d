import { describe, expect, it } from 'vitest';
import {
  addApprovalRule,
  addException,
  addInterviewNote,
  addInterviewSession,
  addKpi,
  addPainPoint,
  annotationRows,
  deleteInterviewSession,
  deletePainPoint,
  dutyConflicts,
  heatLevel,
  keyPersonSteps,
  noteToException,
  noteToPainPoint,
  NO_FILTER,
  searchAnnotationRows,
  sortAnnotationRows,
  stepBadges,
  stepHeat,
  updateRecord,
  type CaptureContext,
} from '../../../shared/capture';
import { applyPatch, deleteElements, deleteLane, invertPatch, patch, type MapPatch, type MapState } from '../../../shared/editor';
import { newId, recordSchemas, type Participant, type ProcessId } from '../../../shared/model';
import { accountsPayable, canonical, now } from '../editor/apFlow';

function setup() {
  const flow = accountsPayable();
  const ctx: CaptureContext = { ...flow.ctx, processId: newId('process') as ProcessId };
  return { ...flow, ctx };
}

/** Applies a patch and checks undo takes the state back exactly. */
function applyChecked(state: MapState, change: MapPatch): MapState {
  const next = applyPatch(state, change);
  expect(canonical(applyPatch(next, invertPatch(state, change)))).toEqual(canonical(state));
  return next;
}

const participant = (name: string, role: string, department: Participant['department'] = 'accounting'): Participant => ({
  id: newId('participant'),
  name,
  role,
  department,
});

describe('pain points', () => {
  it('are attached to a step with defaults a facilitator refines later, and every record is valid', () => {
    const { ctx, state, steps } = setup();
    const yamada = participant('山田', 'AP担当');
    const { patch, id } = addPainPoint(ctx, { kind: 'step', stepId: steps.request.id }, { title: 'Excel から会計システムへ手で転記', raisedBy: yamada.id });
    const next = applyChecked(state, patch);
    const painPoint = next.painPoints.get(id);
    expect(painPoint).toMatchObject({ category: 'other', severity: 3, status: 'open', raisedBy: yamada.id, processId: ctx.processId });
    expect(recordSchemas.painPoints.safeParse(painPoint).success).toBe(true);
  });

  it('can be on a connection, a lane or the whole map', () => {
    const { ctx, state, lanes, connections } = setup();
    let next = state;
    for (const target of [
      { kind: 'connection', connectionId: connections[2]!.id },
      { kind: 'lane', laneId: lanes.accounting.id },
      { kind: 'map', mapId: ctx.mapId },
    ] as const) {
      next = applyChecked(next, addPainPoint(ctx, target, { title: target.kind }).patch);
    }
    const rows = annotationRows(next, ctx.mapId, NO_FILTER, '全体');
    expect(rows.map((row) => row.where).sort()).toEqual(['全体', '支払依頼書作成 → 部門長承認', '経理部'].sort());
    expect(rows.find((row) => row.title === 'connection')?.stepId).toBe(connections[2]!.sourceStepId);
  });

  it('update one field at a time, refuse invalid values, and stamp the time', () => {
    const { ctx, state, steps } = setup();
    const { patch, id } = addPainPoint(ctx, { kind: 'step', stepId: steps.request.id }, { title: '転記' });
    const next = applyPatch(state, patch);
    const later = '2026-11-24T11:00:00.000Z';
    const change = updateRecord(next, 'painPoints', id, { severity: 5, hoursLostPerMonth: 12 }, later);
    expect(change.put.painPoints[0]).toMatchObject({ severity: 5, hoursLostPerMonth: 12, updatedAt: later });
    expect(updateRecord(next, 'painPoints', id, { severity: 9 }, later).put.painPoints).toEqual([]);
    expect(updateRecord(next, 'painPoints', id, { severity: 3 }, later).put.painPoints).toEqual([]);
  });

  it('when deleted, leave the KPIs that pointed at them', () => {
    const { ctx, state, steps } = setup();
    const pain = addPainPoint(ctx, { kind: 'step', stepId: steps.journal.id }, { title: '手入力' });
    const kpi = addKpi(ctx, '手作業時間', '時間/月');
    let next = applyPatch(applyPatch(state, pain.patch), kpi.patch);
    next = applyPatch(next, updateRecord(next, 'kpis', kpi.id, { painPointIds: [pain.id] }, now));
    next = applyChecked(next, deletePainPoint(next, pain.id, now));
    expect(next.painPoints.has(pain.id)).toBe(false);
    expect(next.kpis.get(kpi.id)?.painPointIds).toEqual([]);
  });
});

describe('deleting map elements', () => {
  it('removes what was noted on them and brings it back on undo; notes stay, unlinked', () => {
    const { ctx, state, steps, lanes } = setup();
    const session = addInterviewSession(ctx, { title: 'AP担当ヒアリング', date: '2026-11-24', participantIds: [] });
    let next = applyPatch(state, session.patch);
    const note = addInterviewNote(ctx, { sessionId: session.id, text: '承認が遅い', stepId: steps.approve.id, speakerId: null });
    next = applyPatch(next, note.patch);
    next = applyPatch(next, addPainPoint(ctx, { kind: 'step', stepId: steps.approve.id }, { title: '承認待ち' }).patch);
    next = applyPatch(next, addException(ctx, steps.approve.id, { trigger: '部長不在' }).patch);
    next = applyPatch(next, addApprovalRule(ctx, steps.approve.id, '部門長').patch);
    next = applyPatch(next, addPainPoint(ctx, { kind: 'lane', laneId: lanes.vendor.id }, { title: '請求書の形式がばらばら' }).patch);

    const afterStep = applyChecked(next, deleteElements(next, { stepIds: [steps.approve.id], connectionIds: [] }));
    expect(afterStep.painPoints.size).toBe(1);
    expect(afterStep.exceptions.size).toBe(0);
    expect(afterStep.approvalRules.size).toBe(0);
    expect(afterStep.interviewNotes.get(note.id)?.stepId).toBeNull();

    const afterLane = applyChecked(next, deleteLane(next, lanes.vendor.id, { kind: 'deleteSteps' }));
    expect([...afterLane.painPoints.values()].map((painPoint) => painPoint.title)).toEqual(['承認待ち']);
  });
});

describe('interview notes', () => {
  function interview() {
    const flow = setup();
    const speaker = participant('佐藤', 'AP担当');
    const session = addInterviewSession(flow.ctx, { title: '買掛金ヒアリング', date: '2026-11-24', participantIds: [speaker.id] });
    let state = applyPatch(flow.state, session.patch);
    const note = addInterviewNote(flow.ctx, {
      sessionId: session.id,
      text: '「毎月、支払依頼書を Excel で作ってから会計システムにもう一度入力しています」',
      stepId: flow.steps.request.id,
      speakerId: speaker.id,
    });
    state = applyPatch(state, note.patch);
    return { ...flow, state, speaker, session, note };
  }

  it('are timestamped, linked to the step selected when typed, and empty ones are not kept', () => {
    const { ctx, state, note, steps, session } = interview();
    expect(state.interviewNotes.get(note.id)).toMatchObject({ stepId: steps.request.id, createdAt: ctx.now });
    expect(addInterviewNote(ctx, { sessionId: session.id, text: '  ', stepId: null, speakerId: null }).patch.put.interviewNotes).toEqual([]);
  });

  it('turn into a pain point on their step, keeping the quote, the speaker and the note', () => {
    const { ctx, state, note, speaker, steps } = interview();
    const result = noteToPainPoint(state, ctx, note.id);
    const next = applyChecked(state, result.patch);
    const painPoint = next.painPoints.get(result.id!);
    expect(painPoint).toMatchObject({ target: { kind: 'step', stepId: steps.request.id }, raisedBy: speaker.id, sourceNoteId: note.id });
    expect(painPoint?.description).toContain('もう一度入力しています');
    expect(painPoint!.title.length).toBeLessThanOrEqual(60);
  });

  it('turn into an exception on their step; a note without a step cannot', () => {
    const { ctx, state, note, session, speaker } = interview();
    const result = noteToException(state, ctx, note.id);
    expect(applyPatch(state, result.patch).exceptions.get(result.id!)).toMatchObject({ raisedBy: speaker.id, sourceNoteId: note.id });
    const loose = addInterviewNote(ctx, { sessionId: session.id, text: '全体的に忙しい', stepId: null, speakerId: null });
    const withLoose = applyPatch(state, loose.patch);
    expect(noteToException(withLoose, ctx, loose.id).id).toBeNull();
    expect(applyPatch(withLoose, noteToPainPoint(withLoose, ctx, loose.id).patch).painPoints.size).toBe(1);
  });

  it('go with their session when it is deleted', () => {
    const { state, session } = interview();
    const next = applyChecked(state, deleteInterviewSession(state, session.id));
    expect(next.interviewNotes.size).toBe(0);
  });
});

describe('key-person risk (属人化)', () => {
  it('flags work only one named person does, not a single role, events or unassigned steps', () => {
    const { state, steps } = setup();
    const only = participant('鈴木', '経理');
    const next = applyPatch(
      state,
      patch({
        put: {
          steps: [
            { ...steps.journal, performers: [{ kind: 'participant', participantId: only.id }] },
            { ...steps.receive, performers: [{ kind: 'role', role: 'AP担当' }, { kind: 'role', role: '経理課長' }] },
            { ...steps.request, performers: [{ kind: 'role', role: 'AP担当' }] },
            { ...steps.invoice, type: 'start', performers: [{ kind: 'participant', participantId: only.id }] },
          ],
        },
      }),
    );
    expect(keyPersonSteps(next).map((step) => step.label)).toEqual(['仕訳入力']);
  });
});

describe('segregation of duties', () => {
  function withPerformers(state: MapState, changes: Record<string, Participant['id'] | string>) {
    const steps = [...state.steps.values()].map((step) => {
      const who = changes[step.label];
      if (!who) return step;
      return { ...step, performers: [who.startsWith('participant:') ? { kind: 'participant' as const, participantId: who as Participant['id'] } : { kind: 'role' as const, role: who }] };
    });
    return applyPatch(state, patch({ put: { steps } }));
  }

  it('flags a person who prepares and then approves in the same flow', () => {
    const { state, steps } = setup();
    const tanaka = participant('田中', '経理課長');
    const conflicts = dutyConflicts(withPerformers(state, { 支払依頼書作成: tanaka.id, 部門長承認: tanaka.id }), [tanaka]);
    expect(conflicts).toEqual([{ approvalStepId: steps.approve.id, preparedAtStepId: steps.request.id, actor: { kind: 'participant', participantId: tanaka.id } }]);
  });

  it('matches a role to the participant holding it, and the approver role of an approval rule', () => {
    const { ctx, state, steps } = setup();
    const tanaka = participant('田中', '経理課長');
    let next = withPerformers(state, { 支払依頼書作成: tanaka.id });
    next = applyPatch(next, addApprovalRule(ctx, steps.approve.id, '経理課長').patch);
    expect(dutyConflicts(next, [tanaka]).map((conflict) => conflict.preparedAtStepId)).toEqual([steps.request.id]);
  });

  it('does not flag work after the approval, or different people', () => {
    const { state } = setup();
    const tanaka = participant('田中', '経理課長');
    const sato = participant('佐藤', 'AP担当');
    expect(dutyConflicts(withPerformers(state, { 仕訳入力: tanaka.id, 部門長承認: tanaka.id }), [tanaka])).toEqual([]);
    expect(dutyConflicts(withPerformers(state, { 支払依頼書作成: sato.id, 部門長承認: tanaka.id }), [tanaka, sato])).toEqual([]);
    expect(dutyConflicts(withPerformers(state, { 支払依頼書作成: 'ＡＰ担当', 部門長承認: 'ap担当' }), [])).toHaveLength(1);
  });
});

describe('badges, heatmap and the list', () => {
  function noted() {
    const { ctx, state, steps } = setup();
    const yamada = participant('山田', 'AP担当');
    let next = state;
    const add = (stepId: typeof steps.request.id, title: string, changes: Record<string, unknown>) => {
      const result = addPainPoint(ctx, { kind: 'step', stepId }, { title, raisedBy: yamada.id });
      next = applyPatch(next, result.patch);
      next = applyPatch(next, updateRecord(next, 'painPoints', result.id, changes, now));
    };
    add(steps.request.id, '二重入力', { category: 'doubleEntry', severity: 4, hoursLostPerMonth: 20 });
    add(steps.request.id, 'マクロが壊れる', { category: 'spreadsheetWorkaround', severity: 2, hoursLostPerMonth: 3 });
    add(steps.approve.id, '承認が遅い', { category: 'approvalDelay', severity: 5, status: 'deferred', deferReason: '組織変更後' });
    next = applyPatch(next, addException(ctx, steps.approve.id, { trigger: '部長不在' }).patch);
    return { ctx, state: next, steps, yamada };
  }

  it('count per kind and keep the highest severity', () => {
    const { state, steps } = noted();
    const badges = stepBadges(state, [], NO_FILTER);
    expect(badges.get(steps.request.id)).toMatchObject({ painPoints: 2, maxSeverity: 4, hoursLost: 23, exceptions: 0 });
    expect(badges.get(steps.approve.id)).toMatchObject({ painPoints: 1, exceptions: 1, maxSeverity: 5 });
    expect(badges.has(steps.invoice.id)).toBe(false);
  });

  it('follow the filters by category, status and participant', () => {
    const { state, steps, yamada } = noted();
    const byCategory = stepBadges(state, [], { ...NO_FILTER, categories: ['doubleEntry'] });
    expect(byCategory.get(steps.request.id)).toMatchObject({ painPoints: 1, maxSeverity: 4 });
    expect(byCategory.get(steps.approve.id)?.painPoints ?? 0).toBe(0);
    const open = stepBadges(state, [], { ...NO_FILTER, statuses: ['open'] });
    expect(open.get(steps.approve.id)?.painPoints ?? 0).toBe(0);
    const someoneElse = stepBadges(state, [], { ...NO_FILTER, participantId: newId('participant') });
    expect(someoneElse.get(steps.request.id)?.painPoints ?? 0).toBe(0);
    expect(stepBadges(state, [], { ...NO_FILTER, participantId: yamada.id }).get(steps.request.id)?.painPoints).toBe(2);
  });

  it('colour steps by hours lost, severity or risk, in levels with fixed bounds', () => {
    const { state, steps } = noted();
    const badges = stepBadges(state, [], NO_FILTER);
    expect(stepHeat(state, badges, 'hoursLost', NO_FILTER).get(steps.request.id)).toEqual({ value: 23, level: 3 });
    expect(stepHeat(state, badges, 'severity', NO_FILTER).get(steps.approve.id)).toEqual({ value: 5, level: 4 });
    // severities 5 + one exception (2)
    expect(stepHeat(state, badges, 'risk', NO_FILTER).get(steps.approve.id)).toEqual({ value: 7, level: 2 });
    expect(heatLevel('hoursLost', 0)).toBe(0);
    expect(heatLevel('risk', 12)).toBe(4);
  });

  it('list everything noted, sortable and searchable across full- and half-width text', () => {
    const { ctx, state } = noted();
    const rows = annotationRows(state, ctx.mapId, NO_FILTER, '全体');
    expect(rows).toHaveLength(4);
    expect(sortAnnotationRows(rows, 'severity', true).map((row) => row.title)).toEqual(['承認が遅い', '二重入力', 'マクロが壊れる', '部長不在']);
    expect(sortAnnotationRows(rows, 'hoursLost', true)[0]?.title).toBe('二重入力');
    expect(searchAnnotationRows(rows, 'ﾏｸﾛ').map((row) => row.title)).toEqual(['マクロが壊れる']);
    expect(searchAnnotationRows(rows, '承認').map((row) => row.title).sort()).toEqual(['承認が遅い', '部長不在'].sort());
  });
});
