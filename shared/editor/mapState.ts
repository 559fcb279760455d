import type { RecordOf } from '../model/records';

/**
 * The records of one map and what was said about it in the room (pain points, exceptions,
 * approval rules, report fields, KPIs, interviews; in workshop mode the map's sticky notes and
 * the workshop's questions, parking lot, votes and agenda), keyed by id. Editing and capture
 * commands read a MapState and return a MapPatch — the rows to write and the ids to delete —
 * which is both the database write (one small transaction) and, inverted, the undo step.
 */
export const EDITOR_TABLES = [
  'lanes',
  'steps',
  'connections',
  'painPoints',
  'exceptions',
  'approvalRules',
  'reportFields',
  'kpis',
  'interviewSessions',
  'interviewNotes',
  'stickyNotes',
  'questions',
  'parkingItems',
  'votes',
  'agendaItems',
] as const;
export type EditorTable = (typeof EDITOR_TABLES)[number];
export type EditorRecord<T extends EditorTable> = RecordOf<T>;
type IdOf<T extends EditorTable> = EditorRecord<T>['id'];

export type MapState = { readonly [T in EditorTable]: ReadonlyMap<IdOf<T>, EditorRecord<T>> };

/** The collections workshop mode added (schema 5): the map's sticky notes, the workshop's questions, parking lot, votes and agenda. */
export const WORKSHOP_MODE_TABLES = ['stickyNotes', 'questions', 'parkingItems', 'votes', 'agendaItems'] as const satisfies readonly EditorTable[];
export type WorkshopModeTable = (typeof WORKSHOP_MODE_TABLES)[number];

/** The map's own records are required; the annotations default to none. */
export type MapRecords = { readonly [T in 'lanes' | 'steps' | 'connections']: readonly EditorRecord<T>[] } & {
  readonly [T in Exclude<EditorTable, 'lanes' | 'steps' | 'connections'>]?: readonly EditorRecord<T>[];
};
/** Every editor collection. */
export type EditorRecords = { readonly [T in EditorTable]: readonly EditorRecord<T>[] };
/** The map and everything noted on it; views that do not show workshop mode may leave its collections out (none). */
export type FullMapRecords = { readonly [T in Exclude<EditorTable, WorkshopModeTable>]: readonly EditorRecord<T>[] } & {
  readonly [T in WorkshopModeTable]?: readonly EditorRecord<T>[];
};

export interface MapPatch {
  readonly put: { readonly [T in EditorTable]: readonly EditorRecord<T>[] };
  readonly remove: { readonly [T in EditorTable]: readonly IdOf<T>[] };
}

type PatchParts = {
  put?: { readonly [T in EditorTable]?: readonly EditorRecord<T>[] };
  remove?: { readonly [T in EditorTable]?: readonly IdOf<T>[] };
};

function fill(parts: Partial<Record<EditorTable, readonly unknown[]>> | undefined): Record<EditorTable, readonly unknown[]> {
  return Object.fromEntries(EDITOR_TABLES.map((table) => [table, parts?.[table] ?? []])) as Record<EditorTable, readonly unknown[]>;
}

export function patch(parts: PatchParts): MapPatch {
  return { put: fill(parts.put), remove: fill(parts.remove) } as unknown as MapPatch;
}

export const EMPTY_PATCH: MapPatch = patch({});

interface Keyed {
  readonly id: string;
}

/** One patch doing both: `second` after `first` (a later put or removal of an id wins). */
export function combinePatches(first: MapPatch, second: MapPatch): MapPatch {
  const put: Record<string, Keyed[]> = {};
  const remove: Record<string, string[]> = {};
  for (const table of EDITOR_TABLES) {
    const puts = new Map<string, Keyed>();
    const removals = new Set<string>();
    for (const change of [first, second]) {
      for (const id of change.remove[table] as readonly string[]) {
        puts.delete(id);
        removals.add(id);
      }
      for (const record of change.put[table] as readonly Keyed[]) {
        removals.delete(record.id);
        puts.set(record.id, record);
      }
    }
    put[table] = [...puts.values()];
    remove[table] = [...removals];
  }
  return { put, remove } as unknown as MapPatch;
}

export function mapStateOf(records: MapRecords): MapState {
  return Object.fromEntries(
    EDITOR_TABLES.map((table) => [table, new Map((records[table] ?? []).map((record: { id: string }) => [record.id, record]))]),
  ) as unknown as MapState;
}

export function recordsOf(state: MapState): EditorRecords {
  return Object.fromEntries(EDITOR_TABLES.map((table) => [table, [...state[table].values()]])) as unknown as EditorRecords;
}

export function isEmptyPatch(change: MapPatch): boolean {
  return EDITOR_TABLES.every((table) => change.put[table].length === 0 && change.remove[table].length === 0);
}

function applyTo(current: ReadonlyMap<string, Keyed>, put: readonly Keyed[], remove: readonly string[]): ReadonlyMap<string, Keyed> {
  if (put.length === 0 && remove.length === 0) return current;
  const next = new Map(current);
  for (const id of remove) next.delete(id);
  for (const record of put) next.set(record.id, record);
  return next;
}

/** The state after the patch: removals first, then puts. Unchanged collections keep their identity. */
export function applyPatch(state: MapState, change: MapPatch): MapState {
  return Object.fromEntries(
    EDITOR_TABLES.map((table) => [
      table,
      applyTo(state[table] as ReadonlyMap<string, Keyed>, change.put[table] as readonly Keyed[], change.remove[table] as readonly string[]),
    ]),
  ) as unknown as MapState;
}

function invertCollection(before: ReadonlyMap<string, Keyed>, put: readonly Keyed[], remove: readonly string[]): { put: Keyed[]; remove: string[] } {
  const inversePut: Keyed[] = [];
  const inverseRemove: string[] = [];
  const seen = new Set<string>();
  for (const record of put) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    const previous = before.get(record.id);
    if (previous) inversePut.push(previous);
    else inverseRemove.push(record.id);
  }
  for (const id of remove) {
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = before.get(id);
    if (previous) inversePut.push(previous);
  }
  return { put: inversePut, remove: inverseRemove };
}

/** The patch that takes the state after `change` back to `before`: the undo of `change`. */
export function invertPatch(before: MapState, change: MapPatch): MapPatch {
  const inverted = EDITOR_TABLES.map(
    (table) =>
      [
        table,
        invertCollection(before[table] as ReadonlyMap<string, Keyed>, change.put[table] as readonly Keyed[], change.remove[table] as readonly string[]),
      ] as const,
  );
  return {
    put: Object.fromEntries(inverted.map(([table, parts]) => [table, parts.put])),
    remove: Object.fromEntries(inverted.map(([table, parts]) => [table, parts.remove])),
  } as unknown as MapPatch;
}
