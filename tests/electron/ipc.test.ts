import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../shared/platform/bridge';
import { registerInvokeHandlers, type InvokeHandlers } from '../../electron/ipc';
import { FakeBrowserWindow, ipcEvent, registeredHandler } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const BACKUP_NAME = '買掛金業務--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi';
const validSave = {
  suggestedName: '買掛金.kakehashi',
  filters: [{ name: 'Kakehashi workshop', extensions: ['kakehashi'] }],
  data: new Uint8Array([1, 2, 3]),
};

let window: FakeBrowserWindow;
let handlers: { [M in keyof InvokeHandlers]: ReturnType<typeof vi.fn<InvokeHandlers[M]>> };

beforeEach(() => {
  vi.clearAllMocks();
  // Given the app window and spy handlers registered behind the guard
  window = new FakeBrowserWindow({});
  handlers = {
    openFile: vi.fn<InvokeHandlers['openFile']>(async () => null),
    saveFile: vi.fn<InvokeHandlers['saveFile']>(async () => ({ name: 'a.kakehashi', path: '/tmp/a.kakehashi' })),
    appVersion: vi.fn<InvokeHandlers['appVersion']>(() => '1.2.3'),
    setLanguage: vi.fn<InvokeHandlers['setLanguage']>(() => undefined),
    showInFolder: vi.fn<InvokeHandlers['showInFolder']>(() => undefined),
    recentFiles: vi.fn<InvokeHandlers['recentFiles']>(async () => []),
    openRecentFile: vi.fn<InvokeHandlers['openRecentFile']>(async ({ path }) => ({ name: 'a.kakehashi', path, data: new Uint8Array() })),
    writeBackup: vi.fn<InvokeHandlers['writeBackup']>(async () => undefined),
    listBackups: vi.fn<InvokeHandlers['listBackups']>(async () => []),
    readBackup: vi.fn<InvokeHandlers['readBackup']>(async ({ fileName }) => ({ name: fileName, path: `/backups/${fileName}`, data: new Uint8Array() })),
    takeOpenedFiles: vi.fn<InvokeHandlers['takeOpenedFiles']>(() => []),
    readyToClose: vi.fn<InvokeHandlers['readyToClose']>(() => undefined),
    printToPDF: vi.fn<InvokeHandlers['printToPDF']>(async () => ({ name: 'report.pdf', path: '/tmp/report.pdf' })),
  };
  registerInvokeHandlers(() => window as unknown as BrowserWindow, handlers);
});

const invoke = (channel: string, event = ipcEvent(window), payload?: unknown): Promise<unknown> =>
  Promise.resolve().then(() => registeredHandler(electron, channel)(event, payload));

describe('registration', () => {
  it('registers exactly the bridge channels', () => {
    // Then
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.sort()).toEqual(Object.values(invokeChannels).sort());
  });
});

describe('a trusted sender', () => {
  it('reaches the handler with the validated payload', async () => {
    // When
    const result = await invoke(invokeChannels.saveFile, ipcEvent(window), validSave);

    // Then
    expect(result).toEqual({ name: 'a.kakehashi', path: '/tmp/a.kakehashi' });
    expect(handlers.saveFile).toHaveBeenCalledExactlyOnceWith(validSave);
  });

  it.each<[string, string, unknown, keyof InvokeHandlers]>([
    ['a backup to write', invokeChannels.writeBackup, { fileName: BACKUP_NAME, data: new Uint8Array([1]) }, 'writeBackup'],
    ['a backup to read', invokeChannels.readBackup, { fileName: BACKUP_NAME }, 'readBackup'],
    ['the backups list', invokeChannels.listBackups, undefined, 'listBackups'],
    ['a recent file', invokeChannels.openRecentFile, { path: '/home/u/a.kakehashi' }, 'openRecentFile'],
    ['the recent list', invokeChannels.recentFiles, undefined, 'recentFiles'],
    ['the waiting files', invokeChannels.takeOpenedFiles, undefined, 'takeOpenedFiles'],
    ['ready to close', invokeChannels.readyToClose, undefined, 'readyToClose'],
    ['a report to print', invokeChannels.printToPDF, { suggestedName: 'report.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }, 'printToPDF'],
  ])('reaches the handler for %s', async (_case, channel, payload, method) => {
    // When
    await invoke(channel, ipcEvent(window), payload);

    // Then
    expect(handlers[method]).toHaveBeenCalledExactlyOnceWith(payload);
  });

  it('gets the app version without a payload', async () => {
    // When / Then
    await expect(invoke(invokeChannels.appVersion)).resolves.toBe('1.2.3');
  });
});

describe('a foreign sender is refused', () => {
  const cases: Array<[string, () => Parameters<typeof invoke>[1]]> = [
    ['the main frame showing another origin', () => ipcEvent(window, { ...window.webContents.mainFrame, url: 'https://example.com/' })],
    [
      'a subframe on the app origin',
      () => ipcEvent(window, { processId: 1, routingId: 2, url: 'kakehashi://app/frame.html', parent: window.webContents.mainFrame }),
    ],
    ['a frame that is gone', () => ipcEvent(window, null)],
    [
      'another web contents',
      () => {
        const other = new FakeBrowserWindow({});
        return { ...ipcEvent(other), senderFrame: window.webContents.mainFrame } as ReturnType<typeof ipcEvent>;
      },
    ],
  ];

  it.each(cases)('from %s', async (_sender, event) => {
    // When
    const result = invoke(invokeChannels.appVersion, event());

    // Then
    await expect(result).rejects.toThrow(/app:version: refused a message from a frame other than the app window/);
    expect(handlers.appVersion).not.toHaveBeenCalled();
  });

  it('when there is no window', async () => {
    // Given
    electron.ipcMain.handle.mockClear();
    registerInvokeHandlers(() => null, handlers);

    // When
    const result = invoke(invokeChannels.appVersion, ipcEvent(window));

    // Then
    await expect(result).rejects.toThrow(/refused/);
    expect(handlers.appVersion).not.toHaveBeenCalled();
  });
});

describe('a malformed payload is refused', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['a path as suggestedName', invokeChannels.saveFile, { ...validSave, suggestedName: '../../.bashrc' }, /suggestedName: a file name, not a path/],
    ['missing data', invokeChannels.saveFile, { ...validSave, data: undefined }, /data:/],
    ['data as a string', invokeChannels.saveFile, { ...validSave, data: 'AQID' }, /data:/],
    ['data as an array of numbers', invokeChannels.saveFile, { ...validSave, data: [1, 2, 3] }, /data:/],
    ['a filter extension with a dot', invokeChannels.openFile, { filters: [{ name: 'x', extensions: ['.exe'] }] }, /filters\.0\.extensions\.0:/],
    ['an unknown language', invokeChannels.setLanguage, 'fr', /app:set-language: invalid payload \(\(payload\):/],
    ['a path that is not a string', invokeChannels.showInFolder, { path: 42 }, /path:/],
    ['a payload where none is expected', invokeChannels.appVersion, { evil: true }, /app:version: invalid payload/],
    ['a backup name climbing out of the folder', invokeChannels.readBackup, { fileName: `../../${BACKUP_NAME}` }, /fileName: not a backup file name/],
    ['a backup name with a backslash', invokeChannels.writeBackup, { fileName: `..\\${BACKUP_NAME}`, data: new Uint8Array() }, /fileName: not a backup file name/],
    ['a backup name with a NUL', invokeChannels.readBackup, { fileName: `a\u0000${BACKUP_NAME}` }, /fileName: not a backup file name/],
    ['a file that is not a backup', invokeChannels.readBackup, { fileName: 'file-history.json' }, /fileName: not a backup file name/],
    ['a backup as a string', invokeChannels.writeBackup, { fileName: BACKUP_NAME, data: '{}' }, /data:/],
    ['a report name that is a path', invokeChannels.printToPDF, { suggestedName: '../report.pdf', filters: [] }, /suggestedName: a file name, not a path/],
    ['a report request that is not an object', invokeChannels.printToPDF, 'report.pdf', /print:to-pdf: invalid payload/],
    ['a recent file without a path', invokeChannels.openRecentFile, {}, /path:/],
    ['a payload to take the waiting files', invokeChannels.takeOpenedFiles, 'all', /file:take-opened: invalid payload/],
    ['a payload to get ready to close', invokeChannels.readyToClose, { force: true }, /app:ready-to-close: invalid payload/],
  ])('%s', async (_case, channel, payload, message) => {
    // When
    const result = invoke(channel, ipcEvent(window), payload);

    // Then
    await expect(result).rejects.toThrow(`${channel}: invalid payload`);
    await expect(result).rejects.toThrow(message);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
