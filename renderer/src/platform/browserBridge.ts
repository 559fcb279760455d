import type { MenuCommand, OpenFileRequest, OpenedFile, PlatformBridge, SaveFileRequest, SavedFile } from '../../../shared/platform/bridge';
import { createBrowserBackupStore, type BackupStore } from './browserBackups';

/**
 * The platform bridge when no Electron preload is present: a hidden file input to open,
 * a download link to save, backups in a database of their own. The browser never reveals
 * paths, so paths are null and there are no recent files to open again.
 */
export function createBrowserBridge(doc: Document = document, backups: BackupStore = createBrowserBackupStore()): PlatformBridge {
  return {
    kind: 'browser',
    openFile: (request) => pickFile(doc, request),
    saveFile: (request) => Promise.resolve(download(doc, request)),
    appVersion: () => Promise.resolve(__APP_VERSION__),
    // No native menu to translate in a browser tab.
    setLanguage: () => Promise.resolve(),
    showInFolder: () => Promise.reject(new Error('A browser cannot show files in a folder.')),
    onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
    // A tab is never asked by the system to open a file.
    onFileOpened: () => () => undefined,
    recentFiles: () => Promise.resolve([]),
    openRecentFile: () => Promise.reject(new Error('A browser has no recent files.')),
    ...backups,
    onBeforeClose: (listener) => onPageHidden(doc, listener),
    printToPDF: () => printPage(doc),
  };
}

/** The browser's print dialog, where "Save as PDF" is a printer; it never tells what was chosen. */
function printPage(doc: Document): Promise<null> {
  doc.defaultView?.print();
  return Promise.resolve(null);
}

/** A tab may be closed or discarded any time after it is hidden, and gets no reliable later chance. */
function onPageHidden(doc: Document, listener: () => Promise<void>): () => void {
  const prepare = (): void => {
    if (doc.visibilityState === 'hidden') void listener().catch(() => undefined);
  };
  doc.addEventListener('visibilitychange', prepare);
  return () => doc.removeEventListener('visibilitychange', prepare);
}

function acceptAttribute(request: OpenFileRequest): string {
  return request.filters
    .flatMap((filter) => filter.extensions)
    .filter((extension) => extension !== '*')
    .map((extension) => `.${extension}`)
    .join(',');
}

function pickFile(doc: Document, request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(request);
    input.style.display = 'none';
    const finish = () => input.remove();
    input.addEventListener('cancel', () => {
      finish();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      finish();
      if (!file) {
        resolve(null);
        return;
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ name: file.name, path: null, data: new Uint8Array(buffer) }),
        reject,
      );
    });
    doc.body.append(input);
    input.click();
  });
}

function download(doc: Document, request: SaveFileRequest): SavedFile {
  const blob = new Blob([request.data as Uint8Array<ArrayBuffer>], { type: request.mimeType ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name: request.suggestedName, path: null };
}
