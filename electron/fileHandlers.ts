import path from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { OpenFileRequest, OpenedFile, RecentFile, SaveFileRequest, SavedFile } from '../shared/platform/bridge';
import { writeFileAtomic } from './atomicWrite';
import type { FileHistory } from './fileHistory';
import { describeReadError, errorCode, isWorkshopFilePath, readLimitedFile, readWorkshopFileAt } from './readFile';

export interface FileHandlers {
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  showInFolder(request: { path: string }): void;
  recentFiles(): Promise<RecentFile[]>;
  openRecentFile(request: { path: string }): Promise<OpenedFile>;
}

/**
 * The file dialogs and the files the renderer may name afterwards: those the user picked in
 * this session (to reveal in the file manager) and those of the recent list (to open again).
 * Every other path the renderer sends is refused.
 */
export function createFileHandlers(getWindow: () => BrowserWindow | null, history: FileHistory): FileHandlers {
  const chosenFiles = new Set<string>();

  const remember = async (file: string): Promise<void> => {
    chosenFiles.add(file);
    await (isWorkshopFilePath(file) ? history.recordWorkshopFile(file) : history.rememberFolderOf(file));
  };
  const parentWindow = (): BrowserWindow => {
    const window = getWindow();
    if (window === null) throw new Error('No window to attach the dialog to');
    return window;
  };

  return {
    async openFile(request) {
      const result = await dialog.showOpenDialog(parentWindow(), {
        title: request.title,
        defaultPath: await history.lastFolder(),
        filters: request.filters,
        properties: ['openFile'],
      });
      const file = result.filePaths[0];
      if (result.canceled || file === undefined) return null;
      const data = await readLimitedFile(file);
      await remember(file);
      return { name: path.basename(file), path: file, data };
    },

    async saveFile(request) {
      const lastFolder = await history.lastFolder();
      const result = await dialog.showSaveDialog(parentWindow(), {
        title: request.title,
        defaultPath: lastFolder === undefined ? request.suggestedName : path.join(lastFolder, request.suggestedName),
        filters: request.filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      const file = result.filePath;
      if (result.canceled || !file) return null;
      await writeFileAtomic(file, request.data);
      await remember(file);
      return { name: path.basename(file), path: file };
    },

    showInFolder({ path: file }) {
      if (!chosenFiles.has(file)) throw new Error('Only files opened or saved in this session can be shown in their folder');
      shell.showItemInFolder(file);
    },

    recentFiles: () => history.recentFiles(),

    async openRecentFile({ path: file }) {
      const recent = await history.recentFiles();
      if (!recent.some((entry) => entry.path === file)) throw new Error('Only files of the recent list can be opened this way');
      let data: Uint8Array<ArrayBuffer>;
      try {
        data = await readWorkshopFileAt(file);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') await history.forget(file);
        throw new Error(describeReadError(file, error));
      }
      await remember(file);
      return { name: path.basename(file), path: file, data };
    },
  };
}
