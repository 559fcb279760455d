import type { z } from 'zod';
import { EMPTY_PATCH, patch, type EditorRecord, type EditorTable, type MapPatch, type MapState } from '../editor/mapState';
import type { Timestamp } from '../model/common';
import type { MapId, ProcessId, WorkshopId } from '../model/ids';
import { recordSchemas } from '../model/records';

/** What capture commands stamp on new records: where they belong and when they were made. */
export interface CaptureContext {
  readonly workshopId: WorkshopId;
  readonly processId: ProcessId;
  readonly mapId: MapId;
  readonly now: Timestamp;
}

/** Annotation tables whose records carry `updatedAt`. */
export type AnnotationTable = Exclude<EditorTable, 'lanes' | 'steps' | 'connections'>;

type Changes<T extends AnnotationTable> = Partial<Omit<EditorRecord<T>, 'id' | 'workshopId' | 'createdAt' | 'updatedAt'>>;

function isValid<T extends AnnotationTable>(table: T, record: EditorRecord<T>): boolean {
  return (recordSchemas[table] as z.ZodType).safeParse(record).success;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Adds a record when it is valid; an invalid one is a no-op, never a broken row. */
export function putNew<T extends AnnotationTable>(table: T, record: EditorRecord<T>): MapPatch {
  if (!isValid(table, record)) return EMPTY_PATCH;
  return patch({ put: { [table]: [record] } });
}

/** Changes some fields of a record; unknown ids, no-op changes and invalid results write nothing. */
export function updateRecord<T extends AnnotationTable>(state: MapState, table: T, id: EditorRecord<T>['id'], changes: Changes<T>, now: Timestamp): MapPatch {
  const current = (state[table] as ReadonlyMap<string, EditorRecord<T>>).get(id);
  if (!current) return EMPTY_PATCH;
  const changed = Object.entries(changes).some(([key, value]) => !sameValue(value, (current as Record<string, unknown>)[key]));
  if (!changed) return EMPTY_PATCH;
  const updated = { ...current, ...changes, updatedAt: now } as EditorRecord<T>;
  if (!isValid(table, updated)) return EMPTY_PATCH;
  return patch({ put: { [table]: [updated] } });
}
