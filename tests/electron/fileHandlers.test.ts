import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/platform/bridge';
import { createFileHandlers, type FileHandlers } from '../../electron/fileHandlers';
import { createFileHistory, type FileHistory } from '../../electron/fileHistory';
import { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const filters = [{ name: 'Kakehashi workshop', extensions: ['kakehashi'] }];
const CONTENT = new TextEncoder().encode('{"title":"買掛金"}');

let dir: string;
let historyFile: string;
let window: FakeBrowserWindow;
let history: FileHistory;
let files: FileHandlers;

const userPicksToOpen = (file: string): void => {
  electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
};
const userPicksToSave = (file: string): void => {
  electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
};

beforeEach(async () => {
  vi.clearAllMocks();
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-files-'));
  historyFile = path.join(dir, 'user-data', 'file-history.json');
  window = new FakeBrowserWindow({});
  history = createFileHistory(historyFile);
  files = createFileHandlers(() => window as unknown as BrowserWindow, history);
});

/** The app started again: the same user-data folder, nothing held in memory. */
function restart(): void {
  history = createFileHistory(historyFile);
  files = createFileHandlers(() => window as unknown as BrowserWindow, history);
}

async function saveWorkshopFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  userPicksToSave(file);
  await files.saveFile({ suggestedName: name, filters, data: CONTENT });
  return file;
}

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openFile', () => {
  it('returns the chosen file name, path and bytes', async () => {
    // Given
    const file = path.join(dir, '買掛金.kakehashi');
    await writeFile(file, CONTENT);
    userPicksToOpen(file);

    // When
    const opened = await files.openFile({ title: 'Open', filters });

    // Then
    expect(opened).toEqual({ name: '買掛金.kakehashi', path: file, data: CONTENT });
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Open', filters }));
  });

  it('returns null when the user cancels', async () => {
    // When / Then
    expect(await files.openFile({ filters })).toBeNull();
  });

  it('refuses a file larger than the limit', async () => {
    // Given
    const file = path.join(dir, 'huge.kakehashi');
    await writeFile(file, '');
    await truncate(file, MAX_FILE_BYTES + 1);
    userPicksToOpen(file);

    // When (mapped to a string, so a failure reports "read" rather than printing 64 MiB of bytes)
    const outcome = await files.openFile({ filters }).then(
      () => 'read',
      (error: Error) => error.message,
    );

    // Then
    expect(outcome).toBe('huge.kakehashi is larger than 64 MiB');
  });
});

describe('saveFile', () => {
  it('suggests the name, writes the bytes and returns where they went', async () => {
    // Given
    const file = path.join(dir, 'saved.kakehashi');
    userPicksToSave(file);

    // When
    const saved = await files.saveFile({ suggestedName: '買掛金.kakehashi', filters, data: CONTENT });

    // Then
    expect(saved).toEqual({ name: 'saved.kakehashi', path: file });
    expect(new Uint8Array(await readFile(file))).toEqual(CONTENT);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '買掛金.kakehashi' }));
  });

  it('suggests the folder used last time in this session', async () => {
    // Given a file saved into dir
    userPicksToSave(path.join(dir, 'first.kakehashi'));
    await files.saveFile({ suggestedName: 'first.kakehashi', filters, data: CONTENT });

    // When
    await files.saveFile({ suggestedName: 'second.kakehashi', filters, data: CONTENT });

    // Then
    expect(electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: path.join(dir, 'second.kakehashi') }),
    );
  });

  it('returns null and writes nothing when the user cancels', async () => {
    // When
    const saved = await files.saveFile({ suggestedName: 'x.kakehashi', filters, data: CONTENT });

    // Then
    expect(saved).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the folder used last', () => {
  it('is where the open dialog starts, also after a restart', async () => {
    // Given a file opened from a sub-folder
    const folder = path.join(dir, 'workshops');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.kakehashi'), CONTENT);
    userPicksToOpen(path.join(folder, 'a.kakehashi'));
    await files.openFile({ filters });

    // When
    restart();
    await files.openFile({ filters });

    // Then
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ defaultPath: folder }));
  });

  it('is remembered for an export of another kind too', async () => {
    // Given
    userPicksToSave(path.join(dir, 'backlog.csv'));
    await files.saveFile({ suggestedName: 'backlog.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: CONTENT });

    // When
    restart();
    await files.saveFile({ suggestedName: 'next.csv', filters, data: CONTENT });

    // Then
    expect(electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ defaultPath: path.join(dir, 'next.csv') }));
  });
});

describe('recent files', () => {
  it('lists workshop files opened or saved, newest first, and tells the system', async () => {
    // Given
    const saved = await saveWorkshopFile('saved.kakehashi');
    const opened = path.join(dir, 'opened.kakehashi');
    await writeFile(opened, CONTENT);
    userPicksToOpen(opened);
    await files.openFile({ filters });

    // When
    const recent = await files.recentFiles();

    // Then
    expect(recent.map((file) => [file.name, file.path])).toEqual([
      ['opened.kakehashi', opened],
      ['saved.kakehashi', saved],
    ]);
    expect(electron.app.addRecentDocument.mock.calls).toEqual([[saved], [opened]]);
  });

  it('leaves out exports that are not workshop files', async () => {
    // Given
    userPicksToSave(path.join(dir, 'backlog.csv'));
    await files.saveFile({ suggestedName: 'backlog.csv', filters, data: CONTENT });

    // When / Then
    expect(await files.recentFiles()).toEqual([]);
  });

  it('opens a file of the list and moves it to the top', async () => {
    // Given
    const first = await saveWorkshopFile('first.kakehashi');
    await saveWorkshopFile('second.kakehashi');

    // When
    const opened = await files.openRecentFile({ path: first });

    // Then
    expect(opened).toEqual({ name: 'first.kakehashi', path: first, data: CONTENT });
    expect((await files.recentFiles()).map((file) => file.name)).toEqual(['first.kakehashi', 'second.kakehashi']);
  });

  it.each([
    ['a file never opened', '/etc/passwd'],
    ['a workshop file not in the list', '/home/u/other.kakehashi'],
  ])('refuses %s', async (_case, file) => {
    // When / Then
    await expect(files.openRecentFile({ path: file })).rejects.toThrow('Only files of the recent list can be opened this way');
  });

  it('says a file that is gone was moved or deleted, and drops it from the list', async () => {
    // Given
    const file = await saveWorkshopFile('moved.kakehashi');
    await rm(file);

    // When
    const outcome = files.openRecentFile({ path: file });

    // Then
    await expect(outcome).rejects.toThrow(`moved.kakehashi is no longer in ${dir}: it was moved, renamed or deleted`);
    expect(await files.recentFiles()).toEqual([]);
  });
});

describe('showInFolder', () => {
  it('refuses a path this session neither opened nor saved', () => {
    // When / Then
    expect(() => files.showInFolder({ path: '/etc/passwd' })).toThrow(/Only files opened or saved in this session/);
    expect(electron.shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('reveals a file this session saved', async () => {
    // Given
    const file = path.join(dir, 'saved.kakehashi');
    userPicksToSave(file);
    await files.saveFile({ suggestedName: 'saved.kakehashi', filters, data: CONTENT });

    // When
    files.showInFolder({ path: file });

    // Then
    expect(electron.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('reveals a file this session opened', async () => {
    // Given
    const file = path.join(dir, 'opened.kakehashi');
    await writeFile(file, CONTENT);
    userPicksToOpen(file);
    await files.openFile({ filters });

    // When
    files.showInFolder({ path: file });

    // Then
    expect(electron.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(file);
  });
});
