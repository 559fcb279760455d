import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHistory, MAX_RECENT_FILES } from '../../electron/fileHistory';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

let dir: string;
let storeFile: string;
let clock: number;
const now = () => new Date(Date.UTC(2026, 10, 24, 9, 0) + clock++ * 1000).toISOString();

beforeEach(async () => {
  vi.clearAllMocks();
  clock = 0;
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-history-'));
  storeFile = path.join(dir, 'file-history.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const recentEntry = (name: string) => ({ name, path: `/home/u/${name}`, usedAt: '2026-11-24T09:00:00.000Z' });

describe('file history', () => {
  it('starts empty when nothing was stored', async () => {
    // When
    const history = createFileHistory(storeFile, now);

    // Then
    expect(await history.recentFiles()).toEqual([]);
    expect(await history.lastFolder()).toBeUndefined();
  });

  it('keeps the newest ten workshop files, each once, and survives a restart', async () => {
    // Given
    const history = createFileHistory(storeFile, now);
    for (let n = 1; n <= 12; n++) await history.recordWorkshopFile(`/home/u/ws-${n}.kakehashi`);
    await history.recordWorkshopFile('/home/u/ws-5.kakehashi');

    // When
    const restarted = createFileHistory(storeFile, now);

    // Then
    const names = (await restarted.recentFiles()).map((file) => file.name);
    expect(names).toHaveLength(MAX_RECENT_FILES);
    expect(names.slice(0, 3)).toEqual(['ws-5.kakehashi', 'ws-12.kakehashi', 'ws-11.kakehashi']);
    expect(names.filter((name) => name === 'ws-5.kakehashi')).toHaveLength(1);
    expect(await restarted.lastFolder()).toBe('/home/u');
  });

  it.each([
    ['not JSON', '{"recentFiles": ['],
    ['a JSON array', '[1, 2]'],
    ['the wrong types', '{"lastFolder": 42, "recentFiles": "all of them"}'],
  ])('treats a store that is %s as empty', async (_case, text) => {
    // Given
    await writeFile(storeFile, text);

    // When
    const history = createFileHistory(storeFile, now);

    // Then
    expect(await history.recentFiles()).toEqual([]);
    expect(await history.lastFolder()).toBeUndefined();
  });

  it('drops the entries that fail validation and keeps the others', async () => {
    // Given
    const stored = {
      lastFolder: '/home/u',
      recentFiles: [recentEntry('good.kakehashi'), { name: 'no path.kakehashi' }, { ...recentEntry('bad date.kakehashi'), usedAt: 'yesterday' }],
    };
    await writeFile(storeFile, JSON.stringify(stored));

    // When
    const history = createFileHistory(storeFile, now);

    // Then
    expect(await history.recentFiles()).toEqual([recentEntry('good.kakehashi')]);
    expect(await history.lastFolder()).toBe('/home/u');
  });

  it('adds each workshop file to the system recent documents too', async () => {
    // When
    await createFileHistory(storeFile, now).recordWorkshopFile('/home/u/a.kakehashi');

    // Then
    expect(electron.app.addRecentDocument).toHaveBeenCalledExactlyOnceWith('/home/u/a.kakehashi');
  });

  it('remembers the folder of any other file without listing it', async () => {
    // Given
    const history = createFileHistory(storeFile, now);

    // When
    await history.rememberFolderOf('/home/u/exports/backlog.csv');

    // Then
    expect(await history.lastFolder()).toBe('/home/u/exports');
    expect(await history.recentFiles()).toEqual([]);
    expect(JSON.parse(await readFile(storeFile, 'utf8'))).toMatchObject({ lastFolder: '/home/u/exports' });
  });

  it('tells its listeners when the recent list changed, and only then', async () => {
    // Given
    const history = createFileHistory(storeFile, now);
    const listener = vi.fn();
    history.onRecentFilesChanged(listener);

    // When
    await history.recordWorkshopFile('/home/u/a.kakehashi');
    await history.rememberFolderOf('/home/u/b.csv');
    await history.forget('/home/u/not-listed.kakehashi');
    await history.forget('/home/u/a.kakehashi');

    // Then
    expect(listener).toHaveBeenCalledTimes(2);
    expect(await history.recentFiles()).toEqual([]);
  });

  it('still answers when the store cannot be written', async () => {
    // Given a store whose folder is a file
    await writeFile(path.join(dir, 'blocked'), '');
    const history = createFileHistory(path.join(dir, 'blocked', 'file-history.json'), now);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    // When
    await history.recordWorkshopFile('/home/u/a.kakehashi');

    // Then
    expect((await history.recentFiles()).map((file) => file.name)).toEqual(['a.kakehashi']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
