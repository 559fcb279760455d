import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SystemOpenedFile } from '../shared/platform/bridge';
import { describeReadError, errorCode, isWorkshopFilePath, readWorkshopFileAt } from './readFile';

/**
 * The workshop files named on a command line: what Windows and Linux pass when a `.kakehashi`
 * file is double-clicked (at first start, or to the running instance as `second-instance`).
 * The executable and Chromium's switches are skipped; relative paths are resolved against the
 * folder the command ran in. Linux desktop entries pass `file://` URLs (`%U`).
 */
export function workshopFilesInArguments(argv: readonly string[], workingDirectory: string): string[] {
  return argv.slice(1).flatMap((arg) => {
    if (arg.startsWith('-')) return [];
    const file = arg.startsWith('file://') ? fileUrlToPath(arg) : path.resolve(workingDirectory, arg);
    return file !== null && isWorkshopFilePath(file) ? [file] : [];
  });
}

function fileUrlToPath(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    // A URL naming another host (file://server/…) or otherwise unusable as a local path.
    return null;
  }
}

export interface OpenedFileQueue {
  /** Reads the file and queues it (or why it could not be read) for the renderer. */
  open(file: string): Promise<void>;
  /** The files waiting, oldest first; each is handed out once. */
  take(): SystemOpenedFile[];
}

/**
 * Files the system asks the app to open can arrive before the window exists (macOS sends
 * `open-file` before `ready`) or while the page is still loading. They wait here; the page
 * takes them when it starts listening, and on every `notify` after that.
 */
export function createOpenedFileQueue(options: {
  readonly notify: () => void;
  /** Called for each file read, e.g. to put it in the recent list. */
  readonly onRead: (file: string) => Promise<void>;
  /** Called for a file that is not there (any more), e.g. to drop it from the recent list. */
  readonly onMissing: (file: string) => Promise<void>;
}): OpenedFileQueue {
  const waiting: SystemOpenedFile[] = [];
  return {
    async open(file) {
      const name = path.basename(file);
      try {
        const data = await readWorkshopFileAt(file);
        waiting.push({ ok: true, file: { name, path: file, data } });
        await options.onRead(file);
      } catch (error) {
        waiting.push({ ok: false, name, path: file, reason: describeReadError(file, error) });
        if (errorCode(error) === 'ENOENT') await options.onMissing(file);
      }
      options.notify();
    },
    take: () => waiting.splice(0),
  };
}
