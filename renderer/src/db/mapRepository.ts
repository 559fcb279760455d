import type { Table } from 'dexie';
import { EDITOR_TABLES, type FullMapRecords, type MapPatch, type MapRecords } from '../../../shared/editor/mapState';
import {
  nowTimestamp,
  type Lane,
  type MapId,
  type ProcessId,
  type Process,
  type ProcessMap,
  type Step,
  type Connection,
  type WorkshopId,
} from '../../../shared/model';
import type { KakehashiDatabase } from './database';
import { validRow, validRows } from './rowProblems';
import { trackWrite } from './saveStatus';

export async function loadMapRecords(db: KakehashiDatabase, mapId: MapId): Promise<MapRecords> {
  return db.transaction('r', [db.lanes, db.steps, db.connections], async () => ({
    lanes: validRows('lanes', await db.lanes.where('mapId').equals(mapId).toArray()),
    steps: validRows('steps', await db.steps.where('mapId').equals(mapId).toArray()),
    connections: validRows('connections', await db.connections.where('mapId').equals(mapId).toArray()),
  }));
}

/**
 * What the editor opens: the map's records, what was noted on its process (on either map)
 * and the workshop's interviews, so they are shown, edited and undone together.
 */
export async function loadEditorRecords(db: KakehashiDatabase, workshopId: WorkshopId, processId: ProcessId, mapId: MapId): Promise<FullMapRecords> {
  const ofProcess = <T extends 'painPoints' | 'exceptions' | 'approvalRules' | 'reportFields' | 'kpis'>(table: T) =>
    db[table].where('processId').equals(processId).toArray() as Promise<unknown[]>;
  return db.transaction('r', editorTables(db), async () => ({
    ...(await loadMapRecords(db, mapId)),
    painPoints: validRows('painPoints', await ofProcess('painPoints')),
    exceptions: validRows('exceptions', await ofProcess('exceptions')),
    approvalRules: validRows('approvalRules', await ofProcess('approvalRules')),
    reportFields: validRows('reportFields', await ofProcess('reportFields')),
    kpis: validRows('kpis', await ofProcess('kpis')),
    interviewSessions: validRows('interviewSessions', await db.interviewSessions.where('workshopId').equals(workshopId).toArray()),
    interviewNotes: validRows('interviewNotes', await db.interviewNotes.where('workshopId').equals(workshopId).toArray()),
    stickyNotes: validRows('stickyNotes', await db.stickyNotes.where('mapId').equals(mapId).toArray()),
    questions: validRows('questions', await db.questions.where('workshopId').equals(workshopId).toArray()),
    parkingItems: validRows('parkingItems', await db.parkingItems.where('workshopId').equals(workshopId).toArray()),
    votes: validRows('votes', await db.votes.where('workshopId').equals(workshopId).toArray()),
    agendaItems: validRows('agendaItems', await db.agendaItems.where('workshopId').equals(workshopId).toArray()),
  }));
}

function editorTables(db: KakehashiDatabase): Table[] {
  return EDITOR_TABLES.map((table) => db[table] as Table);
}

/** Writes one editing patch in one transaction and marks the map and workshop as updated. */
export async function writeMapPatch(db: KakehashiDatabase, workshopId: WorkshopId, mapId: MapId, change: MapPatch): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', [...editorTables(db), db.maps, db.workshops], async () => {
      // Removals child-first, then puts parent-first, so no moment has a row pointing at nothing.
      for (const table of [...EDITOR_TABLES].reverse()) {
        const ids = change.remove[table];
        if (ids.length > 0) await (db[table] as Table).bulkDelete([...ids]);
      }
      for (const table of EDITOR_TABLES) {
        const rows = change.put[table];
        if (rows.length > 0) await (db[table] as Table).bulkPut([...rows]);
      }
      const now = nowTimestamp();
      await db.maps.update(mapId, { updatedAt: now });
      await db.workshops.update(workshopId, { updatedAt: now });
    }),
  );
}

/** Stores a forked To-Be map and links it to its process, in one transaction. */
export async function saveToBeMap(
  db: KakehashiDatabase,
  process: Process,
  fork: { map: ProcessMap; lanes: Lane[]; steps: Step[]; connections: Connection[] },
): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', [db.processes, db.maps, db.lanes, db.steps, db.connections, db.workshops], async () => {
      const current = validRow('processes', await db.processes.get(process.id));
      if (!current) throw new Error(`process ${process.id} no longer exists`);
      if (current.toBeMapId !== null) throw new Error('this process already has a To-Be map');
      await db.maps.add(fork.map);
      await db.lanes.bulkAdd(fork.lanes);
      await db.steps.bulkAdd(fork.steps);
      await db.connections.bulkAdd(fork.connections);
      const now = nowTimestamp();
      await db.processes.update(process.id, { toBeMapId: fork.map.id, updatedAt: now });
      await db.workshops.update(process.workshopId, { updatedAt: now });
    }),
  );
}

export async function loadMap(db: KakehashiDatabase, mapId: MapId): Promise<ProcessMap | undefined> {
  return validRow('maps', await db.maps.get(mapId));
}
