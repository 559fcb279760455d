import { z } from 'zod';

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

export const showInFolderRequestSchema = z.object({ path: z.string().min(1).max(4096) });

export const menuCommandSchema = z.enum([
  'workshop:new',
  'library:show',
  'library:show-trash',
  'language:ja',
  'language:en',
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
} as const;
export type InvokeChannel = (typeof invokeChannels)[keyof typeof invokeChannels];

export const eventChannels = {
  menuCommand: 'menu:command',
} as const;

/** Request payload schema for each invoke channel (`z.undefined()` = no payload). */
export const invokePayloadSchemas = {
  [invokeChannels.openFile]: openFileRequestSchema,
  [invokeChannels.saveFile]: saveFileRequestSchema,
  [invokeChannels.appVersion]: z.undefined(),
  [invokeChannels.setLanguage]: languageSchema,
  [invokeChannels.showInFolder]: showInFolderRequestSchema,
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
}
