import {
  assembleWorkshopDocument,
  createProcess as createProcessRecords,
  createWorkshop as createWorkshopRecord,
  duplicateWorkshopDocument,
  emptyRecords,
  moveProcess as moveProcessRecords,
  normaliseName,
  nowTimestamp,
  workshopChildTables,
  type Connection,
  type Lane,
  type MapId,
  type NewWorkshopInput,
  type Step,
  type Participant,
  type ProcessId,
  type Workshop,
  type WorkshopDocument,
  type WorkshopId,
  type WorkshopRecords,
  type WorkshopChildTable,
} from '../../../shared/model';
import type { ExistingRows, WorkshopWritePlan } from '../../../shared/workshopFile';
import type { Table } from 'dexie';
import type { KakehashiDatabase } from './database';
import { validRow, validRows } from './rowProblems';
import { trackWrite } from './saveStatus';

/**
 * The library's writes. Each is one Dexie transaction tracked by the autosave indicator, and
 * touches only the rows it changes (plus the workshop's `updatedAt`).
 */

export type WorkshopDetails = Pick<Workshop, 'name' | 'organisation' | 'businessArea' | 'startDate' | 'endDate'>;

export const APP_LABEL = `Kakehashi ${__APP_VERSION__}`;

export async function createWorkshop(db: KakehashiDatabase, input: NewWorkshopInput): Promise<Workshop> {
  const workshop = createWorkshopRecord(input, nowTimestamp());
  await trackWrite(() => db.transaction('rw', db.workshops, () => db.workshops.add(workshop)));
  return workshop;
}

export async function updateWorkshopDetails(db: KakehashiDatabase, id: WorkshopId, details: Partial<WorkshopDetails>): Promise<void> {
  const changes: Partial<Workshop> = { ...details, updatedAt: nowTimestamp() };
  for (const key of ['name', 'organisation', 'businessArea'] as const) {
    const value = details[key];
    if (value !== undefined) changes[key] = normaliseName(value);
  }
  await trackWrite(() => db.transaction('rw', db.workshops, () => db.workshops.update(id, changes)));
}

export async function setParticipants(db: KakehashiDatabase, id: WorkshopId, participants: Participant[]): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', db.workshops, () => db.workshops.update(id, { participants, updatedAt: nowTimestamp() })),
  );
}

export async function moveWorkshopToTrash(db: KakehashiDatabase, id: WorkshopId): Promise<void> {
  await trackWrite(() => db.transaction('rw', db.workshops, () => db.workshops.update(id, { deletedAt: nowTimestamp() })));
}

export async function restoreWorkshop(db: KakehashiDatabase, id: WorkshopId): Promise<void> {
  await trackWrite(() => db.transaction('rw', db.workshops, () => db.workshops.update(id, { deletedAt: null })));
}

async function deleteWorkshopRows(db: KakehashiDatabase, id: WorkshopId): Promise<void> {
  for (const table of workshopChildTables) await db[table].where('workshopId').equals(id).delete();
  await db.workshops.delete(id);
}

export async function deleteWorkshopForever(db: KakehashiDatabase, id: WorkshopId): Promise<void> {
  await trackWrite(() => db.transaction('rw', db.allRecordTables(), () => deleteWorkshopRows(db, id)));
}

export async function emptyTrash(db: KakehashiDatabase): Promise<number> {
  return trackWrite(() =>
    db.transaction('rw', db.allRecordTables(), async () => {
      const trashed = validRows('workshops', await db.workshops.toArray()).filter((workshop) => workshop.deletedAt !== null);
      for (const workshop of trashed) await deleteWorkshopRows(db, workshop.id);
      return trashed.length;
    }),
  );
}

/** Reads a whole workshop into a document (for duplicate and export); invalid rows are reported and left out. */
export async function loadWorkshopDocument(db: KakehashiDatabase, id: WorkshopId): Promise<WorkshopDocument | undefined> {
  return db.transaction('r', db.allRecordTables(), async () => {
    const workshop = validRow('workshops', await db.workshops.get(id));
    if (!workshop) return undefined;
    const records: WorkshopRecords = emptyRecords();
    for (const table of workshopChildTables) {
      const rows = await db[table].where('workshopId').equals(id).toArray();
      (records as Record<string, unknown[]>)[table] = validRows(table, rows);
    }
    return assembleWorkshopDocument(workshop, records, APP_LABEL, nowTimestamp());
  });
}

export async function duplicateWorkshop(db: KakehashiDatabase, id: WorkshopId, copyName: string): Promise<Workshop | undefined> {
  const source = await loadWorkshopDocument(db, id);
  if (!source) return undefined;
  const copy = duplicateWorkshopDocument(source, normaliseName(copyName), nowTimestamp());
  await trackWrite(() =>
    db.transaction('rw', db.allRecordTables(), async () => {
      await db.workshops.add(copy.workshop);
      for (const table of workshopChildTables) {
        const rows = copy[table];
        if (rows.length > 0) await (db[table] as Table).bulkAdd(rows);
      }
    }),
  );
  return copy.workshop;
}

/** The lanes, steps and connections a new As-Is map starts with (a template's, or blank lanes). */
export type InitialMapContent = (ids: { workshopId: WorkshopId; mapId: MapId }) => { lanes: Lane[]; steps: Step[]; connections: Connection[] };

export async function addProcess(db: KakehashiDatabase, workshopId: WorkshopId, name: string, initialContent?: InitialMapContent): Promise<ProcessId> {
  return trackWrite(() =>
    db.transaction('rw', [db.workshops, db.processes, db.maps, db.lanes, db.steps, db.connections], async () => {
      const existing = validRows('processes', await db.processes.where('workshopId').equals(workshopId).toArray());
      const now = nowTimestamp();
      const { process, asIsMap } = createProcessRecords(workshopId, name, existing, now);
      await db.maps.add(asIsMap);
      if (initialContent) {
        const content = initialContent({ workshopId, mapId: asIsMap.id });
        await db.lanes.bulkAdd(content.lanes);
        await db.steps.bulkAdd(content.steps);
        await db.connections.bulkAdd(content.connections);
      }
      await db.processes.add(process);
      await db.workshops.update(workshopId, { updatedAt: now });
      return process.id;
    }),
  );
}

export async function renameProcess(db: KakehashiDatabase, workshopId: WorkshopId, id: ProcessId, name: string): Promise<void> {
  const now = nowTimestamp();
  await trackWrite(() =>
    db.transaction('rw', [db.workshops, db.processes], async () => {
      await db.processes.update(id, { name: normaliseName(name), updatedAt: now });
      await db.workshops.update(workshopId, { updatedAt: now });
    }),
  );
}

export async function moveProcess(db: KakehashiDatabase, workshopId: WorkshopId, id: ProcessId, toIndex: number): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', [db.workshops, db.processes], async () => {
      const processes = validRows('processes', await db.processes.where('workshopId').equals(workshopId).toArray());
      const now = nowTimestamp();
      const changed = moveProcessRecords(processes, id, toIndex, now);
      if (changed.length === 0) return;
      await db.processes.bulkPut(changed);
      await db.workshops.update(workshopId, { updatedAt: now });
    }),
  );
}

export async function deleteProcess(db: KakehashiDatabase, workshopId: WorkshopId, id: ProcessId): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', db.allRecordTables(), async () => {
      const mapIds = await db.maps.where('processId').equals(id).primaryKeys();
      // Interviews belong to the workshop: they stay, no longer pointing into the deleted maps.
      const stepIds = new Set<string>(await db.steps.where('mapId').anyOf(mapIds).primaryKeys());
      await db.interviewSessions.where('workshopId').equals(workshopId).modify((session) => {
        if (session.processId === id) session.processId = null;
      });
      await db.interviewNotes.where('workshopId').equals(workshopId).modify((note) => {
        if (note.stepId !== null && stepIds.has(note.stepId)) note.stepId = null;
      });
      // Questions, the parking lot and votes are the workshop's too: they stay, about no process.
      for (const table of [db.questions, db.parkingItems, db.votes] as Table<{ processId: ProcessId | null }, string>[]) {
        await table.where('workshopId').equals(workshopId).modify((record) => {
          if (record.processId === id) record.processId = null;
        });
      }
      for (const table of ['lanes', 'steps', 'connections', 'stickyNotes'] as const) await db[table].where('mapId').anyOf(mapIds).delete();
      for (const table of ['painPoints', 'exceptions', 'approvalRules', 'reportFields', 'kpis'] as const) {
        await db[table].where('processId').equals(id).delete();
      }
      await db.maps.bulkDelete(mapIds);
      await db.processes.delete(id);
      await db.workshops.update(workshopId, { updatedAt: nowTimestamp() });
    }),
  );
}

/** Why a workshop file was not written: the library changed after the file was read, or the file's records are another workshop's. */
export class WorkshopWriteRefused extends Error {
  constructor(
    readonly reason: 'appeared' | 'changed' | 'idsTaken',
    /** For `idsTaken`: one of the ids another workshop already has. */
    readonly id?: string,
  ) {
    super(
      reason === 'appeared'
        ? 'the workshop was added to the library meanwhile'
        : reason === 'changed'
          ? 'the workshop was changed meanwhile'
          : `the id ${id} already belongs to another workshop`,
    );
    this.name = 'WorkshopWriteRefused';
  }
}

/** The library's copy of a workshop as the plan sees it, read inside the writing transaction. */
export interface LibraryCopy {
  /** As stored: not validated, so a damaged row can still be replaced. */
  readonly workshop: Workshop;
  readonly rows: ExistingRows;
}

/**
 * Writes what opening a workshop file planned (`shared/workshopFile`), in one transaction:
 * all of it or, when anything fails, none of it. `plan` is made inside the transaction from
 * the library's copy of the file's workshop as it is then (null when there is none), so a
 * change made meanwhile in another window is never overwritten unseen. Refused when a row to
 * be put already exists for another workshop: a file must not take over another workshop's
 * records.
 */
export async function writeWorkshopPlan(
  db: KakehashiDatabase,
  workshopId: WorkshopId,
  plan: (libraryCopy: LibraryCopy | null) => WorkshopWritePlan,
): Promise<Workshop> {
  return trackWrite(() =>
    db.transaction('rw', db.allRecordTables(), async () => {
      const current = await db.workshops.get(workshopId);
      const libraryCopy = current === undefined ? null : { workshop: current, rows: await rowIdsOf(db, workshopId) };
      const { workshop, put, remove } = plan(libraryCopy);
      for (const table of workshopChildTables) {
        const ids = put[table].map((row) => row.id);
        const clash = (await db[table].bulkGet(ids)).find((row) => row !== undefined && row.workshopId !== workshop.id);
        if (clash) throw new WorkshopWriteRefused('idsTaken', clash.id);
      }
      await db.workshops.put(workshop);
      for (const table of workshopChildTables) {
        await db[table].bulkDelete([...remove[table]]);
        await (db[table] as Table).bulkPut(put[table]);
      }
      return workshop;
    }),
  );
}

/** Ids of every row a workshop has, valid or not: those a replacing file no longer holds are removed. */
async function rowIdsOf(db: KakehashiDatabase, workshopId: WorkshopId): Promise<ExistingRows> {
  const rows = emptyRecords() as unknown as Record<WorkshopChildTable, { id: string }[]>;
  for (const table of workshopChildTables) {
    const ids = await db[table].where('workshopId').equals(workshopId).primaryKeys();
    rows[table] = ids.map((id) => ({ id }));
  }
  return rows;
}
