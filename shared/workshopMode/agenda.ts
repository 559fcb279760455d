import { putNew, updateRecord } from '../capture/records';
import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from '../editor/mapState';
import { normaliseName, type Timestamp } from '../model/common';
import { newId, type AgendaItemId, type WorkshopId } from '../model/ids';
import type { AgendaItem } from '../model/workshopMode';
import { timeOf, type WorkshopContext } from './context';

/**
 * The workshop's agenda: timeboxed items (現状確認 30分, 課題洗い出し 20分, …) with a clock. One
 * item runs at a time; starting another stops it. A stopped item can be started again and its
 * clock goes on from where it stopped (its `startedAt` moves back by the time already spent).
 */

export function sortAgenda(items: Iterable<AgendaItem>): AgendaItem[] {
  return [...items].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const ofWorkshop = (state: MapState, workshopId: WorkshopId) => sortAgenda([...state.agendaItems.values()].filter((item) => item.workshopId === workshopId));

const isRunning = (item: AgendaItem) => item.startedAt !== null && item.finishedAt === null;

/** Adds an item at the end of the agenda; a blank title or minutes outside 1–600 write nothing. */
export function addAgendaItem(state: MapState, ctx: WorkshopContext, input: { title: string; minutes: number }): { patch: MapPatch; id: AgendaItemId } {
  const last = ofWorkshop(state, ctx.workshopId).at(-1);
  const item: AgendaItem = {
    id: newId('agendaItem'),
    workshopId: ctx.workshopId,
    title: normaliseName(input.title),
    minutes: input.minutes,
    order: (last?.order ?? 0) + 1,
    startedAt: null,
    finishedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (item.title.length === 0) return { patch: EMPTY_PATCH, id: item.id };
  return { patch: putNew('agendaItems', item), id: item.id };
}

export type AgendaItemChanges = Partial<Pick<AgendaItem, 'title' | 'minutes'>>;

export function updateAgendaItem(state: MapState, id: AgendaItemId, changes: AgendaItemChanges, now: Timestamp): MapPatch {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as AgendaItemChanges;
  if (given.title !== undefined) {
    given.title = normaliseName(given.title);
    if (given.title.length === 0) return EMPTY_PATCH;
  }
  return updateRecord(state, 'agendaItems', id, given, now);
}

/** Moves an item to `toIndex` of its agenda (clamped), renumbering the items whose place changes. */
export function moveAgendaItem(state: MapState, id: AgendaItemId, toIndex: number, now: Timestamp): MapPatch {
  const moving = state.agendaItems.get(id);
  if (!moving) return EMPTY_PATCH;
  const items = ofWorkshop(state, moving.workshopId);
  const from = items.findIndex((item) => item.id === id);
  const to = Math.max(0, Math.min(items.length - 1, Math.trunc(toIndex)));
  if (from === to) return EMPTY_PATCH;
  const reordered = items.filter((item) => item.id !== id);
  reordered.splice(to, 0, moving);
  const changed = reordered.flatMap((item, index) => (item.order === index + 1 ? [] : [{ ...item, order: index + 1, updatedAt: now }]));
  return patch({ put: { agendaItems: changed } });
}

export function deleteAgendaItem(state: MapState, id: AgendaItemId): MapPatch {
  return state.agendaItems.has(id) ? patch({ remove: { agendaItems: [id] } }) : EMPTY_PATCH;
}

const stopped = (item: AgendaItem, now: Timestamp): AgendaItem => ({ ...item, finishedAt: now, updatedAt: now });

/** Starts an item's clock, or resumes it where it stopped; whichever other item runs stops. Starting the running item does nothing. */
export function startAgendaItem(state: MapState, id: AgendaItemId, now: Timestamp): MapPatch {
  const item = state.agendaItems.get(id);
  if (!item || isRunning(item)) return EMPTY_PATCH;
  const spent = item.startedAt !== null && item.finishedAt !== null ? Math.max(0, timeOf(item.finishedAt) - timeOf(item.startedAt)) : 0;
  const started: AgendaItem = { ...item, startedAt: new Date(timeOf(now) - spent).toISOString(), finishedAt: null, updatedAt: now };
  const others = ofWorkshop(state, item.workshopId).filter((other) => other.id !== id && isRunning(other));
  return patch({ put: { agendaItems: [...others.map((other) => stopped(other, now)), started] } });
}

/** Stops the clock of whatever item of the workshop runs. */
export function stopAgendaItem(state: MapState, workshopId: WorkshopId, now: Timestamp): MapPatch {
  const running = ofWorkshop(state, workshopId).filter(isRunning);
  return running.length === 0 ? EMPTY_PATCH : patch({ put: { agendaItems: running.map((item) => stopped(item, now)) } });
}

/**
 * Stops the running item and starts the next one not started yet (after the running one, else
 * the first not started). With nothing left to start, only stops.
 */
export function nextAgendaItem(state: MapState, workshopId: WorkshopId, now: Timestamp): MapPatch {
  const items = ofWorkshop(state, workshopId);
  const current = items.findIndex(isRunning);
  const pending = (item: AgendaItem) => item.startedAt === null;
  const next = items.slice(current + 1).find(pending) ?? items.find(pending);
  const stop = stopAgendaItem(state, workshopId, now);
  return next ? combinePatches(stop, startAgendaItem(state, next.id, now)) : stop;
}

/** Clears an item's clock: not started. */
export function resetAgendaItem(state: MapState, id: AgendaItemId, now: Timestamp): MapPatch {
  const item = state.agendaItems.get(id);
  if (!item || (item.startedAt === null && item.finishedAt === null)) return EMPTY_PATCH;
  return patch({ put: { agendaItems: [{ ...item, startedAt: null, finishedAt: null, updatedAt: now }] } });
}

/** `pending`: not started; `running`: its clock runs; `stopped`: started and stopped (done, or paused). */
export type AgendaItemState = 'pending' | 'running' | 'stopped';

export interface AgendaItemStatus {
  readonly item: AgendaItem;
  readonly state: AgendaItemState;
  readonly plannedSeconds: number;
  readonly elapsedSeconds: number;
  /** Planned time not used yet (0 once over). */
  readonly remainingSeconds: number;
  /** Time past the planned time (0 while within it). */
  readonly overrunSeconds: number;
}

export interface AgendaStatus {
  /** In agenda order. */
  readonly items: readonly AgendaItemStatus[];
  /** The running item (the first, should two run). */
  readonly current: AgendaItemStatus | null;
  /** What `nextAgendaItem` would start. */
  readonly next: AgendaItem | null;
  readonly plannedSeconds: number;
  readonly elapsedSeconds: number;
  /** Planned time left for the running and pending items. */
  readonly remainingSeconds: number;
  /** Sum of every item's overrun. */
  readonly overrunSeconds: number;
  /** When the agenda ends if the rest keeps to plan: now + remaining. */
  readonly projectedEndAt: Timestamp;
}

/** Where the agenda stands at `now`: each item's clock, the running one, what comes next, and totals (whole seconds). */
export function agendaStatus(items: Iterable<AgendaItem>, now: Timestamp): AgendaStatus {
  const at = timeOf(now);
  const sorted = sortAgenda(items);
  const statuses = sorted.map((item): AgendaItemStatus => {
    const state: AgendaItemState = item.startedAt === null ? 'pending' : item.finishedAt === null ? 'running' : 'stopped';
    const end = item.finishedAt === null ? at : timeOf(item.finishedAt);
    const elapsedSeconds = item.startedAt === null ? 0 : Math.max(0, Math.floor((end - timeOf(item.startedAt)) / 1000));
    const plannedSeconds = item.minutes * 60;
    return {
      item,
      state,
      plannedSeconds,
      elapsedSeconds,
      remainingSeconds: Math.max(0, plannedSeconds - elapsedSeconds),
      overrunSeconds: Math.max(0, elapsedSeconds - plannedSeconds),
    };
  });
  const currentIndex = statuses.findIndex((status) => status.state === 'running');
  const pending = (status: AgendaItemStatus) => status.state === 'pending';
  const next = statuses.slice(currentIndex + 1).find(pending) ?? statuses.find(pending) ?? null;
  const sum = (pick: (status: AgendaItemStatus) => number, of: readonly AgendaItemStatus[] = statuses) => of.reduce((total, status) => total + pick(status), 0);
  const remainingSeconds = sum((status) => status.remainingSeconds, statuses.filter((status) => status.state !== 'stopped'));
  return {
    items: statuses,
    current: statuses[currentIndex] ?? null,
    next: next?.item ?? null,
    plannedSeconds: sum((status) => status.plannedSeconds),
    elapsedSeconds: sum((status) => status.elapsedSeconds),
    remainingSeconds,
    overrunSeconds: sum((status) => status.overrunSeconds),
    projectedEndAt: new Date(at + remainingSeconds * 1000).toISOString(),
  };
}
