import { describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../../shared/model';
import {
  BACKUP_INTERVAL_MS,
  backupFileName,
  backupsToPrune,
  listBackups,
  parseBackupFileName,
  shouldBackUp,
} from '../../../shared/workshopFile';

const workshop = { id: 'workshop:V1StGXR8_Z5jdHi6B' as WorkshopId, name: '買掛金業務 現状把握ワークショップ' };
const other = { id: 'workshop:a--b-c_12' as WorkshopId, name: 'AP/AR: 月次 "決算"?' };

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 14, 0) + minutes * 60_000).toISOString();

describe('backup file names', () => {
  it('hold the workshop name, the id and the UTC time, in characters every file system accepts', () => {
    expect(backupFileName(workshop, '2026-11-24T23:30:00.000+09:00')).toBe('買掛金業務-現状把握ワークショップ--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi');
    const name = backupFileName(other, at(0));
    expect(name).toBe('AP-AR-月次-決算--a--b-c_12--2026-11-24T14-00-00Z.kakehashi');
    expect(name).not.toMatch(/[\\/:*?"<>|\s]/);
  });

  it.each([
    ['an empty name', '   ', 'workshop'],
    ['dots and dashes only', '...--', 'workshop'],
    ['a long name', 'あ'.repeat(100), 'あ'.repeat(40)],
    ['an emoji at the cut', `${'a'.repeat(39)}😀😀`, `${'a'.repeat(39)}😀`],
    ['dashes at the cut', `${'a'.repeat(39)} -- b`, 'a'.repeat(39)],
  ])('are made from %s', (_name, name, slug) => {
    expect(backupFileName({ ...workshop, name }, at(0)).split('--')[0]).toBe(slug);
  });

  it('parse back to the workshop and the time, even when the id holds "--"', () => {
    expect(parseBackupFileName(backupFileName(workshop, at(30)))).toEqual({
      fileName: backupFileName(workshop, at(30)),
      workshopId: workshop.id,
      savedAt: '2026-11-24T14:30:00Z',
    });
    expect(parseBackupFileName(backupFileName(other, at(0)))?.workshopId).toBe(other.id);
  });

  it.each(['notes.txt', 'AP--V1StGXR8_Z5jdHi6B--2026-11-24T14-30-00Z.kakehashi.tmp', 'AP--short--2026-11-24T14-30-00Z.kakehashi', 'AP--V1StGXR8_Z5jdHi6B--2026-13-45T14-30-00Z.kakehashi'])(
    'do not take %s for a backup',
    (fileName) => expect(parseBackupFileName(fileName)).toBeNull(),
  );
});

describe('keeping the last backups of each workshop', () => {
  const ours = Array.from({ length: 25 }, (_, index) => backupFileName(workshop, at(index * 5)));
  const theirs = Array.from({ length: 3 }, (_, index) => backupFileName(other, at(index)));
  const folder = [...theirs, 'README.txt', ...[...ours].reverse()];

  it('lists one workshop\'s backups newest first', () => {
    expect(listBackups(folder, workshop.id).map((backup) => backup.fileName)).toEqual([...ours].reverse());
    expect(listBackups(folder)).toHaveLength(28);
  });

  it('prunes the oldest beyond twenty per workshop, and nothing it does not recognise', () => {
    expect(backupsToPrune(folder).sort()).toEqual(ours.slice(0, 5).sort());
    expect(backupsToPrune(folder, 2).sort()).toEqual([...ours.slice(0, 23), theirs[0]].sort());
  });

  it('keeps a renamed workshop\'s backups together', () => {
    const renamed = backupFileName({ ...workshop, name: '新しい名前' }, at(500));
    expect(listBackups([...ours, renamed], workshop.id)[0]?.fileName).toBe(renamed);
    expect(backupsToPrune([...ours, renamed])).toHaveLength(6);
  });
});

describe('when to back up', () => {
  const minutes = BACKUP_INTERVAL_MS / 60_000;

  it('backs up a workshop edited since its last backup once the interval has passed', () => {
    expect(shouldBackUp(at(0), at(1), at(minutes - 1))).toBe(false);
    expect(shouldBackUp(at(0), at(1), at(minutes))).toBe(true);
  });

  it('backs up the first edit of a workshop never backed up', () => {
    expect(shouldBackUp(null, at(0), at(0))).toBe(true);
  });

  it('never backs up an unchanged workshop, not even on quit', () => {
    expect(shouldBackUp(at(10), at(5), at(60))).toBe(false);
    expect(shouldBackUp(at(10), at(5), at(60), 'quit')).toBe(false);
    expect(shouldBackUp(null, null, at(60), 'quit')).toBe(false);
  });

  it('always backs up an edited workshop on quit', () => {
    expect(shouldBackUp(at(0), at(1), at(2), 'quit')).toBe(true);
  });
});
