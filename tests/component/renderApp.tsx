import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Language, MenuCommand, OpenedFile, OpenFileRequest, PlatformBridge, RecentFile, SystemOpenedFile } from '../../shared/platform/bridge';
import { App } from '../../renderer/src/App';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { useRowProblems } from '../../renderer/src/db/rowProblems';
import { useSaveStatus } from '../../renderer/src/db/saveStatus';
import { createI18n } from '../../renderer/src/i18n';
import { useNotices } from '../../renderer/src/ui/notices';
import { createBrowserBackupStore } from '../../renderer/src/platform/browserBackups';

let databaseCount = 0;
let backupStoreCount = 0;

export function fakeBridge() {
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const fileListeners = new Set<(opened: SystemOpenedFile) => void>();
  const closeListeners = new Set<() => Promise<void>>();
  const bridge = {
    kind: 'browser' as const,
    openFile: vi.fn(async (_request: OpenFileRequest): Promise<OpenedFile | null> => null),
    saveFile: vi.fn(async (request: { suggestedName: string }) => ({ name: request.suggestedName, path: null })),
    appVersion: vi.fn(async () => '9.9.9'),
    setLanguage: vi.fn(async (_language: Language) => undefined),
    showInFolder: vi.fn(async () => undefined),
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onFileOpened: (listener: (opened: SystemOpenedFile) => void) => {
      fileListeners.add(listener);
      return () => fileListeners.delete(listener);
    },
    recentFiles: vi.fn(async (): Promise<RecentFile[]> => []),
    openRecentFile: vi.fn(async (path: string): Promise<OpenedFile> => {
      throw new Error(`${path} is not in the recent list`);
    }),
    // The browser's backup store, on a database of its own per test.
    ...createBrowserBackupStore(`component-test-backups-${++backupStoreCount}`),
    onBeforeClose: (listener: () => Promise<void>) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    printToPDF: vi.fn(async (request: { suggestedName: string }) => ({ name: request.suggestedName, path: null })),
  } satisfies PlatformBridge;
  const sendMenuCommand = (command: MenuCommand) => menuListeners.forEach((listener) => listener(command));
  /** As if the system asked the app to open a file (double-click, second launch, Open Recent). */
  const openFromSystem = (opened: SystemOpenedFile) => fileListeners.forEach((listener) => listener(opened));
  /** As if the window were closing: resolves once every listener is done. */
  const closeWindow = () => Promise.all([...closeListeners].map((listener) => listener()));
  return { bridge, sendMenuCommand, openFromSystem, closeWindow };
}

/** Renders the whole app on a fresh database, in Japanese unless told otherwise. */
export function renderApp(options: { language?: Language; openDatabase?: () => Promise<KakehashiDatabase>; db?: KakehashiDatabase } = {}) {
  useSaveStatus.setState({ pending: 0, lastSavedAt: null, failure: null });
  useRowProblems.setState({ problems: new Map() });
  useNotices.setState({ notices: [] });
  const db = options.db ?? new KakehashiDatabase(`component-test-${++databaseCount}`);
  const { bridge, sendMenuCommand, openFromSystem, closeWindow } = fakeBridge();
  const openDatabase = options.openDatabase ?? (async () => (await db.open(), db));
  const view = render(<App i18n={createI18n(options.language ?? 'ja')} bridge={bridge} openDatabase={openDatabase} />);
  return { ...view, db, bridge, sendMenuCommand, openFromSystem, closeWindow };
}
