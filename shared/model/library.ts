import { normaliseName, type Timestamp } from './common';
import { DOCUMENT_TYPE, type WorkshopDocument, type WorkshopRecords } from './document';
import { newId, type ProcessId, type WorkshopId } from './ids';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import type { ProcessMap } from './map';
import type { Process } from './process';
import type { Department, Participant, Workshop } from './workshop';

/** Pure commands of the workshop library: each returns the records to write, nothing more. */

export interface NewWorkshopInput {
  readonly name: string;
  readonly organisation?: string;
  readonly businessArea?: string;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

export function createWorkshop(input: NewWorkshopInput, now: Timestamp): Workshop {
  return {
    id: newId('workshop'),
    name: normaliseName(input.name),
    organisation: normaliseName(input.organisation ?? ''),
    businessArea: normaliseName(input.businessArea ?? ''),
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    participants: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

export function createParticipant(name: string, department: Department, role: string): Participant {
  return { id: newId('participant'), name: normaliseName(name), department, role: normaliseName(role) };
}

/** A new process and its empty As-Is map, placed after the existing processes. */
export function createProcess(
  workshopId: WorkshopId,
  name: string,
  existing: readonly Pick<Process, 'order'>[],
  now: Timestamp,
): { process: Process; asIsMap: ProcessMap } {
  const processId = newId('process');
  const asIsMap: ProcessMap = {
    id: newId('map'),
    workshopId,
    processId,
    variant: 'asIs',
    forkedFromMapId: null,
    createdAt: now,
    updatedAt: now,
  };
  const order = existing.reduce((max, process) => Math.max(max, process.order), 0) + 1;
  const process: Process = {
    id: processId,
    workshopId,
    name: normaliseName(name),
    order,
    asIsMapId: asIsMap.id,
    toBeMapId: null,
    createdAt: now,
    updatedAt: now,
  };
  return { process, asIsMap };
}

export function sortProcesses<P extends Pick<Process, 'order' | 'id'>>(processes: readonly P[]): P[] {
  return [...processes].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Moves a process to `toIndex` in the sorted list and returns only the processes whose
 * order changed (usually one: it takes the midpoint between its new neighbours).
 */
export function moveProcess(
  processes: readonly Process[],
  processId: ProcessId,
  toIndex: number,
  now: Timestamp,
): Process[] {
  const sorted = sortProcesses(processes);
  const fromIndex = sorted.findIndex((process) => process.id === processId);
  const moving = sorted[fromIndex];
  if (!moving) return [];
  const target = Math.max(0, Math.min(sorted.length - 1, toIndex));
  if (target === fromIndex) return [];
  const others = sorted.filter((process) => process.id !== processId);
  const before = others[target - 1];
  const after = others[target];
  let order: number;
  if (before && after) order = (before.order + after.order) / 2;
  else if (before) order = before.order + 1;
  else order = (after?.order ?? 1) - 1;
  // Midpoints run out of precision after ~50 moves into the same gap: renumber then.
  if (before && after && (order <= before.order || order >= after.order)) {
    others.splice(target, 0, moving);
    return others.map((process, index) => ({ ...process, order: index + 1, updatedAt: now }));
  }
  return [{ ...moving, order, updatedAt: now }];
}

export function assembleWorkshopDocument(
  workshop: Workshop,
  records: WorkshopRecords,
  app: string,
  now: Timestamp,
): WorkshopDocument {
  return { type: DOCUMENT_TYPE, schemaVersion: CURRENT_SCHEMA_VERSION, app, savedAt: now, workshop, ...records };
}

/** Folds width (ＡＢＣ → abc, ｶﾀｶﾅ → カタカナ) and case, so a search finds what the user meant. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every word of the query appears in the workshop's name, organisation or business area. */
export function matchesWorkshopQuery(workshop: Pick<Workshop, 'name' | 'organisation' | 'businessArea'>, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return true;
  const haystack = foldForSearch(`${workshop.name}\n${workshop.organisation}\n${workshop.businessArea}`);
  return words.every((word) => haystack.includes(word));
}
