import type { MapPatch, MapRecords } from '../../../shared/editor/mapState';
import {
  nowTimestamp,
  type Lane,
  type MapId,
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

/** Writes one editing patch in one transaction and marks the map and workshop as updated. */
export async function writeMapPatch(db: KakehashiDatabase, workshopId: WorkshopId, mapId: MapId, change: MapPatch): Promise<void> {
  await trackWrite(() =>
    db.transaction('rw', [db.lanes, db.steps, db.connections, db.maps, db.workshops], async () => {
      if (change.remove.connections.length > 0) await db.connections.bulkDelete([...change.remove.connections]);
      if (change.remove.steps.length > 0) await db.steps.bulkDelete([...change.remove.steps]);
      if (change.remove.lanes.length > 0) await db.lanes.bulkDelete([...change.remove.lanes]);
      if (change.put.lanes.length > 0) await db.lanes.bulkPut([...change.put.lanes]);
      if (change.put.steps.length > 0) await db.steps.bulkPut([...change.put.steps]);
      if (change.put.connections.length > 0) await db.connections.bulkPut([...change.put.connections]);
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
