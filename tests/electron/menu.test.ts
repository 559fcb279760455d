import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/platform/bridge';
import { buildMenuTemplate, languageForLocale, setApplicationMenu, type RecentFilesMenu } from '../../electron/menu';
import { click, menuItem } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const send = vi.fn<(command: MenuCommand) => void>();
const openRecent = vi.fn<(path: string) => void>();
const noRecentFiles: RecentFilesMenu = { files: [], open: openRecent };
const twoRecentFiles: RecentFilesMenu = {
  files: [
    { name: '買掛金.kakehashi', path: '/home/u/ws/買掛金.kakehashi', usedAt: '2026-11-24T10:00:00.000Z' },
    { name: '経費.kakehashi', path: '/home/u/経費.kakehashi', usedAt: '2026-11-23T10:00:00.000Z' },
  ],
  open: openRecent,
};

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('menu template', () => {
  it('is in Japanese for ja', () => {
    // When
    const template = buildMenuTemplate('ja', send, false, noRecentFiles);

    // Then
    expect(template.map((item) => item.label)).toEqual(['ファイル', '編集', '表示', 'ヘルプ']);
    expect(menuItem(template, ['ファイル']).submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: '新しいワークショップ', accelerator: 'CmdOrCtrl+N' })]),
    );
  });

  it('is in English for en', () => {
    // When
    const template = buildMenuTemplate('en', send, false, noRecentFiles);

    // Then
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it.each<[string[], MenuCommand]>([
    [['ファイル', '新しいワークショップ'], 'workshop:new'],
    [['ファイル', 'ファイルを開く…'], 'file:open'],
    [['ファイル', 'ワークショップ一覧'], 'library:show'],
    [['ファイル', 'ごみ箱'], 'library:show-trash'],
    [['表示', '言語', 'English'], 'language:en'],
    [['表示', '言語', '日本語'], 'language:ja'],
    [['ヘルプ', 'Kakehashi について'], 'help:about'],
  ])('clicking %j sends %s', (labels, command) => {
    // Given
    const template = buildMenuTemplate('ja', send, false, noRecentFiles);

    // When
    click(menuItem(template, labels));

    // Then
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('opens a file with Ctrl/Cmd+O', () => {
    // When
    const template = buildMenuTemplate('en', send, false, noRecentFiles);

    // Then
    expect(menuItem(template, ['File', 'Open File…'])).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
  });

  it('lists the recent files by name, the path in the tooltip, and opens the one clicked', () => {
    // Given
    const template = buildMenuTemplate('ja', send, false, twoRecentFiles);

    // When
    click(menuItem(template, ['ファイル', '最近使ったファイル', '経費.kakehashi']));

    // Then
    const submenu = menuItem(template, ['ファイル', '最近使ったファイル']).submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => [item.label, item.toolTip])).toEqual([
      ['買掛金.kakehashi', '/home/u/ws/買掛金.kakehashi'],
      ['経費.kakehashi', '/home/u/経費.kakehashi'],
    ]);
    expect(openRecent).toHaveBeenCalledExactlyOnceWith('/home/u/経費.kakehashi');
    expect(send).not.toHaveBeenCalled();
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    // When
    const template = buildMenuTemplate('en', send, false, noRecentFiles);

    // Then
    expect(menuItem(template, ['File', 'Open Recent']).submenu).toEqual([{ label: '(None)', enabled: false }]);
  });

  it('checks the current language in the language submenu', () => {
    // When
    const template = buildMenuTemplate('en', send, false, noRecentFiles);

    // Then
    expect(menuItem(template, ['View', 'Language', 'English'])).toMatchObject({ type: 'radio', checked: true });
    expect(menuItem(template, ['View', 'Language', '日本語'])).toMatchObject({ type: 'radio', checked: false });
  });

  it('labels the edit roles in Japanese', () => {
    // When
    const edit = menuItem(buildMenuTemplate('ja', send, false, noRecentFiles), ['編集']);

    // Then
    expect(edit.submenu).toEqual([
      { role: 'undo', label: '元に戻す' },
      { role: 'redo', label: 'やり直す' },
      { type: 'separator' },
      { role: 'cut', label: '切り取り' },
      { role: 'copy', label: 'コピー' },
      { role: 'paste', label: '貼り付け' },
      { role: 'selectAll', label: 'すべて選択' },
    ]);
  });

  it('offers zoom and full screen but no developer tools or reload', () => {
    // When
    const roles = allItems(buildMenuTemplate('en', send, false, noRecentFiles)).map((item) => item.role);

    // Then
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('reload');
  });

  it('quits from the File menu on Windows and Linux', () => {
    // When
    const file = menuItem(buildMenuTemplate('ja', send, false, noRecentFiles), ['ファイル']);

    // Then
    expect(file.submenu).toEqual(expect.arrayContaining([{ role: 'quit', label: '終了' }]));
  });

  it('on macOS puts About and Quit in the app menu instead', () => {
    // When
    const template = buildMenuTemplate('en', send, true, noRecentFiles);

    // Then
    expect(template.map((item) => item.label)).toEqual(['Kakehashi', 'File', 'Edit', 'View']);
    expect(menuItem(template, ['Kakehashi']).submenu).toEqual(expect.arrayContaining([{ role: 'quit', label: 'Quit' }]));
    expect(menuItem(template, ['File']).submenu).not.toEqual(expect.arrayContaining([expect.objectContaining({ role: 'quit' })]));
    click(menuItem(template, ['Kakehashi', 'About Kakehashi']));
    expect(send).toHaveBeenCalledExactlyOnceWith('help:about');
  });
});

describe('application menu', () => {
  it('installs the template built for the language', () => {
    // When
    setApplicationMenu('en', send, noRecentFiles);

    // Then
    const [installed] = electron.Menu.setApplicationMenu.mock.calls[0]!;
    expect(installed!.template.map((item) => item.label)).toContain('File');
  });
});

describe('languageForLocale', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA-jp', 'ja'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ])('maps %j to %s', (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });
});
