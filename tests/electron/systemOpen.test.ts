import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenedFileQueue, workshopFilesInArguments, type OpenedFileQueue } from '../../electron/systemOpen';

const CONTENT = new TextEncoder().encode('{"type":"kakehashi-workshop"}');

let dir: string;
let notify: ReturnType<typeof vi.fn<() => void>>;
let onRead: ReturnType<typeof vi.fn<(file: string) => Promise<void>>>;
let onMissing: ReturnType<typeof vi.fn<(file: string) => Promise<void>>>;
let queue: OpenedFileQueue;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-system-open-'));
  notify = vi.fn();
  onRead = vi.fn(async () => undefined);
  onMissing = vi.fn(async () => undefined);
  queue = createOpenedFileQueue({ notify, onRead, onMissing });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('workshop files on the command line', () => {
  it('takes .kakehashi arguments, resolved against the working folder, and skips the executable and switches', () => {
    // When
    const files = workshopFilesInArguments(
      ['/opt/Kakehashi/kakehashi', '--allow-file-access-from-files', 'ws/買掛金.KAKEHASHI', '/tmp/a.kakehashi', 'notes.txt', '--', 'b.kakehashi.exe'],
      '/home/u',
    );

    // Then
    expect(files).toEqual(['/home/u/ws/買掛金.KAKEHASHI', '/tmp/a.kakehashi']);
  });

  it('accepts the file:// URLs a Linux desktop entry passes', () => {
    // Given
    const file = path.join(dir, '月次 決算.kakehashi');

    // When / Then
    expect(workshopFilesInArguments(['kakehashi', pathToFileURL(file).href], '/')).toEqual([file]);
  });

  it('ignores the executable even when its name ends like a workshop file', () => {
    // When / Then
    expect(workshopFilesInArguments(['/tmp/evil.kakehashi'], '/')).toEqual([]);
  });
});

describe('the queue of files opened from the system', () => {
  it('holds a file read before anyone listens, hands it out once and records it', async () => {
    // Given
    const file = path.join(dir, 'a.kakehashi');
    await writeFile(file, CONTENT);

    // When
    await queue.open(file);

    // Then
    expect(queue.take()).toEqual([{ ok: true, file: { name: 'a.kakehashi', path: file, data: CONTENT } }]);
    expect(queue.take()).toEqual([]);
    expect(onRead).toHaveBeenCalledExactlyOnceWith(file);
    expect(notify).toHaveBeenCalledOnce();
  });

  it('keeps several files in the order they came', async () => {
    // Given
    for (const name of ['1.kakehashi', '2.kakehashi']) await writeFile(path.join(dir, name), CONTENT);

    // When
    await queue.open(path.join(dir, '1.kakehashi'));
    await queue.open(path.join(dir, '2.kakehashi'));

    // Then
    expect(queue.take().map((opened) => (opened.ok ? opened.file.name : opened.name))).toEqual(['1.kakehashi', '2.kakehashi']);
  });

  it('refuses a file that is not a workshop file, saying so, without reading it', async () => {
    // Given
    const file = path.join(dir, 'secrets.txt');
    await writeFile(file, 'password');

    // When
    await queue.open(file);

    // Then
    expect(queue.take()).toEqual([{ ok: false, name: 'secrets.txt', path: file, reason: 'secrets.txt is not a Kakehashi workshop file (.kakehashi)' }]);
    expect(onRead).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledOnce();
  });

  it('says a missing file was moved or deleted, and reports it as missing', async () => {
    // Given
    const file = path.join(dir, 'gone.kakehashi');

    // When
    await queue.open(file);

    // Then
    expect(queue.take()).toEqual([{ ok: false, name: 'gone.kakehashi', path: file, reason: `gone.kakehashi is no longer in ${dir}: it was moved, renamed or deleted` }]);
    expect(onMissing).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('refuses a folder named like a workshop file', async () => {
    // Given
    const folder = path.join(dir, 'folder.kakehashi');
    await mkdir(folder);

    // When
    await queue.open(folder);

    // Then
    const [opened] = queue.take();
    expect(opened).toMatchObject({ ok: false, name: 'folder.kakehashi' });
  });
});
