import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createWorkshop } from '../../renderer/src/db/workshopRepository';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { renderApp } from './renderApp';

async function createThroughDialog(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: '新しいワークショップ' }));
  const dialog = screen.getByRole('dialog', { name: '新しいワークショップ' });
  await user.type(within(dialog).getByLabelText('ワークショップ名'), name);
  await user.click(within(dialog).getByRole('button', { name: '作成' }));
}

describe('workshop library', () => {
  it('given an empty library, creating a workshop opens it, and the library lists it with its process count', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByText(/ワークショップはまだありません/)).toBeTruthy();
    await createThroughDialog(user, '買掛金業務ワークショップ');
    expect(await screen.findByRole('heading', { level: 1, name: '買掛金業務ワークショップ' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('save-indicator').textContent).toBe('保存済み'));

    await user.type(await screen.findByPlaceholderText('業務プロセス名（例: 買掛金支払）'), '買掛金支払{Enter}');
    expect(await screen.findByText('買掛金支払')).toBeTruthy();

    await user.click(screen.getByRole('link', { name: /ワークショップ一覧/ }));
    const row = await screen.findByTestId('workshop-row');
    expect(within(row).getByText('買掛金業務ワークショップ')).toBeTruthy();
    await waitFor(() => expect(row.querySelector('.numeric')?.textContent).toBe('1'));
  });

  it.each([
    ['empty', '', '名前を入力してください'],
    ['only spaces', '   　 ', '名前を入力してください'],
    ['10,000 characters', 'あ'.repeat(10_000), '200 文字以内'],
  ])('refuses a name that is %s with a clear message and writes nothing', async (_case, name, message) => {
    const user = userEvent.setup();
    const { db } = renderApp();
    await user.click(await screen.findByRole('button', { name: '新しいワークショップ' }));
    const dialog = screen.getByRole('dialog');
    const input = within(dialog).getByLabelText('ワークショップ名');
    if (name.length > 0) fireEvent.change(input, { target: { value: name } });
    await user.click(within(dialog).getByRole('button', { name: '作成' }));
    expect(within(dialog).getByRole('alert').textContent).toContain(message);
    expect(await db.workshops.count()).toBe(0);
  });

  it('the Enter that confirms an IME conversion does not submit; the next Enter does', async () => {
    const { db } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: '新しいワークショップ' }));
    const input = within(screen.getByRole('dialog')).getByLabelText('ワークショップ名');
    fireEvent.compositionStart(input);
    fireEvent.change(input, { target: { value: '経理' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    fireEvent.compositionEnd(input);
    expect(screen.queryByRole('dialog')).not.toBeNull();
    expect(await db.workshops.count()).toBe(0);

    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(async () => expect(await db.workshops.count()).toBe(1));
  });

  it('shows a name with markup as text and never as HTML', async () => {
    const db = new KakehashiDatabase('component-xss');
    await db.open();
    await createWorkshop(db, { name: '<img src=x onerror=alert(1)>' });
    const { container } = renderApp({ db });
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    await db.delete();
  });

  it('search narrows the list by name or organisation, ignoring full-width letters', async () => {
    const db = new KakehashiDatabase('component-search');
    await db.open();
    await createWorkshop(db, { name: '買掛金業務', organisation: 'ＡＢＣ商事' });
    await createWorkshop(db, { name: '月次決算', organisation: 'XYZ' });
    const user = userEvent.setup();
    renderApp({ db });
    await screen.findByText('買掛金業務');
    await user.type(screen.getByRole('searchbox'), 'abc');
    expect(screen.getAllByTestId('workshop-row')).toHaveLength(1);
    expect(screen.queryByText('月次決算')).toBeNull();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '経費');
    expect(await screen.findByText(/一致するワークショップはありません/)).toBeTruthy();
    await db.delete();
  });

  it('delete moves to the trash with an undo; the trash restores it', async () => {
    const db = new KakehashiDatabase('component-trash');
    await db.open();
    await createWorkshop(db, { name: '経費精算ワークショップ' });
    const user = userEvent.setup();
    renderApp({ db });
    await user.click(await screen.findByRole('button', { name: 'ごみ箱へ移動' }));
    expect(await screen.findByText('「経費精算ワークショップ」をごみ箱に移動しました。')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('workshop-row')).toBeNull());

    await user.click(screen.getByRole('link', { name: 'ごみ箱 (1)' }));
    const row = await screen.findByTestId('trash-row');
    await user.click(within(row).getByRole('button', { name: '元に戻す' }));
    await waitFor(() => expect(screen.queryByTestId('trash-row')).toBeNull());
    await user.click(screen.getByRole('link', { name: /ワークショップ一覧へ戻る/ }));
    expect(await screen.findByText('経費精算ワークショップ')).toBeTruthy();
    await db.delete();
  });

  it('emptying the trash asks first and then deletes for good', async () => {
    const db = new KakehashiDatabase('component-empty-trash');
    await db.open();
    const workshop = await createWorkshop(db, { name: '古いワークショップ' });
    await db.workshops.update(workshop.id, { deletedAt: new Date().toISOString() });
    window.location.hash = '#/trash';
    const user = userEvent.setup();
    renderApp({ db });
    await user.click(await screen.findByRole('button', { name: 'ごみ箱を空にする' }));
    const dialog = screen.getByRole('dialog', { name: 'ごみ箱を空にしますか？' });
    await user.click(within(dialog).getByRole('button', { name: 'ごみ箱を空にする' }));
    expect(await screen.findByText('ごみ箱は空です。')).toBeTruthy();
    expect(await db.workshops.count()).toBe(0);
    await db.delete();
  });
});

describe('app shell', () => {
  it('a database that cannot be opened shows the recovery screen, not an empty library; retry opens it', async () => {
    let attempts = 0;
    const db = new KakehashiDatabase('component-recovery');
    const openDatabase = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('UnknownError: Internal error opening backing store');
      await db.open();
      return db;
    };
    const user = userEvent.setup();
    renderApp({ openDatabase });
    expect(await screen.findByRole('heading', { name: 'データベースを開けませんでした' })).toBeTruthy();
    expect(screen.getByText(/Internal error opening backing store/)).toBeTruthy();
    expect(screen.queryByText(/ワークショップはまだありません/)).toBeNull();
    await user.click(screen.getByRole('button', { name: '再試行' }));
    expect(await screen.findByText(/ワークショップはまだありません/)).toBeTruthy();
    await db.delete();
  });

  it('switches to English, remembers it, and tells the platform', async () => {
    const user = userEvent.setup();
    const { bridge } = renderApp();
    await user.selectOptions(await screen.findByRole('combobox', { name: '表示言語' }), 'en');
    expect(await screen.findByRole('button', { name: 'New workshop' })).toBeTruthy();
    expect(localStorage.getItem('kakehashi.language')).toBe('en');
    expect(bridge.setLanguage).toHaveBeenLastCalledWith('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('a failed write shows the error with retry and export, and keeps the typed text in the dialog', async () => {
    const db = new KakehashiDatabase('component-write-failure');
    await db.open();
    db.workshops.add = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof db.workshops.add;
    const user = userEvent.setup();
    const { bridge } = renderApp({ db });
    await createThroughDialog(user, '月次決算');
    const banner = await screen.findByText('変更を保存できませんでした');
    expect(banner).toBeTruthy();
    expect(screen.getByText(/保存容量が不足しています/)).toBeTruthy();
    expect(screen.getByTestId('save-indicator').textContent).toBe('保存できませんでした');
    expect((within(screen.getByRole('dialog')).getByLabelText('ワークショップ名') as HTMLInputElement).value).toBe('月次決算');
    await user.click(screen.getByRole('button', { name: 'ワークショップを書き出す' }));
    await waitFor(() => expect(bridge.saveFile).toHaveBeenCalledTimes(1));
    expect(bridge.saveFile.mock.calls[0]?.[0].suggestedName).toMatch(/^kakehashi-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await db.delete();
  });

  it('the "new workshop" menu command opens the create dialog from any screen', async () => {
    window.location.hash = '#/trash';
    const { sendMenuCommand } = renderApp();
    await screen.findByRole('heading', { name: 'ごみ箱' });
    act(() => sendMenuCommand('workshop:new'));
    expect(await screen.findByRole('dialog', { name: '新しいワークショップ' })).toBeTruthy();
  });

  it('stored rows that fail validation are reported in a banner', async () => {
    const db = new KakehashiDatabase('component-invalid-rows');
    await db.open();
    const workshop = await createWorkshop(db, { name: '正常' });
    await db.workshops.put({ ...workshop, id: 'workshop:brokenRow2' as typeof workshop.id, participants: 'oops' as never });
    renderApp({ db });
    expect(await screen.findByText('読み込めないデータが 1 件あります')).toBeTruthy();
    expect(screen.getByText('正常')).toBeTruthy();
    await db.delete();
  });
});
