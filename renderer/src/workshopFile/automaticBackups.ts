import { liveQuery, type Subscription } from 'dexie';
import { create } from 'zustand';
import { nowTimestamp, type Timestamp, type WorkshopId } from '../../../shared/model';
import type { PlatformBridge } from '../../../shared/platform/bridge';
import { backupFileName, shouldBackUp, writeWorkshopFile } from '../../../shared/workshopFile';
import type { KakehashiDatabase } from '../db/database';
import { validRows } from '../db/rowProblems';
import { loadWorkshopDocument } from '../db/workshopRepository';
import { errorText } from '../ui/errors';

/** How often the edited workshops are looked at again, so the last edit of a burst is backed up without a further edit. */
export const BACKUP_CHECK_INTERVAL_MS = 60 * 1000;

interface BackupStatus {
  /** The last automatic backup that failed, and why; cleared by the next that succeeds. */
  readonly failure: string | null;
}

export const useBackupStatus = create<BackupStatus>(() => ({ failure: null }));

/**
 * Writes a workshop file of one workshop into the backups (the platform prunes to the newest
 * twenty); returns when it was taken, or null when the workshop is not in the library.
 */
export async function writeBackupOf(db: KakehashiDatabase, bridge: PlatformBridge, workshopId: WorkshopId): Promise<Timestamp | null> {
  // Taken before reading: an edit that lands while the backup is written counts as not backed up.
  const takenAt = nowTimestamp();
  const document = await loadWorkshopDocument(db, workshopId);
  if (document === undefined) return null;
  const data = new TextEncoder().encode(writeWorkshopFile({ ...document, savedAt: takenAt }));
  await bridge.writeBackup({ fileName: backupFileName(document.workshop, takenAt), data });
  return takenAt;
}

export interface AutomaticBackups {
  /** Watches a library database for edits (instead of any watched before). */
  watch(db: KakehashiDatabase): void;
  stop(): void;
}

/**
 * Automatic backups: the renderer knows when a workshop is edited — every edit moves the
 * workshop's `updatedAt` — so it watches that, and writes a backup when `shouldBackUp` says
 * (at most every five minutes per workshop while editing, checked on each edit and every
 * minute), and before the window closes (`onBeforeClose`). The last
 * backup of each workshop is known from the backups themselves, so a restart does not
 * write unchanged workshops again. Writes run one at a time.
 */
export function createAutomaticBackups(bridge: PlatformBridge): AutomaticBackups {
  let db: KakehashiDatabase | null = null;
  let subscription: Subscription | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastBackups: Promise<Map<WorkshopId, Timestamp>> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const knownBackups = (): Promise<Map<WorkshopId, Timestamp>> => {
    lastBackups ??= bridge.listBackups().then(
      // Newest first, so the first seen of each workshop is its last backup.
      (backups) => new Map([...backups].reverse().map((backup) => [backup.workshopId as WorkshopId, backup.savedAt])),
      () => new Map(),
    );
    return lastBackups;
  };

  const backUpEdited = (occasion: 'editing' | 'quit'): Promise<void> => {
    queue = queue.then(async () => {
      const library = db;
      if (library === null) return;
      const backedUp = await knownBackups();
      // Read afresh rather than from the live query: an edit made just before closing may not have reached it yet.
      const workshops = validRows('workshops', await library.workshops.toArray()).filter((workshop) => workshop.deletedAt === null);
      for (const workshop of workshops) {
        if (!shouldBackUp(backedUp.get(workshop.id) ?? null, workshop.updatedAt, nowTimestamp(), occasion)) continue;
        try {
          const takenAt = await writeBackupOf(library, bridge, workshop.id);
          if (takenAt !== null) backedUp.set(workshop.id, takenAt);
          useBackupStatus.setState({ failure: null });
        } catch (error) {
          // Kept visible in the library's backups dialog; the next edit or check tries again.
          useBackupStatus.setState({ failure: errorText(error) });
        }
      }
    });
    return queue;
  };

  const stop = (): void => {
    subscription?.unsubscribe();
    subscription = null;
    if (timer !== null) clearInterval(timer);
    timer = null;
    db = null;
  };

  bridge.onBeforeClose(() => backUpEdited('quit'));

  return {
    watch(library) {
      stop();
      db = library;
      // Every edit moves a workshop's `updatedAt`, so a change to the workshops' rows is the signal to look.
      subscription = liveQuery(() => library.workshops.toArray()).subscribe({
        next: () => void backUpEdited('editing'),
        // A database that fails later is reported by the writes themselves; backups simply pause.
        error: () => undefined,
      });
      timer = setInterval(() => void backUpEdited('editing'), BACKUP_CHECK_INTERVAL_MS);
    },
    stop,
  };
}
