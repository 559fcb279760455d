import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels, type PlatformBridge } from '../../shared/platform/bridge';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

let bridge: PlatformBridge;

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
      ['appVersion', 'kind', 'onMenuCommand', 'openFile', 'saveFile', 'setLanguage', 'showInFolder'].sort(),
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
