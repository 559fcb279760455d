import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupEntry, OpenedFile, WriteBackupRequest } from '../shared/platform/bridge';
import { backupsToPrune, listBackups } from '../shared/workshopFile/backups';
import { writeFileAtomic } from './atomicWrite';
import { errorCode, readLimitedFile } from './readFile';

export interface BackupHandlers {
  writeBackup(request: WriteBackupRequest): Promise<void>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(request: { fileName: string }): Promise<OpenedFile>;
}

/**
 * The automatic backups: workshop files in one folder of the user-data folder, named by
 * `backupFileName`. The renderer decides when to write one and what it holds; this only
 * writes, lists, reads and prunes — and only names that are backups, inside the folder.
 */
export function createBackupHandlers(folder: string): BackupHandlers {
  const root = path.resolve(folder);
  /** The payload schema already refused separators; checked again because this is where a path is made. */
  const fileIn = (fileName: string): string => {
    const file = path.resolve(root, fileName);
    if (path.dirname(file) !== root) throw new Error(`${fileName} is not a file of the backups folder`);
    return file;
  };
  const fileNames = async (): Promise<string[]> => {
    try {
      return await readdir(root);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  };

  return {
    async writeBackup({ fileName, data }) {
      const file = fileIn(fileName);
      await mkdir(root, { recursive: true });
      // A second backup within the same second replaces the first; a .bak of it would never be pruned.
      await writeFileAtomic(file, data, { keepPrevious: false });
      const prune = backupsToPrune(await fileNames());
      await Promise.all(prune.map((name) => rm(fileIn(name), { force: true })));
    },

    async listBackups() {
      const entries = await Promise.all(
        listBackups(await fileNames()).map(async (backup) => {
          try {
            const { size } = await stat(fileIn(backup.fileName));
            return [{ fileName: backup.fileName, workshopId: backup.workshopId, savedAt: backup.savedAt, size }];
          } catch {
            // Pruned or removed between listing and stat: simply not listed.
            return [];
          }
        }),
      );
      return entries.flat();
    },

    async readBackup({ fileName }) {
      const file = fileIn(fileName);
      return { name: fileName, path: file, data: await readLimitedFile(file) };
    },
  };
}
