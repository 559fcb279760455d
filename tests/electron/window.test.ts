import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWebPreferences, createMainWindow, focusWindow } from '../../electron/window';
import { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
});

describe('web preferences', () => {
  it('isolate and sandbox the renderer, with Node and insecure content off', () => {
    // When
    const preferences = buildWebPreferences('/app/dist/electron/preload.cjs', true);

    // Then
    expect(preferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it.each([
    [true, false],
    [false, true],
  ])('when packaged is %s, devTools is %s', (isPackaged, devTools) => {
    // When
    const preferences = buildWebPreferences('/preload.cjs', isPackaged);

    // Then
    expect(preferences.devTools).toBe(devTools);
  });
});

describe('main window', () => {
  it('loads the app origin with the built preferences and shows only once painted', () => {
    // When
    createMainWindow('/preload.cjs', true);
    const [window] = FakeBrowserWindow.instances;

    // Then
    expect(window!.options.webPreferences).toEqual(buildWebPreferences('/preload.cjs', true));
    expect(window!.options.show).toBe(false);
    expect(window!.loadURL).toHaveBeenCalledExactlyOnceWith('kakehashi://app/index.html');
    expect(window!.show).not.toHaveBeenCalled();
    window!.emit('ready-to-show');
    expect(window!.show).toHaveBeenCalledOnce();
  });

  it('focusing a minimised window restores it first', () => {
    // Given
    const window = createMainWindow('/preload.cjs', true) as unknown as FakeBrowserWindow;
    window.minimized = true;

    // When
    focusWindow(window as never);

    // Then
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(window.restore.mock.invocationCallOrder[0]).toBeLessThan(window.focus.mock.invocationCallOrder[0]!);
  });
});
