import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import { eventChannels, invokeChannels, menuCommandSchema, systemOpenedFileSchema, type PlatformBridge } from '../shared/platform/bridge';

/**
 * Runs sandboxed, so it can require nothing but 'electron': the build bundles zod and the
 * bridge schemas into preload.cjs. The page gets these functions only, never ipcRenderer.
 * IPC events are withheld from the page's listeners: they carry the sender, which could
 * reach ipcRenderer.
 */
const bridge: PlatformBridge = {
  kind: 'electron',
  openFile: (request) => ipcRenderer.invoke(invokeChannels.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(invokeChannels.saveFile, request),
  appVersion: () => ipcRenderer.invoke(invokeChannels.appVersion),
  setLanguage: (language) => ipcRenderer.invoke(invokeChannels.setLanguage, language),
  showInFolder: (path) => ipcRenderer.invoke(invokeChannels.showInFolder, { path }),
  recentFiles: () => ipcRenderer.invoke(invokeChannels.recentFiles),
  openRecentFile: (path) => ipcRenderer.invoke(invokeChannels.openRecentFile, { path }),
  writeBackup: (request) => ipcRenderer.invoke(invokeChannels.writeBackup, request),
  listBackups: () => ipcRenderer.invoke(invokeChannels.listBackups),
  readBackup: (fileName) => ipcRenderer.invoke(invokeChannels.readBackup, { fileName }),
  printToPDF: (request) => ipcRenderer.invoke(invokeChannels.printToPDF, request),

  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      const parsed = menuCommandSchema.safeParse(command);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(eventChannels.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(eventChannels.menuCommand, forward);
    };
  },

  onFileOpened(listener) {
    let subscribed = true;
    const takeWaitingFiles = async (): Promise<void> => {
      if (!subscribed) return;
      const files = z.array(systemOpenedFileSchema).safeParse(await ipcRenderer.invoke(invokeChannels.takeOpenedFiles));
      // Delivered even if unsubscribed meanwhile: taken files are no longer in the main process's queue.
      if (files.success) for (const file of files.data) listener(file);
    };
    const nudge = (): void => void takeWaitingFiles();
    ipcRenderer.on(eventChannels.fileOpened, nudge);
    // Files that arrived before the page listened (a double-clicked file that launched the app).
    nudge();
    return () => {
      subscribed = false;
      ipcRenderer.removeListener(eventChannels.fileOpened, nudge);
    };
  },

  onBeforeClose(listener) {
    const prepare = (): void => {
      // Ready either way: a failed backup must not keep the window from closing.
      void Promise.resolve()
        .then(listener)
        .catch(() => undefined)
        .then(() => ipcRenderer.invoke(invokeChannels.readyToClose));
    };
    ipcRenderer.on(eventChannels.beforeClose, prepare);
    return () => {
      ipcRenderer.removeListener(eventChannels.beforeClose, prepare);
    };
  },
};

contextBridge.exposeInMainWorld('kakehashi', bridge);
