import { open } from 'node:fs/promises';
import path from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import {
  MAX_FILE_BYTES,
  type OpenFileRequest,
  type OpenedFile,
  type SaveFileRequest,
  type SavedFile,
} from '../shared/platform/bridge';
import { writeFileAtomic } from './atomicWrite';

export interface FileHandlers {
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  showInFolder(request: { path: string }): void;
}

/**
 * The file dialogs and what they remember for this session: the last folder used, and the
 * files the user picked — the only ones the renderer may ask to reveal in the file manager.
 */
export function createFileHandlers(getWindow: () => BrowserWindow | null): FileHandlers {
  const chosenFiles = new Set<string>();
  let lastFolder: string | undefined;

  const remember = (file: string): void => {
    chosenFiles.add(file);
    lastFolder = path.dirname(file);
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
        defaultPath: lastFolder,
        filters: request.filters,
        properties: ['openFile'],
      });
      const file = result.filePaths[0];
      if (result.canceled || file === undefined) return null;
      const data = await readLimitedFile(file);
      remember(file);
      return { name: path.basename(file), path: file, data };
    },

    async saveFile(request) {
      const result = await dialog.showSaveDialog(parentWindow(), {
        title: request.title,
        defaultPath: lastFolder === undefined ? request.suggestedName : path.join(lastFolder, request.suggestedName),
        filters: request.filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      const file = result.filePath;
      if (result.canceled || !file) return null;
      await writeFileAtomic(file, request.data);
      remember(file);
      return { name: path.basename(file), path: file };
    },

    showInFolder({ path: file }) {
      if (!chosenFiles.has(file)) throw new Error('Only files opened or saved in this session can be shown in their folder');
      shell.showItemInFolder(file);
    },
  };
}

/** Refuses files over the bridge's size limit before reading them into memory. */
async function readLimitedFile(file: string): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) throw new Error(`${path.basename(file)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const contents = await handle.readFile();
    return new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength);
  } finally {
    await handle.close();
  }
}
