import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duplicateWorkshopDocument, readWorkshopDocument, recordTables, type WorkshopDocument } from '../../shared/model';
import type { OpenedFile } from '../../shared/platform/bridge';
import { readWorkshopFile, writeWorkshopFile } from '../../shared/workshopFile';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { loadWorkshopDocument } from '../../renderer/src/db/workshopRepository';
import { createI18n } from '../../renderer/src/i18n';
import { listenForWorkshopFiles, useIncomingFiles } from '../../renderer/src/workshopFile/incomingFiles';
import { openAsNewWorkshop } from '../../renderer/src/workshopFile/openFlow';
import { readFixture } from '../fixtures/documents';
import { renderApp } from './renderApp';

/** Every bad file of the corpus, as text (`?raw`: a zero byte stays a zero byte). */
const badFiles = import.meta.glob<string>('../fixtures/bad-files/*', { query: '?raw', import: 'default', eager: true });

function current(name: 'v1-accounts-payable.kakehashi' | 'v4-accounts-payable.kakehashi'): WorkshopDocument {
  const read = readWorkshopDocument(readFixture(name));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

const workshop = current('v4-accounts-payable.kakehashi');
const WORKSHOP_NAME = workshop.workshop.name;

const fileOf = (document: WorkshopDocument, name = '買掛金.kakehashi'): OpenedFile => ({
  name,
  path: `/home/facilitator/${name}`,
  data: new TextEncoder().encode(writeWorkshopFile(document)),
});

const renamedStep = (document: WorkshopDocument, index: number, label: string): WorkshopDocument => ({
  ...document,
  steps: document.steps.map((step, at) => (at === index ? { ...step, label, updatedAt: '2026-12-01T09:00:00.000Z' } : step)),
});

const withLane = (document: WorkshopDocument, id: string, name: string): WorkshopDocument => ({
  ...document,
  lanes: [...document.lanes, { ...document.lanes[0]!, id: id as never, name, order: 9 }],
});

let databases: KakehashiDatabase[] = [];

async function libraryWith(...documents: WorkshopDocument[]): Promise<KakehashiDatabase> {
  const db = new KakehashiDatabase(`component-workshop-file-${databases.length}-${Date.now()}`);
  databases.push(db);
  await db.open();
  for (const document of documents) await openAsNewWorkshop(db, document);
  return db;
}

/** Every row of every table, to show that nothing changed. */
const everything = (db: KakehashiDatabase) => Promise.all(recordTables.map((table) => db[table].toArray()));

async function openThroughButton(user: ReturnType<typeof userEvent.setup>, app: ReturnType<typeof renderApp>, file: OpenedFile) {
  app.bridge.openFile.mockResolvedValueOnce(file);
  await user.click(await screen.findByRole('button', { name: 'ファイルを開く' }));
}

beforeEach(() => {
  useIncomingFiles.setState({ current: null, waiting: [] });
});

afterEach(async () => {
  for (const db of databases) await db.delete();
  databases = [];
});

describe('opening a workshop file the library does not have', () => {
  it('opens it with its ids in one go, and shows it', async () => {
    // Given
    const user = userEvent.setup();
    const app = renderApp();

    // When
    await openThroughButton(user, app, fileOf(workshop));

    // Then
    expect(await screen.findByRole('heading', { level: 1, name: WORKSHOP_NAME })).toBeTruthy();
    expect(await screen.findByText(`「${WORKSHOP_NAME}」を開きました。`)).toBeTruthy();
    expect(app.bridge.openFile).toHaveBeenCalledWith({
      title: 'ワークショップファイルを開く',
      filters: [{ name: 'Kakehashi ワークショップ', extensions: ['kakehashi'] }],
    });
    expect((await app.db.workshops.get(workshop.workshop.id))?.name).toBe(WORKSHOP_NAME);
    expect((await app.db.steps.toArray()).map((step) => step.id).sort()).toEqual(workshop.steps.map((step) => step.id).sort());
  });

  it('says so when the file was saved in an older format and was converted', async () => {
    // Given
    const user = userEvent.setup();
    const app = renderApp();
    const old = { name: 'v1.kakehashi', path: null, data: new TextEncoder().encode(JSON.stringify(readFixture('v1-accounts-payable.kakehashi'))) };

    // When
    await openThroughButton(user, app, old);

    // Then
    expect(await screen.findByText(/ファイル「v1\.kakehashi」は古い形式（スキーマ 1）で保存されていたため/)).toBeTruthy();
    expect(await app.db.workshops.count()).toBe(1);
  });
});

describe('opening a file of a workshop the library has', () => {
  it('as a new copy: every id new, named 「…（読み込み）」, the library’s workshop untouched', async () => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const before = await everything(db);
    const app = renderApp({ db });

    // When
    await openThroughButton(user, app, fileOf(workshop));
    const dialog = await screen.findByRole('dialog', { name: 'このワークショップはすでにライブラリにあります' });
    await user.click(within(dialog).getByRole('button', { name: '新しいコピーとして開く' }));

    // Then
    expect(await screen.findByRole('heading', { level: 1, name: `${WORKSHOP_NAME}（読み込み）` })).toBeTruthy();
    const workshops = await db.workshops.toArray();
    expect(workshops).toHaveLength(2);
    const copy = workshops.find((row) => row.id !== workshop.workshop.id)!;
    expect(await db.steps.where('workshopId').equals(copy.id).count()).toBe(workshop.steps.length);
    expect((await everything(db)).map((rows) => rows.filter((row) => row.id === workshop.workshop.id || ('workshopId' in row && row.workshopId === workshop.workshop.id)))).toEqual(before);
  });

  it('replacing after confirmation puts the file’s version in place, removing what it lacks, and backs up the version replaced', async () => {
    // Given a library copy with an extra lane, and a file with a step renamed
    const user = userEvent.setup();
    const db = await libraryWith(withLane(workshop, 'lane:extraLane1', '臨時レーン'));
    const app = renderApp({ db });

    // When
    await openThroughButton(user, app, fileOf(renamedStep(workshop, 0, '請求書発行（電子）')));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '置き換える…' }));
    const confirm = await screen.findByRole('dialog', { name: '置き換えますか？' });
    expect(confirm.textContent).toContain(`ライブラリの「${WORKSHOP_NAME}」の内容が、ファイル「買掛金.kakehashi」の内容に置き換わります。`);
    await user.click(within(confirm).getByRole('button', { name: '置き換える' }));

    // Then
    expect(await screen.findByText(`「${WORKSHOP_NAME}」をファイルの内容で置き換えました。`)).toBeTruthy();
    expect((await db.lanes.toArray()).map((lane) => lane.name).sort()).toEqual(['取引先', '経理部']);
    expect((await db.steps.get('step:invoice1'))?.label).toBe('請求書発行（電子）');
    const [backup] = await app.bridge.listBackups();
    const backedUp = readWorkshopFile((await app.bridge.readBackup(backup!.fileName)).data, backup!.fileName);
    expect(backedUp.ok && backedUp.value.lanes.map((lane) => lane.name)).toContain('臨時レーン');
  });

  it('cancelling the replacement changes nothing', async () => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const before = await everything(db);
    const app = renderApp({ db });

    // When
    await openThroughButton(user, app, fileOf(renamedStep(workshop, 0, '別名')));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '置き換える…' }));
    await user.click(within(await screen.findByRole('dialog', { name: '置き換えますか？' })).getByRole('button', { name: 'キャンセル' }));

    // Then
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await everything(db)).toEqual(before);
  });

  it.each([
    ['the file’s version', 'ファイルの内容にする', 'B（ファイル）'],
    ['this computer’s version', 'この PC の内容を残す', 'A（この PC）'],
  ])('merging adds the new items, shows the conflict side by side, and keeps %s as chosen', async (_version, choice, label) => {
    // Given the same step renamed differently on both sides, and a lane only in the file
    const user = userEvent.setup();
    const db = await libraryWith(renamedStep(workshop, 1, 'A（この PC）'));
    const app = renderApp({ db });
    const file = withLane(renamedStep(workshop, 1, 'B（ファイル）'), 'lane:systems01', 'システム部');

    // When
    await openThroughButton(user, app, fileOf(file));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '統合する' }));
    const dialog = await screen.findByRole('dialog', { name: 'ファイルを統合' });

    // Then the dialog lists what comes in, and the conflict with both values
    expect(within(dialog).getByTestId('merge-added').textContent).toContain('レーン (1): システム部');
    const conflict = within(dialog).getByTestId('merge-conflict');
    expect(within(conflict).getByText('工程: A（この PC）')).toBeTruthy();
    const labelRow = within(conflict).getByRole('rowheader', { name: 'label' }).closest('tr')!;
    expect([...labelRow.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['A（この PC）', 'B（ファイル）']);

    // When
    await user.click(within(conflict).getByRole('radio', { name: choice }));
    await user.click(within(dialog).getByRole('button', { name: '統合する' }));

    // Then
    expect(await screen.findByText(new RegExp(`「${WORKSHOP_NAME}」に統合しました（追加 1 件`))).toBeTruthy();
    expect((await db.steps.get('step:receive1'))?.label).toBe(label);
    expect((await db.lanes.get('lane:systems01'))?.name).toBe('システム部');
    expect(await db.steps.count()).toBe(workshop.steps.length);
  });

  it('merging a file with nothing new says so and writes nothing', async () => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const before = await everything(db);
    const app = renderApp({ db });

    // When
    await openThroughButton(user, app, fileOf(workshop));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '統合する' }));

    // Then
    expect(await screen.findByText('ファイル「買掛金.kakehashi」の内容はすべてライブラリにあります。変更はありません。')).toBeTruthy();
    expect(await everything(db)).toEqual(before);
  });
});

describe('a file that cannot be opened', () => {
  const expected: [file: string, reason: RegExp][] = [
    ['empty.kakehashi', /the file is empty/],
    ['zero-filled.kakehashi', /only zero bytes/],
    ['truncated.kakehashi', /steps\[1\]: the file ends early at line 110, column 29/],
    ['not-json.kakehashi', /not valid JSON at line 1, column 1/],
    ['missing-comma.kakehashi', /processes\[0\]: not valid JSON at line 42, column 7/],
    ['process.bpmn', /a BPMN 2\.0 diagram/],
    ['jira-issues.json', /an issue export/],
    ['backup-bundle.json', /"kakehashi-backup"/],
    ['newer-version.kakehashi', /schemaVersion: written by a newer version of Kakehashi \(schema 999/],
    ['deep-nesting.kakehashi', /nested more than 100 levels deep/],
    ['dangling-reference.kakehashi', /connections\[0\]\.targetStepId: refers to a step of the same map that is not in the document \(step:vanished1\)/],
    ['proto-keys.kakehashi', /the key "__proto__" is not allowed/],
  ];

  it('covers every file of the bad-file corpus', () => {
    expect(Object.keys(badFiles).map((path) => path.split('/').pop()).sort()).toEqual(expected.map(([file]) => file).sort());
  });

  it.each(expected)('%s: the dialog names the file, where and why, and the library is unchanged', async (file, reason) => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const before = await everything(db);
    const app = renderApp({ db });
    const text = badFiles[`../fixtures/bad-files/${file}`]!;

    // When
    await openThroughButton(user, app, { name: file, path: `/tmp/${file}`, data: new TextEncoder().encode(text) });

    // Then
    const dialog = await screen.findByRole('dialog', { name: 'ファイルを開けませんでした' });
    expect(dialog.textContent).toContain(`ファイル: ${file}`);
    expect(dialog.textContent).toContain(`場所: /tmp/${file}`);
    expect(dialog.textContent).toMatch(reason);
    expect(dialog.textContent).toContain('ライブラリは何も変更していません。');
    await user.click(within(dialog).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await everything(db)).toEqual(before);
  });
});

describe('files from outside the library screen', () => {
  it('a file the system asks to open, while a workshop is shown, opens through the library', async () => {
    // Given
    const db = await libraryWith(workshop);
    const app = renderApp({ db });
    const stop = listenForWorkshopFiles(app.bridge, createI18n('ja'));
    window.location.hash = `#/workshops/${encodeURIComponent(workshop.workshop.id)}`;
    expect(await screen.findByRole('heading', { level: 1, name: WORKSHOP_NAME })).toBeTruthy();
    const other = duplicateWorkshopDocument(workshop, '経費精算ワークショップ', '2026-12-01T09:00:00.000Z');

    // When
    act(() => app.openFromSystem({ ok: true, file: fileOf(other, '経費.kakehashi') }));

    // Then
    expect(await screen.findByRole('heading', { level: 1, name: '経費精算ワークショップ' })).toBeTruthy();
    expect(await db.workshops.count()).toBe(2);
    stop();
  });

  it('a file whose records belong to another workshop of the library is refused, and nothing is written', async () => {
    // Given a file claiming to be a new workshop, with the records of the one in the library
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const before = await everything(db);
    const app = renderApp({ db });
    const json = JSON.stringify({ ...workshop, workshop: { ...workshop.workshop, id: 'workshop:takeover1' } });
    const takeover = JSON.parse(json.replaceAll('"workshopId":"workshop:fixtureAP01"', '"workshopId":"workshop:takeover1"')) as WorkshopDocument;

    // When
    await openThroughButton(user, app, fileOf(takeover, 'takeover.kakehashi'));

    // Then
    const dialog = await screen.findByRole('dialog', { name: 'ファイルを開けませんでした' });
    expect(dialog.textContent).toMatch(/ファイルの項目の ID（.+ など）が、ライブラリの別のワークショップで使われています/);
    expect(await everything(db)).toEqual(before);
  });

  it('a file the system could not read is reported with its path and reason', async () => {
    // Given
    const app = renderApp();
    const stop = listenForWorkshopFiles(app.bridge, createI18n('ja'));
    await screen.findByRole('button', { name: 'ファイルを開く' });

    // When
    act(() => app.openFromSystem({ ok: false, name: 'gone.kakehashi', path: '/home/u/gone.kakehashi', reason: 'gone.kakehashi is no longer in /home/u' }));

    // Then
    const dialog = await screen.findByRole('dialog', { name: 'ファイルを開けませんでした' });
    expect(dialog.textContent).toContain('場所: /home/u/gone.kakehashi');
    expect(dialog.textContent).toContain('gone.kakehashi is no longer in /home/u');
    stop();
  });

  it('a file the platform refuses to read (too large) is reported like any other', async () => {
    // Given
    const user = userEvent.setup();
    const app = renderApp();
    app.bridge.openFile.mockRejectedValueOnce(new Error('huge.kakehashi is larger than 64 MiB'));

    // When
    await user.click(await screen.findByRole('button', { name: 'ファイルを開く' }));

    // Then
    const dialog = await screen.findByRole('dialog', { name: 'ファイルを開けませんでした' });
    expect(dialog.textContent).toContain('huge.kakehashi is larger than 64 MiB');
    expect(await app.db.workshops.count()).toBe(0);
  });

  it('File → Open and Ctrl+O show the open dialog', async () => {
    // Given
    const app = renderApp();
    const stop = listenForWorkshopFiles(app.bridge, createI18n('en'));
    await screen.findByRole('button', { name: 'ファイルを開く' });

    // When
    act(() => app.sendMenuCommand('file:open'));
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true, isComposing: true });

    // Then
    expect(app.bridge.openFile).toHaveBeenCalledTimes(2);
    expect(app.bridge.openFile).toHaveBeenLastCalledWith({ title: 'Open a workshop file', filters: [{ name: 'Kakehashi workshop', extensions: ['kakehashi'] }] });
    stop();
  });

  it('files arriving while one is being asked about wait their turn', async () => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const app = renderApp({ db });
    const stop = listenForWorkshopFiles(app.bridge, createI18n('ja'));
    await screen.findByRole('button', { name: 'ファイルを開く' });

    // When two files arrive at once
    act(() => {
      app.openFromSystem({ ok: true, file: fileOf(workshop, 'first.kakehashi') });
      app.openFromSystem({ ok: false, name: 'second.kakehashi', path: '/x/second.kakehashi', reason: 'unreadable' });
    });

    // Then the first is asked about, then the second is reported
    const first = await screen.findByRole('dialog', { name: 'このワークショップはすでにライブラリにあります' });
    expect(first.textContent).toContain('first.kakehashi');
    await user.click(within(first).getByRole('button', { name: 'キャンセル' }));
    expect((await screen.findByRole('dialog', { name: 'ファイルを開けませんでした' })).textContent).toContain('second.kakehashi');
    stop();
  });

  it('the recent files are listed in the library and open from there', async () => {
    // Given
    const user = userEvent.setup();
    const app = renderApp();
    app.bridge.recentFiles.mockResolvedValue([{ name: '買掛金.kakehashi', path: '/home/u/買掛金.kakehashi', usedAt: '2026-11-24T09:00:00.000Z' }]);
    app.bridge.openRecentFile.mockResolvedValueOnce(fileOf(workshop));

    // When
    const recent = await screen.findByRole('region', { name: '最近使ったファイル' });
    await user.click(within(recent).getByRole('button', { name: '買掛金.kakehashi' }));

    // Then
    expect(app.bridge.openRecentFile).toHaveBeenCalledWith('/home/u/買掛金.kakehashi');
    expect(await screen.findByRole('heading', { level: 1, name: WORKSHOP_NAME })).toBeTruthy();
  });
});

describe('saving a workshop file', () => {
  it('writes the workshop as writeWorkshopFile does, which reads back to the same workshop', async () => {
    // Given
    const user = userEvent.setup();
    const db = await libraryWith(workshop);
    const app = renderApp({ db });

    // When
    await user.click(within(await screen.findByTestId('workshop-row')).getByRole('button', { name: '書き出す' }));

    // Then
    await waitFor(() => expect(app.bridge.saveFile).toHaveBeenCalledOnce());
    const request = app.bridge.saveFile.mock.calls[0]![0] as unknown as { suggestedName: string; data: Uint8Array; mimeType: string };
    expect(request).toMatchObject({ suggestedName: `${WORKSHOP_NAME}.kakehashi`, mimeType: 'application/x-kakehashi+json' });
    const read = readWorkshopFile(request.data, request.suggestedName);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(new TextDecoder().decode(request.data)).toBe(writeWorkshopFile(read.value));
    const inLibrary = await loadWorkshopDocument(db, workshop.workshop.id);
    expect(read.value).toEqual({ ...inLibrary, savedAt: read.value.savedAt });
  });
});
