import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../shared/model';
import { BACKUPS_KEPT_PER_WORKSHOP, backupFileName } from '../../shared/workshopFile';
import { createBackupHandlers, type BackupHandlers } from '../../electron/backupFolder';

const ap = { id: 'workshop:V1StGXR8_Z5jdHi6B' as WorkshopId, name: '買掛金業務' };
const close = { id: 'workshop:month_end_close' as WorkshopId, name: '月次決算' };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 14, 0) + minutes * 60_000).toISOString();
const bytes = (text: string) => new TextEncoder().encode(text);

let dir: string;
let folder: string;
let backups: BackupHandlers;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-backups-'));
  folder = path.join(dir, 'user-data', 'backups');
  backups = createBackupHandlers(folder);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the backups folder', () => {
  it('is created by the first backup, which is written whole and without a .bak', async () => {
    // Given
    const fileName = backupFileName(ap, at(0));

    // When
    await backups.writeBackup({ fileName, data: bytes('{"first":true}') });
    await backups.writeBackup({ fileName, data: bytes('{"second":true}') });

    // Then
    expect(await readdir(folder)).toEqual([fileName]);
    expect(await readFile(path.join(folder, fileName), 'utf8')).toBe('{"second":true}');
  });

  it(`keeps the newest ${BACKUPS_KEPT_PER_WORKSHOP} of each workshop and never touches other files`, async () => {
    // Given
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    for (let minute = 0; minute < BACKUPS_KEPT_PER_WORKSHOP; minute++) {
      await backups.writeBackup({ fileName: backupFileName(ap, at(minute * 5)), data: bytes('{}') });
    }
    await backups.writeBackup({ fileName: backupFileName(close, at(0)), data: bytes('{}') });

    // When
    await backups.writeBackup({ fileName: backupFileName(ap, at(500)), data: bytes('{}') });

    // Then
    const files = await readdir(folder);
    expect(files).toHaveLength(BACKUPS_KEPT_PER_WORKSHOP + 2);
    expect(files).not.toContain(backupFileName(ap, at(0)));
    expect(files).toEqual(expect.arrayContaining([backupFileName(ap, at(500)), backupFileName(close, at(0)), 'notes.txt']));
  });

  it('lists the backups newest first, with workshop, time and size, and nothing else', async () => {
    // Given
    await backups.writeBackup({ fileName: backupFileName(ap, at(0)), data: bytes('12345') });
    await backups.writeBackup({ fileName: backupFileName(close, at(10)), data: bytes('123') });
    await writeFile(path.join(folder, 'notes.txt'), 'mine');

    // When
    const listed = await backups.listBackups();

    // Then
    expect(listed).toEqual([
      { fileName: backupFileName(close, at(10)), workshopId: close.id, savedAt: '2026-11-24T14:10:00Z', size: 3 },
      { fileName: backupFileName(ap, at(0)), workshopId: ap.id, savedAt: '2026-11-24T14:00:00Z', size: 5 },
    ]);
  });

  it('lists nothing before the first backup', async () => {
    // When / Then
    expect(await backups.listBackups()).toEqual([]);
  });

  it('reads a backup back', async () => {
    // Given
    const fileName = backupFileName(ap, at(0));
    await backups.writeBackup({ fileName, data: bytes('{"workshop":1}') });

    // When
    const backup = await backups.readBackup({ fileName });

    // Then
    expect(backup).toEqual({ name: fileName, path: path.join(folder, fileName), data: bytes('{"workshop":1}') });
  });

  it.each(['../x--abcdefgh--2026-11-24T14-00-00Z.kakehashi', '/etc/x--abcdefgh--2026-11-24T14-00-00Z.kakehashi'])(
    'refuses %s, a name outside the folder, even past the payload check',
    async (fileName) => {
      // When / Then
      await expect(backups.readBackup({ fileName })).rejects.toThrow('is not a file of the backups folder');
      await expect(backups.writeBackup({ fileName, data: bytes('{}') })).rejects.toThrow('is not a file of the backups folder');
    },
  );
});
