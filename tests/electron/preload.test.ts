import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels, type PlatformBridge } from '../../shared/platform/bridge';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

let bridge: PlatformBridge;
const BACKUP_NAME = '買掛金業務--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi';
const opened = (name: string) => ({ ok: true, file: { name, path: `/home/u/${name}`, data: new Uint8Array([1]) } });

/** Lets the preload's pending invoke promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  // Given the preload has run
  await import('../../electron/preload');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as PlatformBridge;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.removeAllListeners();
});

describe('the exposed bridge', () => {
  it('is exposed once, as window.kakehashi, with only the bridge members', () => {
    // Then
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('kakehashi');
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'appVersion',
        'kind',
        'listBackups',
        'onBeforeClose',
        'onFileOpened',
        'onMenuCommand',
        'openFile',
        'openRecentFile',
        'printToPDF',
        'readBackup',
        'recentFiles',
        'saveFile',
        'setLanguage',
        'showInFolder',
        'writeBackup',
      ].sort(),
    );
    expect(bridge.kind).toBe('electron');
  });

  it('never hands out ipcRenderer or its methods', () => {
    // Then
    const members = Object.values(bridge);
    expect(members).not.toContain(electron.ipcRenderer);
    expect(members).not.toContain(electron.ipcRenderer.invoke);
    expect(members).not.toContain(electron.ipcRenderer.on);
  });

  it.each<[string, (bridge: PlatformBridge) => Promise<unknown>, string, unknown[]]>([
    ['openFile', (b) => b.openFile({ filters: [] }), invokeChannels.openFile, [{ filters: [] }]],
    ['appVersion', (b) => b.appVersion(), invokeChannels.appVersion, []],
    ['setLanguage', (b) => b.setLanguage('en'), invokeChannels.setLanguage, ['en']],
    ['showInFolder', (b) => b.showInFolder('/home/u/a.kakehashi'), invokeChannels.showInFolder, [{ path: '/home/u/a.kakehashi' }]],
    ['recentFiles', (b) => b.recentFiles(), invokeChannels.recentFiles, []],
    ['openRecentFile', (b) => b.openRecentFile('/home/u/a.kakehashi'), invokeChannels.openRecentFile, [{ path: '/home/u/a.kakehashi' }]],
    ['listBackups', (b) => b.listBackups(), invokeChannels.listBackups, []],
    ['readBackup', (b) => b.readBackup(BACKUP_NAME), invokeChannels.readBackup, [{ fileName: BACKUP_NAME }]],
    [
      'printToPDF',
      (b) => b.printToPDF({ suggestedName: 'report.pdf', filters: [] }),
      invokeChannels.printToPDF,
      [{ suggestedName: 'report.pdf', filters: [] }],
    ],
    [
      'writeBackup',
      (b) => b.writeBackup({ fileName: BACKUP_NAME, data: new Uint8Array([1]) }),
      invokeChannels.writeBackup,
      [{ fileName: BACKUP_NAME, data: new Uint8Array([1]) }],
    ],
  ])('%s invokes its fixed channel', async (_method, call, channel, args) => {
    // When
    await call(bridge);

    // Then
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args);
  });

  it('saveFile sends the request, bytes included, on its channel', async () => {
    // Given
    const request = { suggestedName: 'a.kakehashi', filters: [], data: new Uint8Array([7]) };

    // When
    await bridge.saveFile(request);

    // Then
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannels.saveFile, request);
  });
});

describe('onMenuCommand', () => {
  it('passes a valid command, and only the command, to the listener', () => {
    // Given
    const listener = vi.fn();
    bridge.onMenuCommand(listener);

    // When
    electron.ipcRenderer.emit(eventChannels.menuCommand, { sender: electron.ipcRenderer }, 'workshop:new');

    // Then
    expect(listener).toHaveBeenCalledExactlyOnceWith('workshop:new');
  });

  it.each(['rm -rf /', 42, { command: 'workshop:new' }, undefined])('drops the invalid command %j', (command) => {
    // Given
    const listener = vi.fn();
    bridge.onMenuCommand(listener);

    // When
    electron.ipcRenderer.emit(eventChannels.menuCommand, {}, command);

    // Then
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling the listener after unsubscribing', () => {
    // Given
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);

    // When
    unsubscribe();
    electron.ipcRenderer.emit(eventChannels.menuCommand, {}, 'help:about');

    // Then
    expect(listener).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.listenerCount(eventChannels.menuCommand)).toBe(0);
  });
});

describe('onFileOpened', () => {
  it('takes the files that arrived before the page listened, then those announced later', async () => {
    // Given a file waiting in the main process
    electron.ipcRenderer.invoke.mockResolvedValueOnce([opened('first.kakehashi')]);
    const listener = vi.fn();

    // When the page subscribes, and the main process announces another file
    bridge.onFileOpened(listener);
    await settle();
    electron.ipcRenderer.invoke.mockResolvedValueOnce([opened('second.kakehashi')]);
    electron.ipcRenderer.emit(eventChannels.fileOpened, { sender: electron.ipcRenderer });
    await settle();

    // Then
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[invokeChannels.takeOpenedFiles], [invokeChannels.takeOpenedFiles]]);
    expect(listener.mock.calls).toEqual([[opened('first.kakehashi')], [opened('second.kakehashi')]]);
  });

  it('passes on a file that could not be read, with its reason', async () => {
    // Given
    const unreadable = { ok: false, name: 'gone.kakehashi', path: '/home/u/gone.kakehashi', reason: 'moved' };
    electron.ipcRenderer.invoke.mockResolvedValueOnce([unreadable]);
    const listener = vi.fn();

    // When
    bridge.onFileOpened(listener);
    await settle();

    // Then
    expect(listener).toHaveBeenCalledExactlyOnceWith(unreadable);
  });

  it('drops an answer that is not a list of opened files', async () => {
    // Given
    electron.ipcRenderer.invoke.mockResolvedValueOnce([{ ok: true, file: { name: 'x', path: null, data: 'not bytes' } }]);
    const listener = vi.fn();

    // When
    bridge.onFileOpened(listener);
    await settle();

    // Then
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops taking files after unsubscribing', async () => {
    // Given
    const unsubscribe = bridge.onFileOpened(vi.fn());
    await settle();
    electron.ipcRenderer.invoke.mockClear();

    // When
    unsubscribe();
    electron.ipcRenderer.emit(eventChannels.fileOpened, {});
    await settle();

    // Then
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.listenerCount(eventChannels.fileOpened)).toBe(0);
  });
});

describe('onBeforeClose', () => {
  it('runs the listener, then tells the main process the window may close', async () => {
    // Given
    const order: string[] = [];
    electron.ipcRenderer.invoke.mockImplementationOnce(async (channel: string) => void order.push(channel));
    bridge.onBeforeClose(async () => {
      await settle();
      order.push('backups written');
    });

    // When
    electron.ipcRenderer.emit(eventChannels.beforeClose, {});
    await settle();
    await settle();

    // Then
    expect(order).toEqual(['backups written', invokeChannels.readyToClose]);
  });

  it('lets the window close even when the listener fails', async () => {
    // Given
    bridge.onBeforeClose(async () => {
      throw new Error('disk full');
    });

    // When
    electron.ipcRenderer.emit(eventChannels.beforeClose, {});
    await settle();

    // Then
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannels.readyToClose);
  });
});
