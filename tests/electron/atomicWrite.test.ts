import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFileSystem } from '../../electron/atomicWrite';

const nodeFs: AtomicWriteFileSystem = {
  open: fsPromises.open,
  copyFile: fsPromises.copyFile,
  rename: fsPromises.rename,
  rm: fsPromises.rm,
};
const ORIGINAL = new TextEncoder().encode('{"version":1,"title":"買掛金"}');
const UPDATED = new TextEncoder().encode('{"version":2,"title":"買掛金（改訂）"}');

let dir: string;
let target: string;

const failing = (code: string) => async (): Promise<never> => {
  throw Object.assign(new Error(`simulated ${code}`), { code });
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-atomic-'));
  target = path.join(dir, 'workshop.kakehashi');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    // When
    await writeFileAtomic(target, UPDATED);

    // Then
    expect(new Uint8Array(await readFile(target))).toEqual(UPDATED);
    expect(await readdir(dir)).toEqual(['workshop.kakehashi']);
  });

  it('replaces an existing file and keeps the previous version as .bak', async () => {
    // Given
    await writeFile(target, ORIGINAL);
    await writeFile(`${target}.bak`, 'an older backup');

    // When
    await writeFileAtomic(target, UPDATED);

    // Then
    expect(new Uint8Array(await readFile(target))).toEqual(UPDATED);
    expect(new Uint8Array(await readFile(`${target}.bak`))).toEqual(ORIGINAL);
    expect((await readdir(dir)).sort()).toEqual(['workshop.kakehashi', 'workshop.kakehashi.bak']);
  });

  it('replaces an existing file without a .bak when told not to keep the previous version', async () => {
    // Given
    await writeFile(target, ORIGINAL);

    // When
    await writeFileAtomic(target, UPDATED, { keepPrevious: false });

    // Then
    expect(new Uint8Array(await readFile(target))).toEqual(UPDATED);
    expect(await readdir(dir)).toEqual(['workshop.kakehashi']);
  });

  it.each<[string, Partial<AtomicWriteFileSystem>]>([
    ['the rename fails', { rename: failing('EXDEV') }],
    ['the backup copy fails', { copyFile: failing('EACCES') }],
  ])('when %s, the original stays byte-identical and no temp file remains', async (_step, failure) => {
    // Given
    await writeFile(target, ORIGINAL);

    // When
    const result = writeFileAtomic(target, UPDATED, { fs: { ...nodeFs, ...failure } });

    // Then
    await expect(result).rejects.toThrow(/simulated/);
    expect(new Uint8Array(await readFile(target))).toEqual(ORIGINAL);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('when writing the data fails, the original stays and no temp file remains', async () => {
    // Given a disk that fills up while the temp file is written
    await writeFile(target, ORIGINAL);
    const diskFull: AtomicWriteFileSystem['open'] = async (file, flags) => {
      const handle = await fsPromises.open(file, flags);
      return Object.assign(handle, { writeFile: failing('ENOSPC') });
    };

    // When
    const result = writeFileAtomic(target, UPDATED, { fs: { ...nodeFs, open: diskFull } });

    // Then
    await expect(result).rejects.toThrow(/ENOSPC/);
    expect(new Uint8Array(await readFile(target))).toEqual(ORIGINAL);
    expect(await readdir(dir)).toEqual(['workshop.kakehashi']);
  });

  it('when the target is a folder, fails without touching it or leaving a temp file', async () => {
    // Given
    await fsPromises.mkdir(target);

    // When
    const result = writeFileAtomic(target, UPDATED);

    // Then
    await expect(result).rejects.toThrow();
    expect((await fsPromises.stat(target)).isDirectory()).toBe(true);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it.each(['EISDIR', 'EPERM'])('still succeeds where the folder cannot be synced (%s, as on Windows)', async (code) => {
    // Given
    const noDirectorySync: AtomicWriteFileSystem['open'] = async (file, flags) =>
      file === dir ? failing(code)() : fsPromises.open(file, flags);

    // When
    await writeFileAtomic(target, UPDATED, { fs: { ...nodeFs, open: noDirectorySync } });

    // Then
    expect(new Uint8Array(await readFile(target))).toEqual(UPDATED);
  });

  it('reports any other failure to sync the folder', async () => {
    // Given
    const brokenDisk: AtomicWriteFileSystem['open'] = async (file, flags) =>
      file === dir ? failing('EIO')() : fsPromises.open(file, flags);

    // When / Then
    await expect(writeFileAtomic(target, UPDATED, { fs: { ...nodeFs, open: brokenDisk } })).rejects.toThrow(/EIO/);
  });
});
