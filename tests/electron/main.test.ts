import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../shared/platform/bridge';
import { click, FakeBrowserWindow, FakeWebContents, ipcEvent, menuItem, registeredHandler } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

/** Runs main.ts afresh, as Electron would on launch, and lets the `whenReady` continuation finish. */
async function launch(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
  await new Promise((resolve) => setImmediate(resolve));
}

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

function installedMenu(): MenuItemConstructorOptions[] {
  const [menu] = electron.Menu.setApplicationMenu.mock.lastCall!;
  return menu!.template;
}

const CONTENT = new TextEncoder().encode('{"type":"kakehashi-workshop"}');
let filesDir: string;

/** Lets reads and writes started by an event finish. */
/**
 * Waits until main has read the file(s) and told the page — however slow the disk is (the
 * recent list is written with fsync before the page is told).
 */
const fileOpenedSent = (times: number) =>
  vi.waitFor(
    () => expect(vi.mocked(theWindow().webContents.send).mock.calls.filter(([channel]) => channel === eventChannels.fileOpened)).toHaveLength(times),
    { timeout: 5000 },
  );

async function workshopFile(name: string): Promise<string> {
  const file = path.join(filesDir, name);
  await writeFile(file, CONTENT);
  return file;
}

const takeOpenedFiles = () => registeredHandler(electron, invokeChannels.takeOpenedFiles)(ipcEvent(theWindow()));

beforeEach(async () => {
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  FakeBrowserWindow.instances.length = 0;
  // Each test starts with an empty user-data folder, as on a first launch.
  for (const entry of await readdir(electron.app.userData)) await rm(path.join(electron.app.userData, entry), { recursive: true });
  filesDir = await mkdtemp(path.join(tmpdir(), 'kakehashi-main-'));
});

afterEach(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe('launch', () => {
  it('quits without opening a window when another instance holds the lock', async () => {
    // Given
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);

    // When
    await launch();

    // Then
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('registers the privileged scheme before ready, then serves it and opens the app origin', async () => {
    // When
    await launch();

    // Then
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
    expect(electron.protocol.handle).toHaveBeenCalledWith('kakehashi', expect.any(Function));
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(theWindow().loadURL).toHaveBeenCalledExactlyOnceWith('kakehashi://app/index.html');
    expect(theWindow().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false });
    expect(theWindow().options.webPreferences?.preload).toMatch(/preload\.cjs$/);
  });

  it('denies permissions and guards web contents from the start', async () => {
    // Given
    await launch();
    const contents = new FakeWebContents();
    const navigation = { preventDefault: vi.fn() };

    // When
    electron.app.emit('web-contents-created', {}, contents);
    contents.emit('will-navigate', navigation, 'https://example.com');

    // Then
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it.each([
    ['ja-JP', 'ファイル'],
    ['en-US', 'File'],
  ])('with the system locale %s, the menu starts with %s', async (locale, fileMenu) => {
    // Given
    electron.app.getLocale.mockReturnValueOnce(locale);

    // When
    await launch();

    // Then
    expect(installedMenu().map((item) => item.label)).toContain(fileMenu);
  });
});

describe('running app', () => {
  it('forwards a menu click to the window as a menu command', async () => {
    // Given
    await launch();

    // When
    click(menuItem(installedMenu(), ['ファイル', '新しいワークショップ']));

    // Then
    expect(theWindow().webContents.send).toHaveBeenCalledExactlyOnceWith(eventChannels.menuCommand, 'workshop:new');
  });

  it('rebuilds the menu in the language the renderer reports', async () => {
    // Given
    await launch();

    // When
    await registeredHandler(electron, invokeChannels.setLanguage)(ipcEvent(theWindow()), 'en');

    // Then
    expect(installedMenu().map((item) => item.label)).toContain('File');
  });

  it('answers the app version', async () => {
    // Given
    await launch();

    // When
    const version = await registeredHandler(electron, invokeChannels.appVersion)(ipcEvent(theWindow()));

    // Then
    expect(version).toBe('1.2.3');
  });

  it('focuses the existing window when the app is launched again', async () => {
    // Given
    await launch();
    theWindow().minimized = true;

    // When
    electron.app.emit('second-instance', {}, ['/opt/Kakehashi/kakehashi'], '/home/u');

    // Then
    expect(theWindow().restore).toHaveBeenCalledOnce();
    expect(theWindow().focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it.skipIf(process.platform === 'darwin')('quits when the window is closed (outside macOS)', async () => {
    // Given
    await launch();

    // When
    theWindow().emit('closed');
    electron.app.emit('window-all-closed');

    // Then
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('opens a new window on activate once the old one is closed', async () => {
    // Given
    await launch();
    electron.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(1);

    // When
    FakeBrowserWindow.instances[0]!.emit('closed');
    electron.app.emit('activate');

    // Then
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('does not open a window on activate before the app is ready', async () => {
    // Given
    await launch();
    FakeBrowserWindow.instances[0]!.emit('closed');
    electron.app.isReady.mockReturnValueOnce(false);

    // When
    electron.app.emit('activate');

    // Then
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('files opened from the system', () => {
  it('opens a file double-clicked while the app runs (second launch), focusing the window and telling the page', async () => {
    // Given
    await launch();
    const file = await workshopFile('買掛金.kakehashi');

    // When
    electron.app.emit('second-instance', {}, ['/opt/Kakehashi/kakehashi', '買掛金.kakehashi'], filesDir);
    await fileOpenedSent(1);

    // Then
    expect(theWindow().focus).toHaveBeenCalled();
    expect(theWindow().webContents.send).toHaveBeenCalledWith(eventChannels.fileOpened);
    expect(takeOpenedFiles()).toEqual([{ ok: true, file: { name: '買掛金.kakehashi', path: file, data: CONTENT } }]);
  });

  it('opens the file on the command line of the first launch', async () => {
    // Given
    const file = await workshopFile('経費.kakehashi');
    const argv = process.argv;
    process.argv = ['/opt/Kakehashi/kakehashi', file];

    // When
    try {
      await launch();
      await fileOpenedSent(1);
    } finally {
      process.argv = argv;
    }

    // Then
    expect(takeOpenedFiles()).toEqual([{ ok: true, file: { name: '経費.kakehashi', path: file, data: CONTENT } }]);
  });

  it('holds a file macOS sends before the page listens, and claims the event', async () => {
    // Given
    await launch();
    const file = await workshopFile('月次.kakehashi');
    const event = { preventDefault: vi.fn() };

    // When
    electron.app.emit('open-file', event, file);
    await fileOpenedSent(1);

    // Then
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(takeOpenedFiles()).toEqual([{ ok: true, file: { name: '月次.kakehashi', path: file, data: CONTENT } }]);
    expect(takeOpenedFiles()).toEqual([]);
  });

  it('lists an opened file under Open Recent, from where it opens again', async () => {
    // Given
    await launch();
    const file = await workshopFile('買掛金.kakehashi');
    electron.app.emit('open-file', { preventDefault: vi.fn() }, file);
    await fileOpenedSent(1);
    takeOpenedFiles();

    // When
    click(menuItem(installedMenu(), ['ファイル', '最近使ったファイル', '買掛金.kakehashi']));
    await fileOpenedSent(2);

    // Then
    expect(electron.app.addRecentDocument).toHaveBeenCalledWith(file);
    expect(takeOpenedFiles()).toEqual([{ ok: true, file: { name: '買掛金.kakehashi', path: file, data: CONTENT } }]);
    const recent = await registeredHandler(electron, invokeChannels.recentFiles)(ipcEvent(theWindow()));
    expect(recent).toEqual([expect.objectContaining({ name: '買掛金.kakehashi', path: file })]);
  });

  it('refuses to read a file of another kind named by the system', async () => {
    // Given
    await launch();
    const file = path.join(filesDir, 'id_rsa');
    await writeFile(file, 'secret');

    // When
    electron.app.emit('open-file', { preventDefault: vi.fn() }, file);
    await fileOpenedSent(1);

    // Then
    expect(takeOpenedFiles()).toEqual([{ ok: false, name: 'id_rsa', path: file, reason: 'id_rsa is not a Kakehashi workshop file (.kakehashi)' }]);
  });
});

describe('closing', () => {
  it('asks the page to write its last backups before the window closes', async () => {
    // Given
    await launch();
    const closed = vi.fn();
    theWindow().on('closed', closed);

    // When
    theWindow().close();
    expect(theWindow().webContents.send).toHaveBeenCalledWith(eventChannels.beforeClose);
    expect(closed).not.toHaveBeenCalled();
    await registeredHandler(electron, invokeChannels.readyToClose)(ipcEvent(theWindow()));

    // Then
    expect(closed).toHaveBeenCalledOnce();
  });

  it('completes a quit the wait held back', async () => {
    // Given
    await launch();
    electron.app.emit('before-quit');
    theWindow().close();
    expect(electron.app.quit).not.toHaveBeenCalled();

    // When
    await registeredHandler(electron, invokeChannels.readyToClose)(ipcEvent(theWindow()));

    // Then
    expect(electron.app.quit).toHaveBeenCalled();
  });
});

describe('automatic backups', () => {
  it('are written into the backups folder of the user-data folder and listed from there', async () => {
    // Given
    await launch();
    const fileName = '買掛金業務--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi';

    // When
    await registeredHandler(electron, invokeChannels.writeBackup)(ipcEvent(theWindow()), { fileName, data: CONTENT });
    const listed = await registeredHandler(electron, invokeChannels.listBackups)(ipcEvent(theWindow()));

    // Then
    expect(existsSync(path.join(electron.app.userData, 'backups', fileName))).toBe(true);
    expect(listed).toEqual([{ fileName, workshopId: 'workshop:V1StGXR8_Z5jdHi6B', savedAt: '2026-11-24T14:30:00Z', size: CONTENT.byteLength }]);
  });
});
