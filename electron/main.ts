import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { eventChannels, type Language, type MenuCommand, type RecentFile } from '../shared/platform/bridge';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createBackupHandlers } from './backupFolder';
import { guardClose, type CloseGuard } from './closeGuard';
import { createFileHandlers } from './fileHandlers';
import { createFileHistory, type FileHistory } from './fileHistory';
import { registerInvokeHandlers } from './ipc';
import { createPrintHandlers } from './printHandlers';
import { languageForLocale, setApplicationMenu } from './menu';
import { denyAllPermissions, guardAllWebContents } from './security';
import { createOpenedFileQueue, workshopFilesInArguments, type OpenedFileQueue } from './systemOpen';
import { createMainWindow, focusWindow } from './window';

// main.cjs and preload.cjs are built side by side into dist/electron, the renderer into dist/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let closeGuard: CloseGuard | null = null;
let menuLanguage: Language = 'ja';
let recentFiles: readonly RecentFile[] = [];
/** Set by a quit (Cmd+Q, the Quit menu item): the close guard holds it back, so it is repeated once the window has closed. */
let quitting = false;

function openMainWindow(): void {
  const window = createMainWindow(PRELOAD_PATH, app.isPackaged);
  mainWindow = window;
  closeGuard = guardClose(window);
  window.on('closed', () => {
    mainWindow = null;
    closeGuard = null;
    if (quitting) app.quit();
  });
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(eventChannels.menuCommand, command);
}

function start(history: FileHistory, openedFiles: OpenedFileQueue): void {
  denyAllPermissions();
  serveAppProtocol(RENDERER_DIR);
  const installMenu = (): void =>
    setApplicationMenu(menuLanguage, sendMenuCommand, { files: recentFiles, open: (file) => void openedFiles.open(file) });
  const showRecentFiles = (files: readonly RecentFile[]): void => {
    recentFiles = files;
    installMenu();
  };
  menuLanguage = languageForLocale(app.getLocale());
  installMenu();
  void history.recentFiles().then(showRecentFiles);
  history.onRecentFilesChanged(() => void history.recentFiles().then(showRecentFiles));
  registerInvokeHandlers(() => mainWindow, {
    ...createFileHandlers(() => mainWindow, history),
    ...createBackupHandlers(path.join(app.getPath('userData'), 'backups')),
    ...createPrintHandlers(() => mainWindow, history),
    appVersion: () => app.getVersion(),
    setLanguage: (language) => {
      menuLanguage = language;
      installMenu();
    },
    takeOpenedFiles: () => openedFiles.take(),
    readyToClose: () => closeGuard?.readyToClose(),
  });
  openMainWindow();
  // Windows and Linux start the app with the double-clicked file on the command line.
  for (const file of workshopFilesInArguments(process.argv, process.cwd())) void openedFiles.open(file);
}

// A second launch (e.g. double-clicking the app again) must not open a second window on the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  guardAllWebContents();
  const history = createFileHistory(path.join(app.getPath('userData'), 'file-history.json'));
  const openedFiles = createOpenedFileQueue({
    notify: () => {
      if (mainWindow === null) return;
      focusWindow(mainWindow);
      mainWindow.webContents.send(eventChannels.fileOpened);
    },
    onRead: (file) => history.recordWorkshopFile(file),
    onMissing: (file) => history.forget(file),
  });
  // Windows and Linux: a file double-clicked while the app runs arrives on the second launch's command line.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    if (mainWindow !== null) focusWindow(mainWindow);
    for (const file of workshopFilesInArguments(argv, workingDirectory)) void openedFiles.open(file);
  });
  // macOS sends files as events, the first one possibly before `ready`: the queue holds it for the page.
  app.on('open-file', (event, file: string) => {
    event.preventDefault();
    void openedFiles.open(file);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // macOS: clicking the dock icon with no window open reopens it (not before ready: the protocol is not served yet).
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => start(history, openedFiles));
}
