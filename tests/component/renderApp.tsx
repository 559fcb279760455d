import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Language, MenuCommand, PlatformBridge } from '../../shared/platform/bridge';
import { App } from '../../renderer/src/App';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { useRowProblems } from '../../renderer/src/db/rowProblems';
import { useSaveStatus } from '../../renderer/src/db/saveStatus';
import { createI18n } from '../../renderer/src/i18n';
import { useNotices } from '../../renderer/src/ui/notices';

let databaseCount = 0;

export function fakeBridge() {
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const bridge = {
    kind: 'browser' as const,
    openFile: vi.fn(async () => null),
    saveFile: vi.fn(async (request: { suggestedName: string }) => ({ name: request.suggestedName, path: null })),
    appVersion: vi.fn(async () => '9.9.9'),
    setLanguage: vi.fn(async (_language: Language) => undefined),
    showInFolder: vi.fn(async () => undefined),
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
  } satisfies PlatformBridge;
  const sendMenuCommand = (command: MenuCommand) => menuListeners.forEach((listener) => listener(command));
  return { bridge, sendMenuCommand };
}

/** Renders the whole app on a fresh database, in Japanese unless told otherwise. */
export function renderApp(options: { language?: Language; openDatabase?: () => Promise<KakehashiDatabase>; db?: KakehashiDatabase } = {}) {
  useSaveStatus.setState({ pending: 0, lastSavedAt: null, failure: null });
  useRowProblems.setState({ problems: new Map() });
  useNotices.setState({ notices: [] });
  const db = options.db ?? new KakehashiDatabase(`component-test-${++databaseCount}`);
  const { bridge, sendMenuCommand } = fakeBridge();
  const openDatabase = options.openDatabase ?? (async () => (await db.open(), db));
  const view = render(<App i18n={createI18n(options.language ?? 'ja')} bridge={bridge} openDatabase={openDatabase} />);
  return { ...view, db, bridge, sendMenuCommand };
}
