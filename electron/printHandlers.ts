import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { PrintToPDFRequest, SavedFile } from '../shared/platform/bridge';
import { writeFileAtomic } from './atomicWrite';
import type { FileHistory } from './fileHistory';

export interface PrintHandlers {
  printToPDF(request: PrintToPDFRequest): Promise<SavedFile | null>;
}

/**
 * Printing the app window to PDF (the workshop report): the save dialog first, so a cancel
 * costs nothing, then Chromium's printToPDF on the window's own contents — the page's print
 * stylesheet and `@page` size apply — written atomically where the user chose. Only the app
 * window is ever printed: `registerInvokeHandlers` lets no other sender reach this.
 */
export function createPrintHandlers(getWindow: () => BrowserWindow | null, history: Pick<FileHistory, 'lastFolder' | 'rememberFolderOf'>): PrintHandlers {
  return {
    async printToPDF(request) {
      const window = getWindow();
      if (window === null || window.isDestroyed()) throw new Error('No window to print');
      const lastFolder = await history.lastFolder();
      const result = await dialog.showSaveDialog(window, {
        title: request.title,
        defaultPath: lastFolder === undefined ? request.suggestedName : path.join(lastFolder, request.suggestedName),
        filters: request.filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      const file = result.filePath;
      if (result.canceled || !file) return null;
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        landscape: request.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: true,
      });
      await writeFileAtomic(file, pdf);
      await history.rememberFolderOf(file);
      return { name: path.basename(file), path: file };
    },
  };
}
