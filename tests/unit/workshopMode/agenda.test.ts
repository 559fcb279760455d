import { describe, expect, it } from 'vitest';
import { applyPatch, EMPTY_PATCH, type MapState } from '../../../shared/editor';
import { newId, recordSchemas, type AgendaItemId } from '../../../shared/model';
import {
  addAgendaItem,
  agendaStatus,
  deleteAgendaItem,
  moveAgendaItem,
  nextAgendaItem,
  resetAgendaItem,
  sortAgenda,
  startAgendaItem,
  stopAgendaItem,
  updateAgendaItem,
} from '../../../shared/workshopMode';
import { applyChecked, later, now, setup } from './kit';

/** 10:00 plus minutes and seconds, as a timestamp. */
const at = (minutes: number, seconds = 0) => new Date(Date.parse('2026-11-24T10:00:00.000Z') + (minutes * 60 + seconds) * 1000).toISOString();

/** The agenda of the issue: 現状確認 30分, 課題洗い出し 20分, あるべき姿 40分. */
function withAgenda() {
  const flow = setup();
  let state = flow.state;
  const ids: AgendaItemId[] = [];
  for (const [title, minutes] of [
    ['現状確認', 30],
    ['課題洗い出し', 20],
    ['あるべき姿', 40],
  ] as const) {
    const { patch, id } = addAgendaItem(state, flow.ctx, { title, minutes });
    state = applyChecked(state, patch);
    ids.push(id);
  }
  const [current, issues, toBe] = ids as [AgendaItemId, AgendaItemId, AgendaItemId];
  return { ...flow, state, ids: { current, issues, toBe } };
}

const titles = (state: MapState) => sortAgenda(state.agendaItems.values()).map((item) => item.title);

describe('the agenda', () => {
  it('adds timeboxed items at the end, valid and undoable', () => {
    const { state, ids, ctx } = withAgenda();
    expect(titles(state)).toEqual(['現状確認', '課題洗い出し', 'あるべき姿']);
    expect(state.agendaItems.get(ids.issues)).toMatchObject({ workshopId: ctx.workshopId, minutes: 20, order: 2, startedAt: null, finishedAt: null, createdAt: now });
    expect(recordSchemas.agendaItems.safeParse(state.agendaItems.get(ids.issues)).success).toBe(true);
  });

  it('refuses a blank title and minutes outside 1–600 or not whole', () => {
    const { state, ctx } = withAgenda();
    expect(addAgendaItem(state, ctx, { title: ' \u3000', minutes: 10 }).patch).toBe(EMPTY_PATCH);
    for (const minutes of [0, 601, 1.5, Number.NaN]) expect(addAgendaItem(state, ctx, { title: '休憩', minutes }).patch).toBe(EMPTY_PATCH);
  });

  it('renames and retimes an item; blank titles, bad minutes and no change write nothing', () => {
    const { state: start, ids } = withAgenda();
    const state = applyChecked(start, updateAgendaItem(start, ids.issues, { title: '課題の洗い出し', minutes: 25 }, later));
    expect(state.agendaItems.get(ids.issues)).toMatchObject({ title: '課題の洗い出し', minutes: 25, updatedAt: later });
    expect(updateAgendaItem(state, ids.issues, { title: '  ' }, later)).toBe(EMPTY_PATCH);
    expect(updateAgendaItem(state, ids.issues, { minutes: 0 }, later)).toBe(EMPTY_PATCH);
    expect(updateAgendaItem(state, ids.issues, { minutes: 25 }, later)).toBe(EMPTY_PATCH);
  });

  it('moves an item, renumbering only what changed place, and deletes one', () => {
    const { state: start, ids } = withAgenda();
    const change = moveAgendaItem(start, ids.toBe, 0, later);
    const moved = applyChecked(start, change);
    expect(titles(moved)).toEqual(['あるべき姿', '現状確認', '課題洗い出し']);
    expect(change.put.agendaItems.map((item) => item.order).sort()).toEqual([1, 2, 3]);
    expect(titles(applyChecked(start, moveAgendaItem(start, ids.current, 99, later)))).toEqual(['課題洗い出し', 'あるべき姿', '現状確認']);
    expect(moveAgendaItem(start, ids.current, 0, later)).toBe(EMPTY_PATCH);
    expect(moveAgendaItem(start, newId('agendaItem'), 0, later)).toBe(EMPTY_PATCH);
    expect(titles(applyChecked(start, deleteAgendaItem(start, ids.issues)))).toEqual(['現状確認', 'あるべき姿']);
    expect(deleteAgendaItem(start, newId('agendaItem'))).toBe(EMPTY_PATCH);
  });
});

describe('the agenda clock', () => {
  it('runs one item at a time: starting another stops the running one', () => {
    const { state: start, ids, ctx } = withAgenda();
    let state = applyChecked(start, startAgendaItem(start, ids.current, at(0)));
    expect(state.agendaItems.get(ids.current)).toMatchObject({ startedAt: at(0), finishedAt: null });
    expect(startAgendaItem(state, ids.current, at(1))).toBe(EMPTY_PATCH);
    state = applyChecked(state, startAgendaItem(state, ids.toBe, at(12)));
    expect(state.agendaItems.get(ids.current)).toMatchObject({ startedAt: at(0), finishedAt: at(12) });
    expect(agendaStatus(state.agendaItems.values(), at(13)).current?.item.id).toBe(ids.toBe);
    state = applyChecked(state, stopAgendaItem(state, ctx.workshopId, at(20)));
    expect(agendaStatus(state.agendaItems.values(), at(21)).current).toBeNull();
    expect(stopAgendaItem(state, ctx.workshopId, at(22))).toBe(EMPTY_PATCH);
  });

  it('resumes a stopped item where it stopped', () => {
    const { state: start, ids, ctx } = withAgenda();
    let state = applyChecked(start, startAgendaItem(start, ids.current, at(0)));
    state = applyChecked(state, stopAgendaItem(state, ctx.workshopId, at(10)));
    state = applyChecked(state, startAgendaItem(state, ids.current, at(15)));
    expect(state.agendaItems.get(ids.current)).toMatchObject({ startedAt: at(5), finishedAt: null });
    expect(agendaStatus(state.agendaItems.values(), at(17, 30)).current).toMatchObject({ elapsedSeconds: 12 * 60 + 30, remainingSeconds: 17 * 60 + 30 });
  });

  it('goes to the next item: stops the running one and starts the next not started', () => {
    const { state: start, ids, ctx } = withAgenda();
    let state = applyChecked(start, nextAgendaItem(start, ctx.workshopId, at(0)));
    expect(agendaStatus(state.agendaItems.values(), at(1)).current?.item.id).toBe(ids.current);
    state = applyChecked(state, nextAgendaItem(state, ctx.workshopId, at(34)));
    expect(state.agendaItems.get(ids.current)?.finishedAt).toBe(at(34));
    expect(state.agendaItems.get(ids.issues)?.startedAt).toBe(at(34));
    state = applyChecked(state, nextAgendaItem(state, ctx.workshopId, at(50)));
    state = applyChecked(state, nextAgendaItem(state, ctx.workshopId, at(95)));
    const status = agendaStatus(state.agendaItems.values(), at(100));
    expect(status.current).toBeNull();
    expect(status.next).toBeNull();
    expect(status.items.map((item) => item.state)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(nextAgendaItem(state, ctx.workshopId, at(101))).toBe(EMPTY_PATCH);
  });

  it('resets an item to not started', () => {
    const { state: start, ids } = withAgenda();
    const state = applyChecked(start, startAgendaItem(start, ids.issues, at(0)));
    const reset = applyChecked(state, resetAgendaItem(state, ids.issues, at(3)));
    expect(reset.agendaItems.get(ids.issues)).toMatchObject({ startedAt: null, finishedAt: null });
    expect(resetAgendaItem(reset, ids.issues, at(4))).toBe(EMPTY_PATCH);
  });
});

describe('agendaStatus', () => {
  it('before the start: nothing runs, the first item is next, all the time remains', () => {
    const { state } = withAgenda();
    const status = agendaStatus(state.agendaItems.values(), at(0));
    expect(status).toMatchObject({ current: null, plannedSeconds: 90 * 60, elapsedSeconds: 0, remainingSeconds: 90 * 60, overrunSeconds: 0, projectedEndAt: at(90) });
    expect(status.next?.title).toBe('現状確認');
  });

  it('counts down the running item and reports an overrun past its time', () => {
    const { state: start, ids } = withAgenda();
    let state = applyChecked(start, startAgendaItem(start, ids.current, at(0)));
    let status = agendaStatus(state.agendaItems.values(), at(12, 15));
    expect(status.current).toMatchObject({ state: 'running', plannedSeconds: 1800, elapsedSeconds: 735, remainingSeconds: 1065, overrunSeconds: 0 });
    expect(status.next?.id).toBe(ids.issues);
    status = agendaStatus(state.agendaItems.values(), at(34));
    expect(status.current).toMatchObject({ elapsedSeconds: 34 * 60, remainingSeconds: 0, overrunSeconds: 4 * 60 });
    state = applyChecked(state, startAgendaItem(state, ids.issues, at(34)));
    status = agendaStatus(state.agendaItems.values(), at(40));
    expect(status).toMatchObject({
      plannedSeconds: 90 * 60,
      elapsedSeconds: 40 * 60,
      // The running item has 14 minutes left and the last 40.
      remainingSeconds: 54 * 60,
      overrunSeconds: 4 * 60,
      projectedEndAt: at(94),
    });
    expect(status.items.map((item) => item.state)).toEqual(['stopped', 'running', 'pending']);
  });

  it('takes the first in order when two run (two windows), and never counts negative time', () => {
    const { state: start, ids } = withAgenda();
    const running = (id: AgendaItemId, startedAt: string) => ({ ...start.agendaItems.get(id)!, startedAt, finishedAt: null });
    const items = [running(ids.toBe, at(0)), running(ids.issues, at(5)), start.agendaItems.get(ids.current)!];
    const status = agendaStatus(items, at(1));
    expect(status.current?.item.id).toBe(ids.issues);
    expect(status.current?.elapsedSeconds).toBe(0);
    expect(agendaStatus([], now)).toMatchObject({ items: [], current: null, next: null, plannedSeconds: 0, projectedEndAt: now });
  });

  it('is what the state gives after a round of start, stop and next — and undo takes the clock back', () => {
    const { state: start, ids, ctx } = withAgenda();
    const started = applyPatch(start, startAgendaItem(start, ids.current, at(0)));
    const change = nextAgendaItem(started, ctx.workshopId, at(30));
    const after = applyChecked(started, change);
    expect(agendaStatus(after.agendaItems.values(), at(30)).current?.item.id).toBe(ids.issues);
  });
});
