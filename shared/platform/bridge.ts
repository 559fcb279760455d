import { z } from 'zod';
import { parseBackupFileName } from '../workshopFile/backups';

/**
 * The one interface through which the renderer reaches the platform. The Electron preload
 * implements it over IPC; a browser implementation (file input, download link) serves when
 * the preload is absent. Every payload crossing IPC is described here so the main process
 * can validate it with the same schema the renderer was typed against.
 */

export const languageSchema = z.enum(['ja', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(200),
  extensions: z.array(z.string().regex(/^(\*|[a-z0-9]{1,16})$/i)).min(1).max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** 64 MiB: a workshop file or export is far smaller; larger payloads are refused. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const bytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, { message: 'file larger than 64 MiB' });

export const openFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(20),
});
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

export const openedFileSchema = z.object({
  /** File name without folder, e.g. `買掛金.kakehashi`. */
  name: z.string(),
  /** Absolute path on the desktop; null in the browser, which never reveals paths. */
  path: z.string().nullable(),
  data: bytesSchema,
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const saveFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name), { message: 'a file name, not a path' }),
  filters: z.array(fileFilterSchema).max(20),
  mimeType: z.string().max(200).optional(),
  data: bytesSchema,
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const savedFileSchema = z.object({
  name: z.string(),
  path: z.string().nullable(),
});
export type SavedFile = z.infer<typeof savedFileSchema>;

/**
 * Prints the app's window to a PDF file: A4 unless the page's print stylesheet says otherwise
 * (`@page`), backgrounds kept. The desktop asks where to save it first; a browser opens its own
 * print dialog instead, where "Save as PDF" is one of the printers.
 */
export const printToPDFRequestSchema = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name), { message: 'a file name, not a path' }),
  filters: z.array(fileFilterSchema).max(20),
  landscape: z.boolean().optional(),
});
export type PrintToPDFRequest = z.infer<typeof printToPDFRequestSchema>;

export const showInFolderRequestSchema = z.object({ path: z.string().min(1).max(4096) });

/**
 * A file the system asked the app to open (double-click, command line, a second launch, the
 * Open Recent menu): read by the main process, or the reason it could not be.
 */
export const systemOpenedFileSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: openedFileSchema }),
  z.object({ ok: z.literal(false), name: z.string(), path: z.string(), reason: z.string() }),
]);
export type SystemOpenedFile = z.infer<typeof systemOpenedFileSchema>;

/** A workshop file opened or saved lately, as the library's 「最近使ったファイル」 lists it. */
export const recentFileSchema = z.object({
  name: z.string().min(1).max(255),
  path: z.string().min(1).max(4096),
  usedAt: z.iso.datetime({ offset: true }),
});
export type RecentFile = z.infer<typeof recentFileSchema>;

export const recentFileRequestSchema = z.object({ path: z.string().min(1).max(4096) });

/**
 * An automatic backup's file name. `parseBackupFileName` alone would let a `/` or `\` through in
 * the workshop-name part, so a name that is not a plain file name is refused here: the main
 * process joins it to the backups folder.
 */
export const backupFileNameSchema = z
  .string()
  .max(255)
  .refine((name) => !/[\\/\u0000-\u001f]/.test(name) && parseBackupFileName(name) !== null, { message: 'not a backup file name' });

export const writeBackupRequestSchema = z.object({ fileName: backupFileNameSchema, data: bytesSchema });
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

export const backupRequestSchema = z.object({ fileName: backupFileNameSchema });

export const backupEntrySchema = z.object({
  fileName: z.string(),
  workshopId: z.string(),
  /** When it was written, to the second (from its name). */
  savedAt: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const menuCommandSchema = z.enum([
  'workshop:new',
  'file:open',
  'library:show',
  'library:show-trash',
  'language:ja',
  'language:en',
  'view:presentation',
  'help:about',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** IPC channel names, `domain:action`; the preload and main process accept only these. */
export const invokeChannels = {
  openFile: 'dialog:open-file',
  saveFile: 'dialog:save-file',
  appVersion: 'app:version',
  setLanguage: 'app:set-language',
  showInFolder: 'shell:show-in-folder',
  recentFiles: 'recent:list',
  openRecentFile: 'recent:open',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  takeOpenedFiles: 'file:take-opened',
  readyToClose: 'app:ready-to-close',
  printToPDF: 'print:to-pdf',
} as const;
export type InvokeChannel = (typeof invokeChannels)[keyof typeof invokeChannels];

/** The preload's own half of `onFileOpened` and `onBeforeClose`: invoke channels that are not bridge methods, never handed to the page. */
interface PreloadInvokeResults {
  takeOpenedFiles: SystemOpenedFile[];
  readyToClose: void;
}

/** What the main process answers on each invoke channel: what the bridge method promises, for most. */
export type InvokeResults = {
  [M in keyof typeof invokeChannels]: M extends keyof PreloadInvokeResults
    ? PreloadInvokeResults[M]
    : M extends keyof PlatformBridge
      ? Awaited<ReturnType<PlatformBridge[M]>>
      : never;
};

export const eventChannels = {
  menuCommand: 'menu:command',
  /** Carries nothing: the preload then takes the waiting files, so none is lost while the page loads. */
  fileOpened: 'file:opened',
  /** The window is about to close; it waits for `readyToClose` (or a time limit). */
  beforeClose: 'app:before-close',
} as const;

/** Request payload schema for each invoke channel (`z.undefined()` = no payload). */
export const invokePayloadSchemas = {
  [invokeChannels.openFile]: openFileRequestSchema,
  [invokeChannels.saveFile]: saveFileRequestSchema,
  [invokeChannels.appVersion]: z.undefined(),
  [invokeChannels.setLanguage]: languageSchema,
  [invokeChannels.showInFolder]: showInFolderRequestSchema,
  [invokeChannels.recentFiles]: z.undefined(),
  [invokeChannels.openRecentFile]: recentFileRequestSchema,
  [invokeChannels.writeBackup]: writeBackupRequestSchema,
  [invokeChannels.listBackups]: z.undefined(),
  [invokeChannels.readBackup]: backupRequestSchema,
  [invokeChannels.takeOpenedFiles]: z.undefined(),
  [invokeChannels.readyToClose]: z.undefined(),
  [invokeChannels.printToPDF]: printToPDFRequestSchema,
} as const satisfies Record<InvokeChannel, z.ZodType>;

export interface PlatformBridge {
  readonly kind: 'electron' | 'browser';
  /** Shows an open dialog and reads the chosen file; null when the user cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Shows a save dialog and writes atomically (desktop) or downloads (browser); null when cancelled. */
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  appVersion(): Promise<string>;
  /** Tells the platform the UI language, so native menus follow it. */
  setLanguage(language: Language): Promise<void>;
  /** Reveals a file the app opened or saved in the system file manager. */
  showInFolder(path: string): Promise<void>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Subscribes to files the system asks the app to open, including those that arrived before
   * the page listened (desktop; a browser tab never gets any).
   */
  onFileOpened(listener: (opened: SystemOpenedFile) => void): () => void;
  /** Workshop files opened or saved lately, newest first (none in a browser, which hides paths). */
  recentFiles(): Promise<RecentFile[]>;
  /** Reads a file of the recent list; any other path is refused. */
  openRecentFile(path: string): Promise<OpenedFile>;
  /** Writes an automatic backup (atomically), then keeps only the newest per workshop. */
  writeBackup(request: WriteBackupRequest): Promise<void>;
  /** Every automatic backup, newest first. Works without the library's database. */
  listBackups(): Promise<BackupEntry[]>;
  readBackup(fileName: string): Promise<OpenedFile>;
  /**
   * Runs `listener` before the app goes away: on the desktop the window waits for it (up to a
   * limit) before it closes; in a browser when the page is hidden, the last moment a tab
   * reliably runs code. One listener is expected: the automatic backups.
   */
  onBeforeClose(listener: () => Promise<void>): () => void;
  /**
   * Prints the window as it is (its print stylesheet applies) to a PDF the user saves — desktop;
   * a browser opens its print dialog and resolves null, as it never says what was done.
   */
  printToPDF(request: PrintToPDFRequest): Promise<SavedFile | null>;
}
