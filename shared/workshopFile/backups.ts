import type { Timestamp } from '../model/common';
import { workshopIdSchema, type WorkshopId } from '../model/ids';
import type { Workshop } from '../model/workshop';

/**
 * Automatic backups: a workshop file written to the backups folder while the workshop is
 * edited and on quit. This is the policy only — names, which files to keep, when to write;
 * the main process does the (atomic) writing and deleting.
 */

export const BACKUPS_KEPT_PER_WORKSHOP = 20;
/** While editing, at most one backup per workshop this often: the twenty kept span at least 100 minutes of work. */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export interface BackupFile {
  readonly fileName: string;
  readonly workshopId: WorkshopId;
  /** When it was written, to the second. */
  readonly savedAt: Timestamp;
}

const SLUG_LENGTH = 40;

/**
 * `<name>--<id body>--<UTC time>.kakehashi`, e.g. `買掛金WS--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi`.
 * The name makes the folder readable; the id groups a workshop's backups even after a rename;
 * the time, with `-` for the `:` Windows refuses, sorts in order. The name part never holds
 * `--` and never ends in `-`, so the first `--` is where the id starts (ids may contain `--`).
 */
export function backupFileName(workshop: Pick<Workshop, 'id' | 'name'>, at: Timestamp): string {
  const time = `${new Date(at).toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
  return `${slugOf(workshop.name)}--${workshop.id.slice('workshop:'.length)}--${time}.kakehashi`;
}

/** Characters Windows, macOS or Linux refuse or mangle in file names, and white space. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\s]+/g;

function slugOf(name: string): string {
  const trim = (text: string) => text.replace(/^[-.]+|[-.]+$/g, '');
  const safe = trim(name.normalize('NFC').replace(UNSAFE, '-').replace(/-{2,}/g, '-'));
  // Counted in code points so a character outside the BMP is never cut in half.
  const slug = trim(Array.from(safe).slice(0, SLUG_LENGTH).join(''));
  return slug.length > 0 ? slug : 'workshop';
}

const BACKUP_NAME = /^(?:[^-]|-(?!-))+--([A-Za-z0-9_-]{6,64})--(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.kakehashi$/;

/** The backup a file name stands for, or null for any other file (which pruning never touches). */
export function parseBackupFileName(fileName: string): BackupFile | null {
  const match = BACKUP_NAME.exec(fileName);
  if (!match) return null;
  const [, idBody, date, hours, minutes, seconds] = match;
  const workshopId = workshopIdSchema.safeParse(`workshop:${idBody}`);
  const savedAt = `${date}T${hours}:${minutes}:${seconds}Z`;
  if (!workshopId.success || Number.isNaN(Date.parse(savedAt))) return null;
  return { fileName, workshopId: workshopId.data, savedAt };
}

/** The backups among `fileNames`, newest first; only one workshop's when `workshopId` is given. */
export function listBackups(fileNames: Iterable<string>, workshopId?: WorkshopId): BackupFile[] {
  const backups: BackupFile[] = [];
  for (const fileName of fileNames) {
    const backup = parseBackupFileName(fileName);
    if (backup && (workshopId === undefined || backup.workshopId === workshopId)) backups.push(backup);
  }
  return backups.sort((a, b) => compareText(b.savedAt, a.savedAt) || compareText(b.fileName, a.fileName));
}

/** The files to delete so that each workshop keeps its newest `keep` backups. */
export function backupsToPrune(fileNames: Iterable<string>, keep = BACKUPS_KEPT_PER_WORKSHOP): string[] {
  const seen = new Map<WorkshopId, number>();
  const prune: string[] = [];
  for (const backup of listBackups(fileNames)) {
    const count = (seen.get(backup.workshopId) ?? 0) + 1;
    seen.set(backup.workshopId, count);
    if (count > keep) prune.push(backup.fileName);
  }
  return prune;
}

/**
 * Whether to write a backup of a workshop now. Only when it was edited since its last backup
 * (an unchanged workshop would push older, different backups out of the twenty kept); then
 * always on quit, and while editing once the interval has passed. Called on each edit and on a
 * timer, so the last edit of a burst is backed up within the interval.
 */
export function shouldBackUp(
  lastBackupAt: Timestamp | null,
  lastEditAt: Timestamp | null,
  now: Timestamp,
  occasion: 'editing' | 'quit' = 'editing',
): boolean {
  if (lastEditAt === null) return false;
  if (lastBackupAt === null) return true;
  const backedUp = Date.parse(lastBackupAt);
  if (Date.parse(lastEditAt) <= backedUp) return false;
  return occasion === 'quit' || Date.parse(now) - backedUp >= BACKUP_INTERVAL_MS;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
