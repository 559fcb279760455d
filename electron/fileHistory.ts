import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import { z } from 'zod';
import { recentFileSchema, type RecentFile } from '../shared/platform/bridge';
import { writeFileAtomic } from './atomicWrite';

export const MAX_RECENT_FILES = 10;

/**
 * What the file dialogs remember between sessions, kept as JSON in the user-data folder: the
 * folder used last (the next dialog starts there) and the workshop files opened or saved
 * lately. The file is the user's to damage: each part is validated on reading, and whatever
 * does not pass is forgotten rather than trusted.
 */
const storedHistorySchema = z.object({
  lastFolder: z.string().min(1).max(4096).nullable().catch(null),
  recentFiles: z
    .array(z.unknown())
    .catch([])
    .transform((entries) => entries.flatMap((entry) => recentFileSchema.safeParse(entry).data ?? []).slice(0, MAX_RECENT_FILES)),
});
type StoredHistory = z.output<typeof storedHistorySchema>;

const EMPTY: StoredHistory = { lastFolder: null, recentFiles: [] };

export interface FileHistory {
  lastFolder(): Promise<string | undefined>;
  recentFiles(): Promise<RecentFile[]>;
  /** Any file chosen in a dialog: its folder is where the next dialog starts. */
  rememberFolderOf(file: string): Promise<void>;
  /** A workshop file opened or saved: first in the recent list (ours and the system's), its folder remembered. */
  recordWorkshopFile(file: string): Promise<void>;
  /** Drops a file that is no longer there from the recent list. */
  forget(file: string): Promise<void>;
  /** Called after the recent list changed, e.g. to rebuild the Open Recent menu. */
  onRecentFilesChanged(listener: () => void): void;
}

export function createFileHistory(storeFile: string, now: () => string = () => new Date().toISOString()): FileHistory {
  let state: Promise<StoredHistory> = load(storeFile);
  const listeners: (() => void)[] = [];

  /** Changes run one after another on the latest state, each saved before the next starts. */
  const change = (update: (history: StoredHistory) => StoredHistory): Promise<void> => {
    const previous = state;
    state = previous.then(async (history) => {
      const next = update(history);
      if (next === history) return history;
      await save(storeFile, next).catch((error: unknown) => {
        // Remembering is a convenience: a read-only profile must not make opening or saving fail.
        console.warn(`Could not save ${storeFile}:`, error);
      });
      if (next.recentFiles !== history.recentFiles) listeners.forEach((listener) => listener());
      return next;
    });
    return state.then(() => undefined);
  };

  const sameFile = (a: string, b: string) => path.resolve(a) === path.resolve(b);

  return {
    lastFolder: async () => (await state).lastFolder ?? undefined,
    recentFiles: async () => (await state).recentFiles,
    rememberFolderOf: (file) => change((history) => ({ ...history, lastFolder: path.dirname(file) })),
    recordWorkshopFile: (file) => {
      app.addRecentDocument(file);
      return change((history) => ({
        lastFolder: path.dirname(file),
        recentFiles: [
          { name: path.basename(file), path: file, usedAt: now() },
          ...history.recentFiles.filter((recent) => !sameFile(recent.path, file)),
        ].slice(0, MAX_RECENT_FILES),
      }));
    },
    forget: (file) =>
      change((history) =>
        history.recentFiles.some((recent) => sameFile(recent.path, file))
          ? { ...history, recentFiles: history.recentFiles.filter((recent) => !sameFile(recent.path, file)) }
          : history,
      ),
    onRecentFilesChanged: (listener) => {
      listeners.push(listener);
    },
  };
}

async function load(storeFile: string): Promise<StoredHistory> {
  let text: string;
  try {
    text = await readFile(storeFile, 'utf8');
  } catch {
    return EMPTY;
  }
  try {
    return storedHistorySchema.parse(JSON.parse(text));
  } catch {
    return EMPTY;
  }
}

async function save(storeFile: string, history: StoredHistory): Promise<void> {
  await mkdir(path.dirname(storeFile), { recursive: true });
  await writeFileAtomic(storeFile, new TextEncoder().encode(`${JSON.stringify(history, null, 2)}\n`), { keepPrevious: false });
}
