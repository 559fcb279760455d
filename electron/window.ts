import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './appUrl';

/** Pure, so the security-relevant settings can be asserted by tests. */
export function buildWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // A file dropped outside a drop zone must not replace the app with a file:// page.
    navigateOnDragDrop: false,
    devTools: !isPackaged,
  };
}

export function createMainWindow(preloadPath: string, isPackaged: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Kakehashi',
    backgroundColor: '#ffffff',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: buildWebPreferences(preloadPath, isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}
