import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { eventChannels, type MenuCommand } from '../shared/platform/bridge';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createFileHandlers } from './fileHandlers';
import { registerInvokeHandlers } from './ipc';
import { languageForLocale, setApplicationMenu } from './menu';
import { denyAllPermissions, guardAllWebContents } from './security';
import { createMainWindow, focusWindow } from './window';

// main.cjs and preload.cjs are built side by side into dist/electron, the renderer into dist/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow(PRELOAD_PATH, app.isPackaged);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(eventChannels.menuCommand, command);
}

function start(): void {
  denyAllPermissions();
  serveAppProtocol(RENDERER_DIR);
  setApplicationMenu(languageForLocale(app.getLocale()), sendMenuCommand);
  registerInvokeHandlers(() => mainWindow, {
    ...createFileHandlers(() => mainWindow),
    appVersion: () => app.getVersion(),
    setLanguage: (language) => setApplicationMenu(language, sendMenuCommand),
  });
  openMainWindow();
}

// A second launch (e.g. double-clicking the app again) must not open a second window on the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  guardAllWebContents();
  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  // macOS: clicking the dock icon with no window open reopens it (not before ready: the protocol is not served yet).
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}
