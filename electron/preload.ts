import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannels, invokeChannels, menuCommandSchema, type PlatformBridge } from '../shared/platform/bridge';

/**
 * Runs sandboxed, so it can require nothing but 'electron': the build bundles zod and the
 * bridge schemas into preload.cjs. The page gets these functions only, never ipcRenderer.
 */
const bridge: PlatformBridge = {
  kind: 'electron',
  openFile: (request) => ipcRenderer.invoke(invokeChannels.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(invokeChannels.saveFile, request),
  appVersion: () => ipcRenderer.invoke(invokeChannels.appVersion),
  setLanguage: (language) => ipcRenderer.invoke(invokeChannels.setLanguage, language),
  showInFolder: (path) => ipcRenderer.invoke(invokeChannels.showInFolder, { path }),
  onMenuCommand(listener) {
    // The IPC event is withheld from the page: it carries the sender, which could reach ipcRenderer.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      const parsed = menuCommandSchema.safeParse(command);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(eventChannels.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(eventChannels.menuCommand, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kakehashi', bridge);
