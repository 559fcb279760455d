import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, RecentFile } from '../shared/platform/bridge';

const LABELS = {
  ja: {
    file: 'ファイル',
    newWorkshop: '新しいワークショップ',
    open: 'ファイルを開く…',
    openRecent: '最近使ったファイル',
    noRecentFiles: '（なし）',
    library: 'ワークショップ一覧',
    trash: 'ごみ箱',
    quit: '終了',
    edit: '編集',
    undo: '元に戻す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべて選択',
    view: '表示',
    language: '言語',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    fullScreen: '全画面表示',
    presentation: 'プレゼンテーション モード',
    help: 'ヘルプ',
    about: 'Kakehashi について',
    hide: 'Kakehashi を隠す',
    hideOthers: 'ほかを隠す',
    showAll: 'すべてを表示',
  },
  en: {
    file: 'File',
    newWorkshop: 'New Workshop',
    open: 'Open File…',
    openRecent: 'Open Recent',
    noRecentFiles: '(None)',
    library: 'Workshop Library',
    trash: 'Trash',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    language: 'Language',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    presentation: 'Presentation Mode',
    help: 'Help',
    about: 'About Kakehashi',
    hide: 'Hide Kakehashi',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The UI language the menu starts in, before the renderer reports its own: Japanese for any ja* locale. */
export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The Open Recent submenu: the files, and what opening one does (the main process reads it). */
export interface RecentFilesMenu {
  readonly files: readonly RecentFile[];
  open(path: string): void;
}

/** Pure: menu items only call `send`, which forwards the command to the renderer, or open a recent file. */
export function buildMenuTemplate(
  language: Language,
  send: (command: MenuCommand) => void,
  isMac: boolean,
  recent: RecentFilesMenu,
): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const command = (label: string, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(menuCommand),
    ...(accelerator === undefined ? {} : { accelerator }),
  });

  // macOS keeps About and Quit in the application menu named after the app, so it needs no Help menu.
  const macAppMenu: MenuItemConstructorOptions = {
    label: 'Kakehashi',
    submenu: [
      command(t.about, 'help:about'),
      { type: 'separator' },
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      { type: 'separator' },
      { role: 'quit', label: t.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newWorkshop, 'workshop:new', 'CmdOrCtrl+N'),
      command(t.open, 'file:open', 'CmdOrCtrl+O'),
      {
        label: t.openRecent,
        submenu:
          recent.files.length === 0
            ? [{ label: t.noRecentFiles, enabled: false }]
            : // The folder is in the tooltip only: two files of the same name are told apart there.
              recent.files.map((file) => ({ label: file.name, toolTip: file.path, click: () => recent.open(file.path) })),
      },
      { type: 'separator' },
      command(t.library, 'library:show'),
      command(t.trash, 'library:show-trash'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      {
        label: t.language,
        submenu: [
          { ...command('日本語', 'language:ja'), type: 'radio', checked: language === 'ja' },
          { ...command('English', 'language:en'), type: 'radio', checked: language === 'en' },
        ],
      },
      { type: 'separator' },
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      command(t.presentation, 'view:presentation', 'F5'),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: t.help,
    submenu: [command(t.about, 'help:about')],
  };

  return isMac ? [macAppMenu, fileMenu, editMenu, viewMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}

export function setApplicationMenu(language: Language, send: (command: MenuCommand) => void, recent: RecentFilesMenu): void {
  const template = buildMenuTemplate(language, send, process.platform === 'darwin', recent);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
