import Dexie, { type Table } from 'dexie';
import type { PlatformBridge } from '../../../shared/platform/bridge';
import { backupFileNameSchema } from '../../../shared/platform/bridge';
import { backupsToPrune, listBackups } from '../../../shared/workshopFile/backups';

export const BACKUP_DATABASE_NAME = 'kakehashi-backups';

interface BackupEntryRow {
  readonly fileName: string;
  readonly size: number;
}

interface BackupContentRow {
  readonly fileName: string;
  readonly data: Uint8Array;
}

/**
 * The browser's backups folder: a database of its own, never the library's, so the backups
 * can still be listed and saved when the library's database cannot be opened. Entries and
 * contents are apart so listing does not read every backup's bytes.
 */
class BackupDatabase extends Dexie {
  declare entries: Table<BackupEntryRow, string>;
  declare contents: Table<BackupContentRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ entries: 'fileName', contents: 'fileName' });
  }
}

export type BackupStore = Pick<PlatformBridge, 'writeBackup' | 'listBackups' | 'readBackup'>;

/** The same contract as the desktop's backups folder: the names it accepts, the 20 kept per workshop. */
export function createBrowserBackupStore(name: string = BACKUP_DATABASE_NAME): BackupStore {
  const db = new BackupDatabase(name);
  return {
    async writeBackup({ fileName, data }) {
      backupFileNameSchema.parse(fileName);
      await db.transaction('rw', db.entries, db.contents, async () => {
        await db.entries.put({ fileName, size: data.byteLength });
        await db.contents.put({ fileName, data });
        const prune = backupsToPrune(await db.entries.toCollection().primaryKeys());
        await db.entries.bulkDelete(prune);
        await db.contents.bulkDelete(prune);
      });
    },

    async listBackups() {
      const sizes = new Map((await db.entries.toArray()).map((entry) => [entry.fileName, entry.size]));
      return listBackups(sizes.keys()).map((backup) => ({
        fileName: backup.fileName,
        workshopId: backup.workshopId,
        savedAt: backup.savedAt,
        size: sizes.get(backup.fileName) ?? 0,
      }));
    },

    async readBackup(fileName) {
      const content = await db.contents.get(fileName);
      if (content === undefined) throw new Error(`${fileName} is not among the backups`);
      return { name: fileName, path: null, data: new Uint8Array(content.data) };
    },
  };
}
