import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';

/** The file operations the write uses; tests replace one of them to simulate a failure mid-way. */
export interface AtomicWriteFileSystem {
  open: typeof fsPromises.open;
  copyFile: typeof fsPromises.copyFile;
  rename: typeof fsPromises.rename;
  rm: typeof fsPromises.rm;
}

const nodeFileSystem: AtomicWriteFileSystem = {
  open: fsPromises.open,
  copyFile: fsPromises.copyFile,
  rename: fsPromises.rename,
  rm: fsPromises.rm,
};

/**
 * Windows cannot open or fsync a directory (EISDIR, EPERM), nor can anyone a folder they may
 * write but not list (EACCES); the rename has happened, so the save is not reported as failed.
 */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EPERM', 'EISDIR', 'EACCES']);

export interface AtomicWriteOptions {
  /** Keep the replaced file as `<target>.bak` (default). Backups turn it off: each has a name of its own. */
  readonly keepPrevious?: boolean;
  readonly fs?: AtomicWriteFileSystem;
}

/**
 * Replaces `target` with `data` so that a crash or full disk never leaves a half-written
 * workshop file: the data goes to a temp file in the same folder (rename is only atomic
 * within one file system), is flushed, the previous version is kept as `<target>.bak`,
 * and only then is the temp file renamed over the target.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const { keepPrevious = true, fs = nodeFileSystem } = options;
  const directory = path.dirname(target);
  const tempFile = path.join(directory, `.${path.basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await fs.open(tempFile, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (keepPrevious) await backUpExisting(target, fs);
    await fs.rename(tempFile, target);
  } catch (error) {
    await fs.rm(tempFile, { force: true });
    throw error;
  }
  await syncDirectory(directory, fs);
}

async function backUpExisting(target: string, fs: AtomicWriteFileSystem): Promise<void> {
  try {
    await fs.copyFile(target, `${target}.bak`);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Makes the rename itself durable: without it a power cut can bring back the old directory entry. */
async function syncDirectory(directory: string, fs: AtomicWriteFileSystem): Promise<void> {
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
