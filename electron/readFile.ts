import { open } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../shared/platform/bridge';

export const WORKSHOP_FILE_EXTENSION = '.kakehashi';

/** Refuses files over the bridge's size limit before reading them into memory. */
export async function readLimitedFile(file: string): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(file, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(`${path.basename(file)} is not a file`);
    if (stats.size > MAX_FILE_BYTES) throw new Error(`${path.basename(file)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const contents = await handle.readFile();
    return new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength);
  } finally {
    await handle.close();
  }
}

export const isWorkshopFilePath = (file: string): boolean => path.extname(file).toLowerCase() === WORKSHOP_FILE_EXTENSION;

/**
 * Reads a workshop file named by something other than the user's pick in a dialog (the system,
 * the recent list): only `.kakehashi` files, so a crafted argument cannot make the app read
 * any other file into the renderer.
 */
export async function readWorkshopFileAt(file: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!isWorkshopFilePath(file)) throw new Error(`${path.basename(file)} is not a Kakehashi workshop file (.kakehashi)`);
  return readLimitedFile(file);
}

/** The Node error code (`ENOENT`, `EACCES`…) of a file-system error. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Why a file could not be read, in words for the user: a vanished file says so rather than ENOENT. */
export function describeReadError(file: string, error: unknown): string {
  if (errorCode(error) === 'ENOENT') return `${path.basename(file)} is no longer in ${path.dirname(file)}: it was moved, renamed or deleted`;
  return error instanceof Error ? error.message : String(error);
}
