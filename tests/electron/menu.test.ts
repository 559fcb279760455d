import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/platform/bridge';
import { buildMenuTemplate, languageForLocale, setApplicationMenu } from '../../electron/menu';
import { click, menuItem } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const send = vi.fn<(command: MenuCommand) => void>();

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('menu template', () => {
  it('is in Japanese for ja', () => {
    // When
    const template = buildMenuTemplate('ja', send, false);

    // Then
    expect(template.map((item) => item.label)).toEqual(['ファイル', '編集', '表示', 'ヘルプ']);
    expect(menuItem(template, ['ファイル']).submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: '新しいワークショップ', accelerator: 'CmdOrCtrl+N' })]),
    );
  });

  it('is in English for en', () => {
    // When
    const template = buildMenuTemplate('en', send, false);

    // Then
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it.each<[string[], MenuCommand]>([
    [['ファイル', '新しいワークショップ'], 'workshop:new'],
    [['ファイル', 'ワークショップ一覧'], 'library:show'],
    [['ファイル', 'ごみ箱'], 'library:show-trash'],
    [['表示', '言語', 'English'], 'language:en'],
    [['表示', '言語', '日本語'], 'language:ja'],
    [['ヘルプ', 'Kakehashi について'], 'help:about'],
  ])('clicking %j sends %s', (labels, command) => {
    // Given
    const template = buildMenuTemplate('ja', send, false);

    // When
    click(menuItem(template, labels));

    // Then
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('checks the current language in the language submenu', () => {
    // When
    const template = buildMenuTemplate('en', send, false);

    // Then
    expect(menuItem(template, ['View', 'Language', 'English'])).toMatchObject({ type: 'radio', checked: true });
    expect(menuItem(template, ['View', 'Language', '日本語'])).toMatchObject({ type: 'radio', checked: false });
  });

  it('labels the edit roles in Japanese', () => {
    // When
    const edit = menuItem(buildMenuTemplate('ja', send, false), ['編集']);

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
    const roles = allItems(buildMenuTemplate('en', send, false)).map((item) => item.role);

    // Then
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('reload');
  });

  it('quits from the File menu on Windows and Linux', () => {
    // When
    const file = menuItem(buildMenuTemplate('ja', send, false), ['ファイル']);

    // Then
    expect(file.submenu).toEqual(expect.arrayContaining([{ role: 'quit', label: '終了' }]));
  });

  it('on macOS puts About and Quit in the app menu instead', () => {
    // When
    const template = buildMenuTemplate('en', send, true);

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
    setApplicationMenu('en', send);

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
