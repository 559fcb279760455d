import type { WorkshopDocument, WorkshopId } from '../../shared/model';
import type { PlatformBridge, SavedFile } from '../../shared/platform/bridge';
import { writeWorkshopFile } from '../../shared/workshopFile';
import type { KakehashiDatabase } from './db/database';
import { APP_LABEL, loadWorkshopDocument } from './db/workshopRepository';
import { validRows } from './db/rowProblems';

export const WORKSHOP_FILE_EXTENSION = 'kakehashi';
export const WORKSHOP_FILE_MIME = 'application/x-kakehashi+json';
export const BACKUP_TYPE = 'kakehashi-backup';

/** A name safe as a file name on Windows, macOS and Linux; Japanese is kept. */
export function fileNameFor(name: string, extension: string): string {
  const safe = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return `${safe.length > 0 ? safe : 'workshop'}.${extension}`;
}

const encodeJson = (value: unknown): Uint8Array<ArrayBuffer> => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** Saves a workshop as a `.kakehashi` file, written as `writeWorkshopFile` does (stable, comparable line by line). */
export async function exportWorkshopFile(
  db: KakehashiDatabase,
  bridge: PlatformBridge,
  workshopId: WorkshopId,
  filterName: string,
): Promise<SavedFile | null> {
  const document = await loadWorkshopDocument(db, workshopId);
  if (!document) throw new Error(`workshop ${workshopId} not found`);
  return bridge.saveFile({
    suggestedName: fileNameFor(document.workshop.name, WORKSHOP_FILE_EXTENSION),
    filters: [{ name: filterName, extensions: [WORKSHOP_FILE_EXTENSION] }],
    mimeType: WORKSHOP_FILE_MIME,
    data: new TextEncoder().encode(writeWorkshopFile(document)),
  });
}

/** Every workshop not in the trash, in one file: the way out when the database refuses writes. */
export async function exportAllWorkshops(db: KakehashiDatabase, bridge: PlatformBridge): Promise<SavedFile | null> {
  const workshops = validRows('workshops', await db.workshops.toArray()).filter((workshop) => workshop.deletedAt === null);
  const documents: WorkshopDocument[] = [];
  for (const workshop of workshops) {
    const document = await loadWorkshopDocument(db, workshop.id);
    if (document) documents.push(document);
  }
  const date = new Date().toISOString().slice(0, 10);
  return bridge.saveFile({
    suggestedName: `kakehashi-backup-${date}.json`,
    filters: [{ name: 'JSON', extensions: ['json'] }],
    mimeType: 'application/json',
    data: encodeJson({ type: BACKUP_TYPE, app: APP_LABEL, savedAt: new Date().toISOString(), documents }),
  });
}
