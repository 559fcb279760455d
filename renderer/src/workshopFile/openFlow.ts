import { emptyRecords, nowTimestamp, type Workshop, type WorkshopDocument } from '../../../shared/model';
import type { SystemOpenedFile } from '../../../shared/platform/bridge';
import {
  planOpenAsNew,
  planOpenOver,
  readWorkshopFile,
  resolveConflicts,
  type ConflictChoice,
  type WorkshopMerge,
} from '../../../shared/workshopFile';
import type { KakehashiDatabase } from '../db/database';
import { loadWorkshopDocument, writeWorkshopPlan, WorkshopWriteRefused } from '../db/workshopRepository';

/**
 * Opening a workshop file, step by step, without the UI: what the file holds and how it
 * relates to the library (`inspectIncomingFile`), then one of the ways to write it. Each
 * write is one transaction; nothing before it changes the library.
 */

export interface FileLabel {
  readonly name: string;
  /** Where the file is, on the desktop; null (or empty) when the platform does not say. */
  readonly path: string | null;
}

export interface FileProblem {
  /** Where in the document; absent when the file as a whole could not be read. */
  readonly path?: string;
  readonly message: string;
}

export type Inspection =
  | { readonly kind: 'refused'; readonly file: FileLabel; readonly problems: readonly FileProblem[] }
  | { readonly kind: 'new'; readonly file: FileLabel; readonly document: WorkshopDocument; readonly migratedFrom?: number }
  | {
      readonly kind: 'exists';
      readonly file: FileLabel;
      readonly document: WorkshopDocument;
      readonly migratedFrom?: number;
      /** The library's workshop row as stored. */
      readonly libraryWorkshop: Workshop;
      /** The library's copy as a document; undefined when its workshop row does not pass validation, which rules out merging. */
      readonly libraryCopy: WorkshopDocument | undefined;
    };

export async function inspectIncomingFile(db: KakehashiDatabase, incoming: SystemOpenedFile): Promise<Inspection> {
  if (!incoming.ok) return { kind: 'refused', file: { name: incoming.name, path: incoming.path }, problems: [{ message: incoming.reason }] };
  const file = { name: incoming.file.name, path: incoming.file.path };
  const read = readWorkshopFile(incoming.file.data, incoming.file.name);
  if (!read.ok) return { kind: 'refused', file, problems: read.problems.map(({ path, message }) => ({ path, message })) };
  const document = read.value;
  const migrated = read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom };
  const libraryWorkshop = await db.workshops.get(document.workshop.id);
  if (libraryWorkshop === undefined) return { kind: 'new', file, document, ...migrated };
  const libraryCopy = await loadWorkshopDocument(db, document.workshop.id);
  return { kind: 'exists', file, document, ...migrated, libraryWorkshop, libraryCopy };
}

/** Opens a workshop the library does not have, with the file's ids, so later copies of it can be merged. */
export function openAsNewWorkshop(db: KakehashiDatabase, document: WorkshopDocument): Promise<Workshop> {
  return writeWorkshopPlan(db, document.workshop.id, (libraryCopy) => {
    if (libraryCopy !== null) throw new WorkshopWriteRefused('appeared');
    return planOpenOver(document);
  });
}

/** Opens the file as a workshop of its own, every id new: next to the library's copy, or a backup next to its workshop. */
export function openAsCopy(db: KakehashiDatabase, document: WorkshopDocument, name: string): Promise<Workshop> {
  const plan = planOpenAsNew(document, name, nowTimestamp());
  return writeWorkshopPlan(db, plan.workshop.id, (libraryCopy) => {
    if (libraryCopy !== null) throw new WorkshopWriteRefused('appeared');
    return plan;
  });
}

/** Puts the file's workshop in place of the library's copy: the rows the file no longer has are removed. */
export function replaceWorkshop(db: KakehashiDatabase, document: WorkshopDocument): Promise<Workshop> {
  return writeWorkshopPlan(db, document.workshop.id, (libraryCopy) => planOpenOver(document, libraryCopy?.rows ?? emptyRecords()));
}

/**
 * Writes a merge with each conflict settled as chosen. Refused when the library's copy
 * changed after the merge was worked out: the facilitator chose against a version that is
 * gone, and merging again shows the new one.
 */
export function writeMerge(
  db: KakehashiDatabase,
  libraryCopy: WorkshopDocument,
  merge: WorkshopMerge,
  choices: Readonly<Record<string, ConflictChoice>>,
): Promise<Workshop> {
  const settled = resolveConflicts(merge.merged, merge.conflicts, choices);
  return writeWorkshopPlan(db, settled.workshop.id, (current) => {
    if (current === null || current.workshop.updatedAt !== libraryCopy.workshop.updatedAt) throw new WorkshopWriteRefused('changed');
    // Without the library's rows, the plan removes nothing: merging never deletes.
    return planOpenOver(settled);
  });
}
