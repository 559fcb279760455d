import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWorkshopDocument, type WorkshopDocument, type WorkshopId } from '../../shared/model';
import { BACKUPS_KEPT_PER_WORKSHOP, backupFileName, readWorkshopFile, writeWorkshopFile } from '../../shared/workshopFile';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { createWorkshop, moveWorkshopToTrash, updateWorkshopDetails } from '../../renderer/src/db/workshopRepository';
import { createBrowserBackupStore } from '../../renderer/src/platform/browserBackups';
import { createAutomaticBackups, useBackupStatus, type AutomaticBackups } from '../../renderer/src/workshopFile/automaticBackups';
import { useIncomingFiles } from '../../renderer/src/workshopFile/incomingFiles';
import { openAsNewWorkshop } from '../../renderer/src/workshopFile/openFlow';
import { readFixture } from '../fixtures/documents';
import { fakeBridge, renderApp } from './renderApp';

const START = Date.UTC(2026, 10, 24, 0, 0);
const minutes = (count: number) => count * 60_000;

function fixture(): WorkshopDocument {
  const read = readWorkshopDocument(readFixture('v4-accounts-payable.kakehashi'));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

let count = 0;
let db: KakehashiDatabase;

beforeEach(async () => {
  useIncomingFiles.setState({ current: null, waiting: [] });
  useBackupStatus.setState({ failure: null });
  db = new KakehashiDatabase(`component-backups-${++count}`);
  await db.open();
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

/** Lets the live query see a write and the backup it starts finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('automatic backups', () => {
  let backups: AutomaticBackups;
  let bridge: ReturnType<typeof fakeBridge>['bridge'];
  let closeWindow: ReturnType<typeof fakeBridge>['closeWindow'];
  const at = (ms: number) => vi.setSystemTime(START + ms);

  beforeEach(() => {
    // Only the clock: Dexie and fake-indexeddb keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    ({ bridge, closeWindow } = fakeBridge());
    backups = createAutomaticBackups(bridge);
    backups.watch(db);
  });

  afterEach(() => backups.stop());

  it('back up a workshop at its first edit, then at most every five minutes while it is edited, and when the window closes', async () => {
    // Given a new workshop
    const workshop = await createWorkshop(db, { name: '買掛金業務' });
    await waitFor(async () => expect(await bridge.listBackups()).toHaveLength(1));

    // When edited a minute later
    at(minutes(1));
    await updateWorkshopDetails(db, workshop.id, { organisation: 'サンプル商事' });
    await settle();

    // Then no new backup yet
    expect(await bridge.listBackups()).toHaveLength(1);

    // When edited again after the interval
    at(minutes(6));
    await updateWorkshopDetails(db, workshop.id, { organisation: 'サンプル商事株式会社' });

    // Then
    await waitFor(async () => expect(await bridge.listBackups()).toHaveLength(2));

    // When edited, and the window closes at once
    at(minutes(7));
    await updateWorkshopDetails(db, workshop.id, { businessArea: '買掛金' });
    await closeWindow();

    // Then the last edit is in a backup
    const listed = await bridge.listBackups();
    expect(listed).toHaveLength(3);
    const latest = readWorkshopFile((await bridge.readBackup(listed[0]!.fileName)).data, listed[0]!.fileName);
    expect(latest.ok && latest.value.workshop.businessArea).toBe('買掛金');

    // When the window closes again without an edit
    await closeWindow();

    // Then
    expect(await bridge.listBackups()).toHaveLength(3);
  });

  it('do not back up again, after a restart, a workshop unchanged since its last backup', async () => {
    // Given a workshop backed up before the restart
    await createWorkshop(db, { name: '月次決算' });
    await waitFor(async () => expect(await bridge.listBackups()).toHaveLength(1));
    backups.stop();

    // When the app starts again an hour later
    at(minutes(60));
    const restarted = createAutomaticBackups(bridge);
    restarted.watch(db);
    await settle();
    await closeWindow();

    // Then
    expect(await bridge.listBackups()).toHaveLength(1);
    restarted.stop();
  });

  it('leave workshops in the trash alone', async () => {
    // Given
    const workshop = await createWorkshop(db, { name: '経費精算' });
    await waitFor(async () => expect(await bridge.listBackups()).toHaveLength(1));
    await moveWorkshopToTrash(db, workshop.id);

    // When
    at(minutes(10));
    await db.workshops.update(workshop.id, { updatedAt: new Date().toISOString() });
    await closeWindow();

    // Then
    expect(await bridge.listBackups()).toHaveLength(1);
  });

  it('keep a failure visible, and clear it once a backup succeeds', async () => {
    // Given backups that cannot be written
    const write = vi.spyOn(bridge, 'writeBackup').mockRejectedValueOnce(new Error('disk full'));

    // When
    const workshop = await createWorkshop(db, { name: '買掛金業務' });

    // Then
    await waitFor(() => expect(useBackupStatus.getState().failure).toBe('disk full'));

    // When the next edit is backed up
    at(minutes(1));
    await updateWorkshopDetails(db, workshop.id, { organisation: 'サンプル商事' });

    // Then
    await waitFor(() => expect(useBackupStatus.getState().failure).toBeNull());
    expect(write).toHaveBeenCalledTimes(2);
  });
});

describe('the browser’s backup store', () => {
  const workshop = { id: 'workshop:V1StGXR8_Z5jdHi6B' as WorkshopId, name: '買掛金業務' };
  const other = { id: 'workshop:otherWorkshop' as WorkshopId, name: '月次決算' };
  const name = (of: typeof workshop, minute: number) => backupFileName(of, new Date(START + minutes(minute)).toISOString());

  it(`keeps the newest ${BACKUPS_KEPT_PER_WORKSHOP} per workshop and lists them newest first with their size`, async () => {
    // Given
    const store = createBrowserBackupStore(`component-backup-store-${++count}`);
    for (let minute = 0; minute <= BACKUPS_KEPT_PER_WORKSHOP; minute++) {
      await store.writeBackup({ fileName: name(workshop, minute), data: new Uint8Array(minute + 1) });
    }
    await store.writeBackup({ fileName: name(other, 0), data: new Uint8Array(3) });

    // When
    const listed = await store.listBackups();

    // Then
    expect(listed.filter((backup) => backup.workshopId === workshop.id)).toHaveLength(BACKUPS_KEPT_PER_WORKSHOP);
    expect(listed[0]).toEqual({ fileName: name(workshop, BACKUPS_KEPT_PER_WORKSHOP), workshopId: workshop.id, savedAt: '2026-11-24T00:20:00Z', size: 21 });
    expect(listed.map((backup) => backup.fileName)).not.toContain(name(workshop, 0));
    expect(listed.map((backup) => backup.fileName)).toContain(name(other, 0));
    await expect(store.readBackup(name(workshop, 0))).rejects.toThrow('is not among the backups');
    expect((await store.readBackup(name(other, 0))).data).toEqual(new Uint8Array(3));
  });

  it.each(['notes.txt', `../${name(workshop, 0)}`])('refuses to store %s', async (fileName) => {
    // Given
    const store = createBrowserBackupStore(`component-backup-store-${++count}`);

    // When / Then
    await expect(store.writeBackup({ fileName, data: new Uint8Array(1) })).rejects.toThrow('not a backup file name');
    expect(await store.listBackups()).toEqual([]);
  });
});

describe('the library’s backups', () => {
  it('are listed per workshop, newest first, and one is restored as a copy next to its workshop', async () => {
    // Given a workshop and two backups of it
    const user = userEvent.setup();
    const document = fixture();
    await openAsNewWorkshop(db, document);
    const app = renderApp({ db });
    const older = backupFileName(document.workshop, '2026-11-24T01:00:00.000Z');
    const newer = backupFileName(document.workshop, '2026-11-24T02:00:00.000Z');
    const renamed = { ...document, workshop: { ...document.workshop, organisation: '変更後' } };
    await app.bridge.writeBackup({ fileName: older, data: new TextEncoder().encode(writeWorkshopFile(document)) });
    await app.bridge.writeBackup({ fileName: newer, data: new TextEncoder().encode(writeWorkshopFile(renamed)) });

    // When
    await user.click(await screen.findByRole('button', { name: 'バックアップ' }));
    const dialog = await screen.findByRole('dialog', { name: '自動バックアップ' });

    // Then
    const group = await within(dialog).findByTestId('backup-group');
    expect(within(group).getByRole('heading', { name: document.workshop.name })).toBeTruthy();
    const rows = within(group).getAllByTestId('backup-row');
    expect(rows.map((row) => row.querySelector('time')?.getAttribute('dateTime'))).toEqual(['2026-11-24T02:00:00Z', '2026-11-24T01:00:00Z']);
    expect(rows[0]!.textContent).toMatch(/\d KB/i);

    // When
    await user.click(within(rows[1]!).getByRole('button', { name: 'コピーとして復元' }));

    // Then
    const heading = await screen.findByRole('heading', { level: 1, name: /^買掛金業務 現状把握ワークショップ（.+ のバックアップ）$/ });
    expect(heading).toBeTruthy();
    expect(await db.workshops.count()).toBe(2);
    expect((await db.workshops.get(document.workshop.id))?.organisation).toBe(document.workshop.organisation);
  });
});

describe('the recovery screen', () => {
  it('lists the backups when the database cannot be opened, and saves one as a file', async () => {
    // Given a broken database and a backup kept apart from it
    const user = userEvent.setup();
    let release = () => undefined as void;
    const backupsWritten = new Promise<void>((resolve) => (release = resolve));
    const app = renderApp({
      openDatabase: async () => {
        await backupsWritten;
        throw new Error('UnknownError: Internal error opening backing store');
      },
    });
    const document = fixture();
    const fileName = backupFileName(document.workshop, '2026-11-24T01:00:00.000Z');
    const data = new TextEncoder().encode(writeWorkshopFile(document));
    await app.bridge.writeBackup({ fileName, data });
    release();

    // When
    expect(await screen.findByRole('heading', { name: 'データベースを開けませんでした' })).toBeTruthy();
    const group = await screen.findByTestId('backup-group');
    await user.click(within(group).getByRole('button', { name: 'ファイルとして保存' }));

    // Then
    expect(within(group).getByRole('heading', { name: '買掛金業務-現状把握ワークショップ' })).toBeTruthy();
    await waitFor(() => expect(app.bridge.saveFile).toHaveBeenCalledOnce());
    const { data: saved, ...request } = app.bridge.saveFile.mock.calls[0]![0] as unknown as { data: Uint8Array };
    expect(request).toEqual({ suggestedName: fileName, filters: [{ name: 'Kakehashi ワークショップ', extensions: ['kakehashi'] }], mimeType: 'application/x-kakehashi+json' });
    // Compared byte by byte: the stored copy comes back as an array of another realm (IndexedDB's structured clone).
    expect([...saved]).toEqual([...data]);
    expect(await screen.findByText(`「${fileName}」を保存しました。`)).toBeTruthy();
  });
});
