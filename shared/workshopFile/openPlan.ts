import type { Timestamp } from '../model/common';
import { emptyRecords, type WorkshopDocument, type WorkshopRecords } from '../model/document';
import { duplicateWorkshopDocument } from '../model/duplicate';
import { workshopChildTables, type WorkshopChildTable } from '../model/records';
import type { Workshop } from '../model/workshop';

/**
 * What opening a workshop file writes to the library, worked out before anything is written,
 * so the UI can apply it in one transaction (or not at all): put `workshop`, then per table
 * delete the ids in `remove` and put the rows in `put`.
 */
export interface WorkshopWritePlan {
  readonly workshop: Workshop;
  readonly put: WorkshopRecords;
  readonly remove: { readonly [T in WorkshopChildTable]: readonly string[] };
}

/** Rows the library holds for one workshop, by table; only their ids are used. A `WorkshopDocument` is one. */
export type ExistingRows = { readonly [T in WorkshopChildTable]: readonly { readonly id: string }[] };

const recordsOf = (document: WorkshopDocument): WorkshopRecords =>
  Object.fromEntries(workshopChildTables.map((table) => [table, document[table]])) as unknown as WorkshopRecords;

/**
 * Opens the file as a workshop of its own next to whatever the library holds: every record and
 * participant gets a new id, so nothing can collide with the workshop it came from or with an
 * earlier copy. `name` is the new workshop's name (the UI decides, e.g. 「… （読み込み）」).
 */
export function planOpenAsNew(document: WorkshopDocument, name: string, now: Timestamp): WorkshopWritePlan {
  // With fresh ids the library holds none of its rows, so there is nothing to remove.
  return planOpenOver(duplicateWorkshopDocument(document, name, now));
}

/**
 * Opens the file with its ids kept — so copies of one workshop can still be merged later — in
 * place of the library's copy of the same workshop, if it has one. `existing` holds the rows
 * the library has now for the workshop with the file's id, valid or not (none when omitted);
 * those the file no longer has are removed. The workshop comes out of the trash: the user has
 * just asked to open it.
 */
export function planOpenOver(incoming: WorkshopDocument, existing: ExistingRows = emptyRecords()): WorkshopWritePlan {
  const remove = Object.fromEntries(
    workshopChildTables.map((table) => {
      const kept = new Set<string>(incoming[table].map((record) => record.id));
      return [table, existing[table].map((row) => row.id).filter((id) => !kept.has(id))];
    }),
  ) as unknown as WorkshopWritePlan['remove'];
  return { workshop: { ...incoming.workshop, deletedAt: null }, put: recordsOf(incoming), remove };
}
