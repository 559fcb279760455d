import type { i18n } from 'i18next';
import { create } from 'zustand';
import type { OpenedFile, PlatformBridge, SystemOpenedFile } from '../../../shared/platform/bridge';
import { WORKSHOP_FILE_EXTENSION } from '../exportWorkshop';
import { navigate } from '../routing';
import { errorText } from '../ui/errors';

/**
 * Workshop files waiting to be opened, from wherever they came: the library's button, the
 * menu or Ctrl/Cmd+O, the recent list, the system (double-click, a second launch). The
 * library opens them one at a time (`OpenWorkshopFileFlow`), so a second file never
 * interrupts the questions about the first.
 */
interface IncomingFilesState {
  /** The file being opened; null when none is. */
  readonly current: SystemOpenedFile | null;
  readonly waiting: readonly SystemOpenedFile[];
  add(file: SystemOpenedFile): void;
  /** The current file is dealt with (opened, refused or cancelled): on to the next. */
  done(): void;
}

export const useIncomingFiles = create<IncomingFilesState>((set) => ({
  current: null,
  waiting: [],
  add: (file) => set((state) => (state.current === null ? { current: file } : { waiting: [...state.waiting, file] })),
  done: () => set((state) => ({ current: state.waiting[0] ?? null, waiting: state.waiting.slice(1) })),
}));

/** Hands a file to the library to open; the library is where the questions about it are asked. */
export function openIncomingFile(file: SystemOpenedFile): void {
  useIncomingFiles.getState().add(file);
  navigate({ name: 'library' });
}

/**
 * Shows the open dialog (a file picker in a browser) and queues the chosen file. A file the
 * platform could not read (too large, gone) is queued with the reason, so it is reported
 * like any other file that cannot be opened.
 */
export async function pickWorkshopFile(bridge: PlatformBridge, t: (key: 'workshopFile.openTitle' | 'exportFile.filterName') => string): Promise<void> {
  let file: OpenedFile | null;
  try {
    file = await bridge.openFile({
      title: t('workshopFile.openTitle'),
      filters: [{ name: t('exportFile.filterName'), extensions: [WORKSHOP_FILE_EXTENSION] }],
    });
  } catch (error) {
    openIncomingFile({ ok: false, name: '', path: '', reason: errorText(error) });
    return;
  }
  if (file) openIncomingFile({ ok: true, file });
}

/** Opens a file of the recent list; one that cannot be read is reported like any unreadable file. */
export async function openRecentWorkshopFile(bridge: PlatformBridge, path: string, name: string): Promise<void> {
  try {
    openIncomingFile({ ok: true, file: await bridge.openRecentFile(path) });
  } catch (error) {
    openIncomingFile({ ok: false, name, path, reason: errorText(error) });
  }
}

const isOpenShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'o' && !event.isComposing;

/**
 * Listens, for the app's lifetime, to every way a file can be asked to open outside the
 * library's own buttons: File → Open, Ctrl/Cmd+O, and the system. On the desktop Ctrl/Cmd+O
 * is the menu's accelerator; in a browser the page catches it (or the browser would show its
 * own open dialog), and the picker is opened within the key press, which browsers require.
 */
export function listenForWorkshopFiles(bridge: PlatformBridge, i18next: i18n, target: Window = window): () => void {
  const pick = () => void pickWorkshopFile(bridge, (key) => i18next.t(key));
  const stopMenu = bridge.onMenuCommand((command) => {
    if (command === 'file:open') pick();
  });
  const stopSystem = bridge.onFileOpened(openIncomingFile);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isOpenShortcut(event)) return;
    event.preventDefault();
    pick();
  };
  if (bridge.kind === 'browser') target.addEventListener('keydown', onKeyDown);
  return () => {
    stopMenu();
    stopSystem();
    target.removeEventListener('keydown', onKeyDown);
  };
}
