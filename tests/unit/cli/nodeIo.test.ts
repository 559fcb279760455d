import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError } from '../../../cli/io';
import { nodeIo, writeFileAtomic } from '../../../cli/nodeIo';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kakehashi-cli-io-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the command line\'s Node file system', () => {
  it('writes a new file atomically and leaves no temporary file behind', async () => {
    const path = join(folder, 'out.csv');
    await writeFileAtomic(path, bytes('a,b\r\n'));
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(folder)).toEqual(['out.csv']);
  });

  it('replaces an existing file whole', async () => {
    const path = join(folder, 'out.csv');
    writeFileSync(path, 'an older, longer export that must not show through');
    await writeFileAtomic(path, bytes('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['out.csv']);
  });

  it('fails with the Node error code when the folder is missing or the target is a folder, leaving nothing behind', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'out.csv'), bytes('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(join(folder, 'taken'));
    await expect(writeFileAtomic(join(folder, 'taken'), bytes('x'))).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(readdirSync(folder)).toEqual(['taken']);
  });

  it('reads a file, and refuses one over 50 MB before reading it', async () => {
    const io = nodeIo();
    const small = join(folder, 'small.kakehashi');
    writeFileSync(small, '{}');
    expect(new TextDecoder().decode(await io.readFile(small))).toBe('{}');
    const huge = join(folder, 'huge.kakehashi');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024 + 1); // sparse: no 50 MB written to the disk
    await expect(io.readFile(huge)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(io.readFile(join(folder, 'none.kakehashi'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(io.readFile(folder)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('knows the same file by another spelling of its path, a symbolic link or a hard link', async () => {
    const io = nodeIo();
    const file = join(folder, 'ws.kakehashi');
    writeFileSync(file, '{}');
    symlinkSync(file, join(folder, 'symlink.kakehashi'));
    linkSync(file, join(folder, 'hardlink.kakehashi'));
    expect(await io.sameFile(file, join(folder, '.', 'sub', '..', 'ws.kakehashi'))).toBe(true);
    expect(await io.sameFile(file, join(folder, 'symlink.kakehashi'))).toBe(true);
    expect(await io.sameFile(join(folder, 'hardlink.kakehashi'), file)).toBe(true);
    expect(await io.sameFile(file, join(folder, 'other.csv'))).toBe(false);
    writeFileSync(join(folder, 'other.csv'), '{}');
    expect(await io.sameFile(file, join(folder, 'other.csv'))).toBe(false);
  });
});
