import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp932UnfriendlyDocument, fileBytes, twoProcessDocument } from './kit';

/**
 * The built command line, end to end: `node bin/kakehashi.mjs` started as a user starts it.
 * Needs `npm run build` (dist/cli/kakehashi.mjs). `npm test` runs vitest before the build, so it
 * runs this file again after the build (tests/run-all.mjs); under a plain `vitest run` it is
 * skipped, with the reason printed, when the build is missing or older than the sources.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const launcher = join(root, 'bin/kakehashi.mjs');
const built = join(root, 'dist/cli/kakehashi.mjs');
const fixture = (path: string) => join(root, 'tests/fixtures', path);

function newestSource(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function whyNotRun(): string | null {
  if (!existsSync(built)) return 'dist/cli/kakehashi.mjs does not exist: run `npm run build` first';
  const newest = Math.max(...['cli', 'shared', 'package.json'].map((path) => newestSource(join(root, path))));
  if (statSync(built).mtimeMs < newest) return 'dist/cli/kakehashi.mjs is older than cli/ or shared/: run `npm run build` again';
  return null;
}

const skipReason = whyNotRun();
if (skipReason) console.warn(`The built command line's tests are skipped: ${skipReason}.`);

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function kakehashi(args: readonly string[], options: { cwd?: string; script?: string } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [options.script ?? launcher, ...args], { cwd: options.cwd ?? root, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kakehashi-cli-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the kakehashi launcher', () => {
  it('says to run the build first, and exits 3, when the command line is not built', async () => {
    const unbuilt = join(folder, 'unbuilt');
    mkdirSync(join(unbuilt, 'bin'), { recursive: true });
    copyFileSync(launcher, join(unbuilt, 'bin/kakehashi.mjs'));
    const result = await kakehashi(['--version'], { script: join(unbuilt, 'bin/kakehashi.mjs') });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/run `npm run build` first/);
  });
});

describe.skipIf(skipReason !== null)(`the built command line${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('prints its version and its help', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await kakehashi(['--version'])).toEqual({ code: 0, stdout: `kakehashi ${version}\n`, stderr: '' });
    const help = await kakehashi(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Exit codes:$/m);
  });

  it('validates a good file: exit 0 and a one-line summary', async () => {
    const result = await kakehashi(['validate', 'tests/fixtures/documents/v2-every-table.kakehashi']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^tests\/fixtures\/documents\/v2-every-table\.kakehashi: ok — "買掛金業務 全項目ワークショップ": 1 process, 11 steps, 4 pain points, 2 requirements/);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('validates a bad file: exit 1, each problem with the file and the path in the document', async () => {
    const result = await kakehashi(['validate', fixture('bad-files/truncated.kakehashi')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${fixture('bad-files/truncated.kakehashi')}: steps[1]: the file ends early at line 110, column 29`);
  });

  it('exports the CSV for Excel: UTF-8 with a BOM, CRLF line ends', async () => {
    const out = join(folder, 'backlog.csv');
    const result = await kakehashi(['export', fixture('documents/v2-every-table.kakehashi'), '--format', 'csv', '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    expect(csv.split('\r\n')[0]).toBe('キー,タイトル,種別,優先度,担当,状態,説明,受入基準,出典,業務プロセス');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r/);
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
  });

  it('exports the workbook, which exceljs reads back', async () => {
    const out = join(folder, 'backlog.xlsx');
    const result = await kakehashi(['export', fixture('documents/v2-every-table.kakehashi'), '--format', 'xlsx', '--lang', 'en', '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(out);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    const first = workbook.worksheets[0]!;
    expect(first.getRow(1).getCell(1).value).toBe('Key');
    expect(first.getRow(2).getCell(1).value).toBe('REQ-001');
  });

  it('exports BPMN that bpmn-moddle reads back without warnings, with its diagram', async () => {
    const out = join(folder, 'ap.bpmn');
    const result = await kakehashi(['export', fixture('documents/v2-every-table.kakehashi'), '--format', 'bpmn', '--variant', 'to-be', '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { rootElement, warnings } = await new BpmnModdle().fromXML(readFileSync(out, 'utf8'));
    expect(warnings).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');
    const definitions = rootElement as unknown as { diagrams: { plane: { planeElement: unknown[] } }[]; rootElements: { $type: string; name?: string }[] };
    expect(definitions.diagrams[0]!.plane.planeElement.length).toBeGreaterThan(5);
    expect(readFileSync(out, 'utf8')).toContain('買掛金支払（To-Be）');
  });

  it('exits 2 on an unknown format, writing nothing', async () => {
    const out = join(folder, 'nothing.pdf');
    const result = await kakehashi(['export', fixture('documents/v2-every-table.kakehashi'), '--format', 'pdf', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown format "pdf"; formats: xlsx, csv, jira, azureDevOps, redmine, reqif, markdown, backlogJson, bpmn/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with the process names when a BPMN export of several processes has no --process', async () => {
    const input = join(folder, 'two.kakehashi');
    writeFileSync(input, fileBytes(twoProcessDocument()));
    const result = await kakehashi(['export', input, '--format', 'bpmn', '--out', join(folder, 'two.bpmn')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('choose one with --process <name>:\n  買掛金支払\n  売掛金入金消込\n');
  });

  it('exits 1 with the exporter\'s problem when CP932 cannot hold a character, writing nothing', async () => {
    const input = join(folder, 'kanji.kakehashi');
    const out = join(folder, 'kanji.csv');
    writeFileSync(input, fileBytes(cp932UnfriendlyDocument()));
    const result = await kakehashi(['export', input, '--format', 'csv', '--encoding', 'cp932', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/U\+20BB7/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 3 when the output folder does not exist, and 2 rather than overwrite the input', async () => {
    const input = fixture('documents/v2-every-table.kakehashi');
    const missing = await kakehashi(['export', input, '--format', 'markdown', '--out', join(folder, 'no/such/folder/r.md')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot write .*: no such file or directory \(ENOENT\)/);

    const copy = join(folder, 'copy.kakehashi');
    copyFileSync(input, copy);
    const before = readFileSync(copy);
    const overwrite = await kakehashi(['export', copy, '--format', 'backlogJson', '--out', join(folder, '.', 'copy.kakehashi')]);
    expect(overwrite.code).toBe(2);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});
