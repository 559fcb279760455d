import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../../cli/commands';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model';
import {
  badFileBytes,
  cp932UnfriendlyDocument,
  EVERY_TABLE,
  fileBytes,
  fixtureBytes,
  fixtureDocument,
  memoryIo,
  NOW,
  run,
  text,
  twoProcessDocument,
} from './kit';

const BOM = [0xef, 0xbb, 0xbf];
const startsWithBom = (bytes: Uint8Array | undefined) => bytes !== undefined && BOM.every((byte, i) => bytes[i] === byte);

describe('kakehashi --help, --version, formats', () => {
  it('prints the help on stdout and exits 0', async () => {
    const result = await run(memoryIo(), '--help');
    expect(result.code).toBe(0);
    expect(result.out).toBe(HELP);
    expect(result.out).toMatch(/This command's own messages are always in English/);
  });

  it('prints the version', async () => {
    expect(await run(memoryIo(), '--version')).toEqual({ code: 0, out: 'kakehashi 1.2.3', err: '' });
  });

  it('lists every format id with its English label, the app\'s registry first, then bpmn', async () => {
    const result = await run(memoryIo(), 'formats');
    expect(result.code).toBe(0);
    const ids = result.out.split('\n').map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual(['xlsx', 'csv', 'jira', 'azureDevOps', 'redmine', 'reqif', 'markdown', 'backlogJson', 'bpmn']);
    expect(result.out).toMatch(/^csv +CSV for Excel +\[--encoding\]$/m);
    expect(result.out).toMatch(/^bpmn +BPMN 2\.0 .*\[--process, --variant\]$/m);
  });

  it('exits 2 with the reason and a pointer to --help on a usage error', async () => {
    const result = await run(memoryIo(), 'convert a.kakehashi');
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'kakehashi: unknown command "convert" (commands: validate, export, formats, help)\nRun `kakehashi --help` for usage.',
    });
  });
});

describe('kakehashi validate', () => {
  it('prints a one-line summary of a valid file and exits 0', async () => {
    // Written as the app writes it today, so nothing needs migrating whatever the newest schema is.
    const io = memoryIo({ 'ws.kakehashi': fileBytes(fixtureDocument(EVERY_TABLE)) });
    const result = await run(io, 'validate ws.kakehashi');
    expect(result).toEqual({
      code: 0,
      out: 'ws.kakehashi: ok — "買掛金業務 全項目ワークショップ": 1 process, 11 steps, 4 pain points, 2 requirements',
      err: '',
    });
  });

  it('says when an older schema was migrated to read the file', async () => {
    const io = memoryIo({ 'full.kakehashi': fixtureBytes(EVERY_TABLE) });
    const result = await run(io, 'validate full.kakehashi');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `full.kakehashi: ok — "買掛金業務 全項目ワークショップ": 1 process, 11 steps, 4 pain points, 2 requirements (schema 2, read as schema ${CURRENT_SCHEMA_VERSION})`,
    );
  });

  it.each([
    ['empty.kakehashi', /\(document\): the file is empty/],
    ['truncated.kakehashi', /steps\[1\]: the file ends early at line 110, column 29/],
    ['zero-filled.kakehashi', /\(document\): the file holds only zero bytes/],
    ['not-json.kakehashi', /not valid JSON/],
    ['newer-version.kakehashi', /schemaVersion/],
    ['proto-keys.kakehashi', /the key "__proto__" is not allowed/],
    ['dangling-reference.kakehashi', /Id/],
    ['deep-nesting.kakehashi', /nested more than 100 levels/],
    ['process.bpmn', /not a Kakehashi workshop file: it looks like/],
  ])('lists what is wrong in bad-files/%s as file: path: reason and exits 1', async (name, reason) => {
    const io = memoryIo({ [name]: badFileBytes(name) });
    const result = await run(io, `validate ${name}`);
    expect(result.code).toBe(1);
    const lines = result.out.split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^${name.replace('.', '\\.')}: \\d+ problems?: not a valid workshop file$`));
    for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${name.replace('.', '\\.')}: [^:]+: .+`));
    expect(result.out).toMatch(reason);
    expect(result.err).toBe('');
  });

  it('lists every problem of a file, not only the first', async () => {
    const document = fixtureDocument();
    const raw = JSON.parse(text(fileBytes(document))) as { steps: { laneId: string }[] };
    raw.steps[0]!.laneId = 'lane:nowhere';
    raw.steps[3]!.laneId = 'lane:elsewhere';
    const io = memoryIo({ 'two-wrongs.kakehashi': new TextEncoder().encode(JSON.stringify(raw)) });
    const result = await run(io, 'validate two-wrongs.kakehashi');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^two-wrongs\.kakehashi: steps\[0\]\.laneId: /m);
    expect(result.out).toMatch(/^two-wrongs\.kakehashi: steps\[3\]\.laneId: .*\(lane:elsewhere\)$/m);
  });

  it('refuses a file over 50 MB without reading it, as an invalid file', async () => {
    const io = memoryIo();
    io.failing.set('huge.kakehashi', 'EFBIG');
    const result = await run(io, 'validate huge.kakehashi');
    expect(result).toEqual({
      code: 1,
      out: 'huge.kakehashi: (document): the file is too large: 60.0 MB, the limit is 50.0 MB\nhuge.kakehashi: 1 problem: not a valid workshop file',
      err: '',
    });
  });

  it('exits 3 when a file cannot be read, saying why on stderr', async () => {
    const io = memoryIo();
    io.failing.set('locked.kakehashi', 'EACCES');
    expect(await run(io, 'validate missing.kakehashi')).toEqual({
      code: 3,
      out: '',
      err: 'kakehashi: cannot read "missing.kakehashi": no such file or directory (ENOENT)',
    });
    io.err.length = 0;
    expect(await run(io, 'validate locked.kakehashi')).toEqual({
      code: 3,
      out: '',
      err: 'kakehashi: cannot read "locked.kakehashi": permission denied (EACCES)',
    });
  });

  it('checks every file of several and exits with the worst outcome: unreadable over invalid over valid', async () => {
    const io = memoryIo({ 'good.kakehashi': fixtureBytes(EVERY_TABLE), 'bad.kakehashi': badFileBytes('empty.kakehashi') });
    const invalid = await run(io, 'validate good.kakehashi bad.kakehashi');
    expect(invalid.code).toBe(1);
    expect(invalid.out).toMatch(/^good\.kakehashi: ok/m);
    expect(invalid.out).toMatch(/^bad\.kakehashi: \(document\): the file is empty$/m);

    const unreadable = await run(memoryIo({ 'bad.kakehashi': badFileBytes('empty.kakehashi') }), 'validate missing.kakehashi bad.kakehashi');
    expect(unreadable.code).toBe(3);
    expect(unreadable.out).toMatch(/^bad\.kakehashi: \(document\): the file is empty$/m);
  });
});

describe('kakehashi export', () => {
  const input = () => memoryIo({ 'ws.kakehashi': fixtureBytes(EVERY_TABLE) });

  it.each(['xlsx', 'csv', 'jira', 'azureDevOps', 'redmine', 'reqif', 'markdown', 'backlogJson', 'bpmn'])(
    'writes %s to --out, says what it wrote, and leaves the input alone',
    async (format) => {
      const io = input();
      const before = io.files.get('ws.kakehashi');
      const result = await run(io, `export ws.kakehashi --format ${format} --out out.file`);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(io.writes).toEqual(['out.file']);
      expect(io.files.get('out.file')!.byteLength).toBeGreaterThan(500);
      expect(io.files.get('ws.kakehashi')).toBe(before);
      expect(result.out).toMatch(/^out\.file: .+, [\d,]+ bytes$/);
    },
  );

  it('runs the app\'s exporter: the CSV for Excel in UTF-8 with a BOM and CRLF, Japanese by default', async () => {
    const io = input();
    await run(io, 'export ws.kakehashi --format csv --out r.csv');
    const bytes = io.files.get('r.csv');
    expect(startsWithBom(bytes)).toBe(true);
    const csv = text(bytes).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('キー,タイトル,種別,優先度,担当,状態,説明,受入基準,出典,業務プロセス');
    expect(csv).toMatch(/^REQ-001,支払依頼を会計システムで直接作成できる,/m);
  });

  it('localises the export with --lang en, while its own messages stay English', async () => {
    const io = input();
    const result = await run(io, 'export ws.kakehashi --format csv --lang en --out r.csv');
    expect(text(io.files.get('r.csv')).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Key,Title,Type,Priority,Owner,Status,Description,Acceptance criteria,Sources,Processes');
    expect(result.out).toMatch(/CSV for Excel/);
  });

  it('writes the export time and the app version the CLI was given into the file', async () => {
    const io = input();
    await run(io, 'export ws.kakehashi --format backlogJson --out b.json');
    const json = JSON.parse(text(io.files.get('b.json'))) as Record<string, unknown>;
    expect(JSON.stringify(json)).toContain(NOW);
    expect(JSON.stringify(json)).toContain('Kakehashi 1.2.3');
  });

  it('chooses the CSV encoding: utf-8 drops the BOM, utf-8-bom adds one to a tracker CSV, cp932 writes Shift_JIS', async () => {
    const io = input();
    await run(io, 'export ws.kakehashi --format csv --encoding utf-8 --out plain.csv');
    await run(io, 'export ws.kakehashi --format jira --out jira.csv');
    await run(io, 'export ws.kakehashi --format jira --encoding utf-8-bom --out jira-bom.csv');
    await run(io, 'export ws.kakehashi --format csv --encoding cp932 --out sjis.csv');
    expect(startsWithBom(io.files.get('plain.csv'))).toBe(false);
    expect(startsWithBom(io.files.get('jira.csv'))).toBe(false);
    expect(startsWithBom(io.files.get('jira-bom.csv'))).toBe(true);
    const sjis = io.files.get('sjis.csv')!;
    expect(startsWithBom(sjis)).toBe(false);
    expect(new TextDecoder('shift_jis').decode(sjis)).toMatch(/^キー,タイトル/);
  });

  it('refuses a Shift_JIS export of a character CP932 cannot hold: prints the exporter\'s problem, writes nothing, exits 1', async () => {
    const io = memoryIo({ 'ws.kakehashi': fileBytes(cp932UnfriendlyDocument()) });
    const result = await run(io, 'export ws.kakehashi --format csv --encoding cp932 --lang en --out sjis.csv');
    expect(result.code).toBe(1);
    expect(io.writes).toEqual([]);
    expect(result.err).toMatch(/^rows\[2\]\.Title: Row 2, column "Title" \(REQ-001\): the character "𠮷" \(U\+20BB7\) cannot be written in Shift_JIS \(CP932\)$/m);
    expect(result.err).toMatch(/^kakehashi: the csv export was refused \(1 problem\); nothing was written$/m);
  });

  it('limits a backlog export to one process with --process (name matched after trimming)', async () => {
    const io = memoryIo({ 'ws.kakehashi': fileBytes(twoProcessDocument()) });
    const whole = await run(io, ['export', 'ws.kakehashi', '--format', 'csv', '--process', ' 買掛金支払 ', '--out', 'ap.csv']);
    expect(whole.code).toBe(0);
    expect(text(io.files.get('ap.csv'))).toMatch(/REQ-001/);
    const other = await run(io, ['export', 'ws.kakehashi', '--format', 'csv', '--process', '売掛金入金消込', '--out', 'ar.csv']);
    expect(other.code).toBe(0);
    expect(text(io.files.get('ar.csv'))).not.toMatch(/REQ-00/);
    expect(other.out).toMatch(/no requirement traces to the process "売掛金入金消込"$/);
  });

  it('exits 2 naming the processes when --process matches none', async () => {
    const io = memoryIo({ 'ws.kakehashi': fileBytes(twoProcessDocument()) });
    const result = await run(io, 'export ws.kakehashi --format xlsx --process 買掛金 --out x.xlsx');
    expect(result).toEqual({ code: 2, out: '', err: 'kakehashi: no process named "買掛金"; processes: "買掛金支払", "売掛金入金消込"' });
    expect(io.writes).toEqual([]);
  });

  describe('as BPMN', () => {
    async function parsed(xml: string) {
      const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
      return { rootElement, warnings };
    }

    it('writes the only process\'s As-Is map, which bpmn-moddle reads back without warnings', async () => {
      const io = input();
      expect((await run(io, 'export ws.kakehashi --format bpmn --out ap.bpmn')).code).toBe(0);
      const xml = text(io.files.get('ap.bpmn'));
      const { warnings } = await parsed(xml);
      expect(warnings).toEqual([]);
      expect(xml).toContain('name="買掛金支払（As-Is）"');
    });

    it('writes the To-Be map with --variant to-be, in English with --lang en', async () => {
      const io = input();
      expect((await run(io, 'export ws.kakehashi --format bpmn --variant to-be --lang en --out ap.bpmn')).code).toBe(0);
      const xml = text(io.files.get('ap.bpmn'));
      expect((await parsed(xml)).warnings).toEqual([]);
      expect(xml).toContain('name="買掛金支払 (To-Be)"');
    });

    it('exits 2 listing the process names when there are several and no --process', async () => {
      const io = memoryIo({ 'ws.kakehashi': fileBytes(twoProcessDocument()) });
      const result = await run(io, 'export ws.kakehashi --format bpmn --out x.bpmn');
      expect(result).toEqual({
        code: 2,
        out: '',
        err: 'kakehashi: the workshop has 2 processes; choose one with --process <name>:\n  買掛金支払\n  売掛金入金消込',
      });
      expect(io.writes).toEqual([]);
    });

    it('writes the process chosen with --process', async () => {
      const io = memoryIo({ 'ws.kakehashi': fileBytes(twoProcessDocument()) });
      expect((await run(io, 'export ws.kakehashi --format bpmn --process 売掛金入金消込 --out ar.bpmn')).code).toBe(0);
      const xml = text(io.files.get('ar.bpmn'));
      expect((await parsed(xml)).warnings).toEqual([]);
      expect(xml).toContain('name="売掛金入金消込（As-Is）"');
    });

    it('exits 1 when the process has no To-Be map yet', async () => {
      const io = memoryIo({ 'ws.kakehashi': fileBytes(twoProcessDocument()) });
      const result = await run(io, 'export ws.kakehashi --format bpmn --process 売掛金入金消込 --variant to-be --out ar.bpmn');
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/the process "売掛金入金消込" has no To-Be map yet/);
      expect(io.writes).toEqual([]);
    });
  });

  it('never overwrites the input: --out naming it (or a link to it) exits 2 before reading', async () => {
    const io = input();
    const same = await run(io, 'export ws.kakehashi --format backlogJson --out ws.kakehashi');
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is the workshop file itself; kakehashi never overwrites its input/);
    io.links.push(['ws.kakehashi', 'link.kakehashi']);
    expect((await run(io, 'export ws.kakehashi --format backlogJson --out link.kakehashi')).code).toBe(2);
    expect(io.reads).toEqual([]);
    expect(io.writes).toEqual([]);
  });

  it('exits 1 with the file\'s problems on stderr when the input is not a valid workshop file, writing nothing', async () => {
    const io = memoryIo({ 'bad.kakehashi': badFileBytes('truncated.kakehashi') });
    const result = await run(io, 'export bad.kakehashi --format csv --out r.csv');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^bad\.kakehashi: steps\[1\]: the file ends early/m);
    expect(result.err).toMatch(/^kakehashi: bad\.kakehashi is not a valid workshop file \(1 problem\); nothing was written$/m);
    expect(io.writes).toEqual([]);
  });

  it('exits 3 when the input cannot be read or the output cannot be written', async () => {
    const missing = await run(memoryIo(), 'export missing.kakehashi --format csv --out r.csv');
    expect(missing).toEqual({ code: 3, out: '', err: 'kakehashi: cannot read "missing.kakehashi": no such file or directory (ENOENT)' });

    const io = input();
    io.failing.set('no-dir/r.csv', 'ENOENT');
    io.failing.set('full/r.csv', 'ENOSPC');
    expect(await run(io, 'export ws.kakehashi --format csv --out no-dir/r.csv')).toEqual({
      code: 3,
      out: '',
      err: 'kakehashi: cannot write "no-dir/r.csv": no such file or directory (ENOENT)',
    });
    expect((await run(io, 'export ws.kakehashi --format csv --out full/r.csv')).err).toMatch(/no space left on the device \(ENOSPC\)/);
  });
});
