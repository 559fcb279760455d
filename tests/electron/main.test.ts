import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  FakeBrowserWindow.instances.length = 0;
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
    electron.app.emit('second-instance');

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
