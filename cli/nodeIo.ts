import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_WORKSHOP_FILE_BYTES } from '../shared/workshopFile';
import { FileTooLargeError, type CliIo } from './io';

/** The command line's file system and terminal, in Node. */
export function nodeIo(): CliIo {
  return {
    async readFile(path) {
      const info = await stat(path);
      // Refused before reading, so a huge file is not pulled into memory only to be refused.
      if (info.isFile() && info.size > MAX_WORKSHOP_FILE_BYTES) throw new FileTooLargeError(info.size);
      return new Uint8Array(await readFile(path));
    },
    writeFile: writeFileAtomic,
    async sameFile(a, b) {
      if (resolve(a) === resolve(b)) return true;
      const [first, second] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
      // The same file under another name: a link, or another spelling on a case-insensitive disk.
      return first !== null && second !== null && first.dev === second.dev && first.ino === second.ino;
    },
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
}

/**
 * Writes a temporary file in the target's folder, flushes it to disk, then renames it over the
 * target: a reader sees the old file or the new one, never a part of it. The temporary file is
 * removed if anything fails.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temporary, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
