import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, readWorkshopDocument, type WorkshopDocument } from '../../../shared/model';
import {
  MAX_NESTING_DEPTH,
  MAX_WORKSHOP_FILE_BYTES,
  readWorkshopFile,
  writeWorkshopFile,
  type WorkshopFileResult,
} from '../../../shared/workshopFile';
import { badFileBytes, documentFixture, documentFixtureBytes, documentFixtures, onlyProblem, valid } from './files';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** For the tests that read 50 MB or run hundreds of property cases: roomy when the machine is busy. */
const SLOW = 30_000;

describe('writing and reading a workshop file', () => {
  it.each(documentFixtures)('gives back an equal workshop for %s', (name) => {
    const document = documentFixture(name);
    const text = writeWorkshopFile(document);
    expect(valid(readWorkshopFile(text, 'saved.kakehashi'))).toEqual(document);
    expect(valid(readWorkshopFile(utf8(text), 'saved.kakehashi'))).toEqual(document);
  });

  it('fills every table in the round-trip fixture', () => {
    const document = documentFixture('v5-every-table.kakehashi');
    for (const [table, value] of Object.entries(document)) {
      if (Array.isArray(value)) expect(value.length, table).toBeGreaterThan(0);
    }
    expect(document.workshop.participants.length).toBeGreaterThan(0);
  });

  it('writes the same text however the records were put together', () => {
    const document = documentFixture('v2-every-table.kakehashi');
    const reversed = (record: object) => Object.fromEntries(Object.entries(record).reverse());
    const shuffled = {
      ...document,
      steps: document.steps.map(reversed),
      workshop: reversed({ ...document.workshop, participants: document.workshop.participants.map(reversed) }),
    } as WorkshopDocument;
    const text = writeWorkshopFile(document);
    expect(writeWorkshopFile(shuffled)).toBe(text);
    expect(writeWorkshopFile(valid(readWorkshopFile(text, 'again.kakehashi')))).toBe(text);
  });

  it('starts with the envelope, type first, and ends with a newline', () => {
    const text = writeWorkshopFile(documentFixture('v2-accounts-payable.kakehashi'));
    expect(Object.keys(JSON.parse(text)).slice(0, 5)).toEqual(['type', 'schemaVersion', 'app', 'savedAt', 'workshop']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('opening files of older schema versions', () => {
  it.each(documentFixtures)('migrates %s to the current schema and says from which', (name) => {
    const written = (JSON.parse(new TextDecoder().decode(documentFixtureBytes(name))) as { schemaVersion: number }).schemaVersion;
    const result = readWorkshopFile(documentFixtureBytes(name), name);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.migratedFrom).toBe(written < CURRENT_SCHEMA_VERSION ? written : undefined);
  });

  it('gives the steps of a schema 1 file their attributes', () => {
    const result = readWorkshopFile(documentFixtureBytes('v1-accounts-payable.kakehashi'), 'v1.kakehashi');
    expect(result.ok && result.migratedFrom).toBe(1);
    if (result.ok) expect(result.value.steps[0]).toMatchObject({ label: '請求書発行', performers: [], tools: [], touchMinutes: null });
  });
});

describe('reading text the way files come', () => {
  const text = writeWorkshopFile(documentFixture('v2-accounts-payable.kakehashi'));

  it('accepts a UTF-8 byte order mark, as bytes or as text', () => {
    expect(readWorkshopFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'bom.kakehashi').ok).toBe(true);
    expect(readWorkshopFile(`\uFEFF${text}`, 'bom.kakehashi').ok).toBe(true);
  });

  it('accepts Windows line endings', () => {
    expect(readWorkshopFile(text.replace(/\n/g, '\r\n'), 'crlf.kakehashi').ok).toBe(true);
  });
});

/** Each file of tests/fixtures/bad-files with the one problem it must get: where, and words the reason must hold. */
const badFiles: [file: string, path: string | RegExp, reason: RegExp][] = [
  ['empty.kakehashi', '(document)', /empty/],
  ['zero-filled.kakehashi', '(document)', /only zero bytes.*not written completely/],
  ['truncated.kakehashi', 'steps[1]', /ends early at line 110, column 29: it is probably truncated/],
  ['not-json.kakehashi', '(document)', /not valid JSON at line 1, column 1: expected a value .*found 'ワ'/],
  ['missing-comma.kakehashi', 'processes[0]', /not valid JSON at line 42, column 7: expected ',' or '}', found '"'/],
  ['process.bpmn', '(document)', /not a Kakehashi workshop file: it looks like a BPMN 2\.0 diagram/],
  ['jira-issues.json', 'type', /not a Kakehashi workshop file: it looks like an issue export \(Jira/],
  ['backup-bundle.json', 'type', /another kind \("kakehashi-backup"\)/],
  ['newer-version.kakehashi', 'schemaVersion', new RegExp(`newer version of Kakehashi \\(schema 999; this app reads up to ${CURRENT_SCHEMA_VERSION}\\)`)],
  ['deep-nesting.kakehashi', /^steps\[0\]\.notes(\[0\])+$/, new RegExp(`nested more than ${MAX_NESTING_DEPTH} levels deep at line \\d+, column \\d+`)],
  ['dangling-reference.kakehashi', 'connections[0].targetStepId', /refers to a step of the same map that is not in the document \(step:vanished1\)/],
];

describe('a corpus of bad files', () => {
  it.each(badFiles)('refuses %s, naming the file, where and why', (file, path, reason) => {
    const problem = onlyProblem(readWorkshopFile(badFileBytes(file), file));
    expect(problem.file).toBe(file);
    if (typeof path === 'string') expect(problem.path).toBe(path);
    else expect(problem.path).toMatch(path);
    expect(problem.message).toMatch(reason);
  });

  it('refuses __proto__ and constructor keys at every place, and changes no prototype', () => {
    const result = readWorkshopFile(badFileBytes('proto-keys.kakehashi'), 'proto-keys.kakehashi');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path)).toEqual(['workshop.__proto__', 'steps[0].constructor']);
    expect(result.problems[0]?.message).toMatch(/the key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  it('refuses a file over the size limit before reading it, saying both sizes', () => {
    const bytes = new Uint8Array(MAX_WORKSHOP_FILE_BYTES + 1).fill(0x20);
    bytes[0] = 0x7b;
    const problem = onlyProblem(readWorkshopFile(bytes, 'huge.kakehashi'));
    expect(problem).toMatchObject({ path: '(document)', message: 'the file is too large: 50.0 MB, the limit is 50.0 MB' });
    // Counted in UTF-8 bytes: 17.5 M characters of three bytes each.
    const text = 'あ'.repeat(MAX_WORKSHOP_FILE_BYTES / 3 + 1);
    expect(onlyProblem(readWorkshopFile(text, 'huge.kakehashi')).message).toMatch(/too large: 50\.0 MB/);
  }, SLOW);

  it('reads a file just under the size limit', () => {
    const text = writeWorkshopFile(documentFixture('v2-accounts-payable.kakehashi'));
    const padded = text + ' '.repeat(MAX_WORKSHOP_FILE_BYTES - utf8(text).length);
    expect(readWorkshopFile(padded, 'big.kakehashi').ok).toBe(true);
  }, SLOW);
});

describe('files that are not text or not JSON', () => {
  it.each([
    ['a Shift_JIS file', [0x7b, 0x22, 0x82, 0xa0, 0x22, 0x7d], /not UTF-8 text.*Shift_JIS/],
    ['a PDF', [...utf8('%PDF-1.7\n')], /looks like a PDF document/],
    ['an Excel workbook', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /looks like a ZIP archive \(for example an Excel \.xlsx/],
    ['UTF-16 text', [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00], /looks like text in UTF-16/],
    ['a file with a zero byte inside', [...utf8('{\n  "type"'), 0, 0, 0], /binary data \(a zero byte at line 2, column 9\)/],
  ])('refuses %s', (_name, bytes, reason) => {
    const problem = onlyProblem(readWorkshopFile(new Uint8Array(bytes), 'odd.kakehashi'));
    expect(problem.path).toBe('(document)');
    expect(problem.message).toMatch(reason);
  });

  it.each([
    ['text after the document', '{"type": "kakehashi-workshop"} {}', '(document)', /line 1, column 32: '\{' after the end of the document/],
    ['an unknown escape', '{\n"type": "a\\x"}', 'type', /line 2, column 12: expected an escape/],
    ['a line break inside a string', '{"app": "Kakehashi\n0.1"}', 'app', /line 1, column 19: expected a line break or tab inside a string written as \\n or \\t, found U\+000A/],
    ['a trailing comma', '{"steps": [1, 2,]}', 'steps[2]', /expected a value/],
    ['a number without digits', '{"order": -}', 'order', /expected a digit, found '\}'/],
    ['a single-quoted key', "{'type': 1}", '(document)', /expected a property name in double quotes, found '''/],
    ['an unfinished literal', '{"deletedAt": nul', 'deletedAt', /ends early/],
  ])('says where the JSON is broken: %s', (_name, text, path, reason) => {
    const problem = onlyProblem(readWorkshopFile(text, 'broken.kakehashi'));
    expect(problem.path).toBe(path);
    expect(problem.message).toMatch(reason);
  });

  it('accepts nesting up to the limit and refuses one level more', () => {
    const nested = (levels: number) => `{"type": "kakehashi-workshop", "x": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    expect(onlyProblem(readWorkshopFile(nested(MAX_NESTING_DEPTH), 'ok.kakehashi')).path).toBe('schemaVersion');
    expect(onlyProblem(readWorkshopFile(nested(MAX_NESTING_DEPTH + 1), 'deep.kakehashi')).message).toMatch(/nested more than/);
  });
});

describe('reading never throws', () => {
  const fixture = writeWorkshopFile(documentFixture('v2-every-table.kakehashi'));
  const wellFormed = (result: WorkshopFileResult) =>
    result.ok || (result.problems.length > 0 && result.problems.every((problem) => problem.file === 'any.kakehashi' && problem.path.length > 0 && problem.message.length > 0));

  it('on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => wellFormed(readWorkshopFile(bytes, 'any.kakehashi'))), { numRuns: 500 });
  });

  it('on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => wellFormed(readWorkshopFile(text, 'any.kakehashi'))), { numRuns: 500 });
  }, SLOW);

  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => wellFormed(readWorkshopFile(JSON.stringify(value) ?? '', 'any.kakehashi'))), { numRuns: 300 });
  });

  it('on a workshop file cut short or with one character changed', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixture.trimEnd().length - 1 }), fc.string({ unit: 'binary', maxLength: 1 }), (at, replacement) => {
        const cut = readWorkshopFile(fixture.slice(0, at), 'any.kakehashi');
        const changed = readWorkshopFile(fixture.slice(0, at) + replacement + fixture.slice(at + 1), 'any.kakehashi');
        return wellFormed(cut) && !cut.ok && wellFormed(changed);
      }),
      { numRuns: 300 },
    );
  }, SLOW);

  it('and agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue(), (noise, value) => {
        const text = `{"x": ${JSON.stringify(value)}${noise}}`;
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const result = readWorkshopFile(text, 'any.kakehashi');
        // Text JSON.parse accepts reaches the document checks (path `type`); any other is refused as JSON.
        const reachedDocument = !result.ok && result.problems[0]?.path === 'type';
        return parses ? reachedDocument || text.includes('\0') || /__proto__|constructor|prototype/.test(text) : !reachedDocument;
      }),
      { numRuns: 500 },
    );
  });
});

it('reads what readWorkshopDocument reads, with the file named', () => {
  const raw = { type: 'kakehashi-workshop', schemaVersion: CURRENT_SCHEMA_VERSION };
  const direct = readWorkshopDocument(raw);
  const fromFile = readWorkshopFile(JSON.stringify(raw), 'minimal.kakehashi');
  expect(direct.ok || fromFile.ok).toBe(false);
  if (!direct.ok && !fromFile.ok) expect(fromFile.problems).toEqual(direct.problems.map((problem) => ({ file: 'minimal.kakehashi', ...problem })));
});
