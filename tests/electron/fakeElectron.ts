import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/appUrl';

/**
 * Stand-ins for the parts of Electron the main process and preload use. The real module
 * cannot load here (its binary is never downloaded), so each test file does:
 *   const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
 *   vi.mock('electron', () => electron);
 */

export interface FakeFrame {
  processId: number;
  routingId: number;
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { processId: 1, routingId: 1, url: APP_ENTRY_URL, parent: null };
  readonly setWindowOpenHandler = vi.fn<(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => void>();
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;
  /** Like Electron: emits a cancellable 'close', and 'closed' unless a listener prevented it. */
  readonly close = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  });

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function createFakeElectron() {
  // A fresh, empty user-data folder for each fake.
  const userData = mkdtempSync(path.join(tmpdir(), 'kakehashi-user-data-'));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    isReady: vi.fn(() => true),
    getLocale: vi.fn(() => 'ja-JP'),
    getVersion: vi.fn(() => '1.2.3'),
    userData,
    getPath: vi.fn((name: string): string => {
      if (name !== 'userData') throw new Error(`the fake knows only userData, not ${name}`);
      return userData;
    }),
    addRecentDocument: vi.fn((_path: string) => undefined),
  });
  const permissionRequestHandlers: Array<(contents: unknown, permission: string, callback: (granted: boolean) => void) => void> = [];
  const permissionCheckHandlers: Array<(...args: unknown[]) => boolean> = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn<(channel: string, handler: (event: IpcMainInvokeEvent, payload?: unknown) => unknown) => void>() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined) }),
    contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn<(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) => void>(),
      handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
    },
    session: {
      defaultSession: {
        permissionRequestHandlers,
        permissionCheckHandlers,
        setPermissionRequestHandler: vi.fn((handler: (typeof permissionRequestHandlers)[number]) => {
          permissionRequestHandlers.push(handler);
        }),
        setPermissionCheckHandler: vi.fn((handler: (typeof permissionCheckHandlers)[number]) => {
          permissionCheckHandlers.push(handler);
        }),
      },
    },
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined), showItemInFolder: vi.fn((_path: string) => undefined) },
    Menu: {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
      setApplicationMenu: vi.fn((_menu: { template: MenuItemConstructorOptions[] } | null) => undefined),
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The IPC event Electron would pass for a message from `frame` of `window`'s web contents. */
export function ipcEvent(window: FakeBrowserWindow, frame: FakeFrame | null = window.webContents.mainFrame): IpcMainInvokeEvent {
  return { sender: window.webContents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

/** The handler the code under test registered for `channel` with ipcMain.handle. */
export function registeredHandler(electron: FakeElectron, channel: string): (event: IpcMainInvokeEvent, payload?: unknown) => unknown {
  const registration = electron.ipcMain.handle.mock.calls.find(([registered]) => registered === channel);
  if (registration === undefined) throw new Error(`nothing registered for ${channel}`);
  return registration[1];
}

/** Finds a menu item by its labels from the top, e.g. ['File', 'New Workshop']. */
export function menuItem(template: MenuItemConstructorOptions[], labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((item) => item.label === label);
    if (found === undefined) throw new Error(`no menu item "${label}" in ${labels.join(' > ')}`);
    items = Array.isArray(found.submenu) ? found.submenu : [];
  }
  if (found === undefined) throw new Error('no labels given');
  return found;
}

/** Clicks a menu item the way Electron would (the click arguments are not used by the app). */
export function click(item: MenuItemConstructorOptions): void {
  if (item.click === undefined) throw new Error(`menu item "${item.label}" has no click handler`);
  (item.click as () => void)();
}
