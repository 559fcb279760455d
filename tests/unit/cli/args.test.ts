import { describe, expect, it } from 'vitest';
import { parseArguments, type Command } from '../../../cli/args';

const parse = (commandLine: string | string[]) => parseArguments(typeof commandLine === 'string' ? commandLine.split(' ').filter(Boolean) : commandLine);

function command(commandLine: string | string[]): Command {
  const parsed = parse(commandLine);
  if (!parsed.ok) throw new Error(`expected a command, got the usage error: ${parsed.message}`);
  return parsed.command;
}

function usageError(commandLine: string | string[]): string {
  const parsed = parse(commandLine);
  if (parsed.ok) throw new Error(`expected a usage error, got ${JSON.stringify(parsed.command)}`);
  return parsed.message;
}

/** The export command's arguments without the format object, which is checked by its id. */
function exportArguments(commandLine: string | string[]) {
  const parsed = command(commandLine);
  if (parsed.kind !== 'export') throw new Error(`expected export, got ${parsed.kind}`);
  const { format, ...rest } = parsed;
  return { format: format.id, ...rest };
}

describe('parsing the command line', () => {
  it('knows help, version and formats', () => {
    expect(command('--help')).toEqual({ kind: 'help' });
    expect(command('-h')).toEqual({ kind: 'help' });
    expect(command('help')).toEqual({ kind: 'help' });
    expect(command('--version')).toEqual({ kind: 'version' });
    expect(command('formats')).toEqual({ kind: 'formats' });
  });

  it('gives the help for --help anywhere before --, even with other mistakes on the line', () => {
    expect(command('export a.kakehashi --format nope --help')).toEqual({ kind: 'help' });
    expect(command('validate --help')).toEqual({ kind: 'help' });
    expect(command('validate -- --help')).toEqual({ kind: 'validate', files: ['--help'] });
  });

  it('refuses no command, an unknown command, an option where the command should be', () => {
    expect(usageError([])).toBe('no command given');
    expect(usageError('convert a.kakehashi')).toMatch(/^unknown command "convert" \(commands: validate, export, formats, help\)$/);
    expect(usageError('--format csv')).toMatch(/^unknown option "--format"/);
    expect(usageError('--version extra')).toMatch(/unexpected "extra"/);
    expect(usageError('formats csv')).toMatch(/formats takes no arguments/);
  });

  it('validates one file or several; needs at least one; takes no options', () => {
    expect(command('validate a.kakehashi')).toEqual({ kind: 'validate', files: ['a.kakehashi'] });
    expect(command('validate a.kakehashi b.kakehashi')).toEqual({ kind: 'validate', files: ['a.kakehashi', 'b.kakehashi'] });
    expect(usageError('validate')).toMatch(/validate needs a workshop file/);
    expect(usageError('validate a.kakehashi --lang en')).toBe('unknown option "--lang"');
  });

  it('reads an export with its defaults: Japanese, every process, each exporter\'s own encoding, As-Is', () => {
    expect(exportArguments('export a.kakehashi --format csv --out b.csv')).toEqual({
      kind: 'export',
      file: 'a.kakehashi',
      format: 'csv',
      out: 'b.csv',
      lang: 'ja',
      process: null,
      encoding: null,
      variant: null,
    });
  });

  it('takes options before or after the file, with a space or =', () => {
    expect(exportArguments('export --lang=en --format=bpmn a.kakehashi --variant to-be --process=経費精算 --out=x.bpmn')).toEqual({
      kind: 'export',
      file: 'a.kakehashi',
      format: 'bpmn',
      out: 'x.bpmn',
      lang: 'en',
      process: '経費精算',
      encoding: null,
      variant: 'to-be',
    });
  });

  it('matches format ids ignoring case, and reads every CSV encoding', () => {
    expect(exportArguments('export a --format azuredevops --out b').format).toBe('azureDevOps');
    expect(exportArguments('export a --format BACKLOGJSON --out b').format).toBe('backlogJson');
    for (const encoding of ['utf-8', 'utf-8-bom', 'cp932'] as const) {
      expect(exportArguments(`export a --format jira --encoding ${encoding} --out b`).encoding).toBe(encoding);
    }
    expect(exportArguments('export a --format csv --encoding UTF-8-BOM --out b').encoding).toBe('utf-8-bom');
  });

  it('trims the process name, and keeps one with spaces inside when quoted by the shell', () => {
    expect(exportArguments(['export', 'a', '--format', 'bpmn', '--process', '  月次 決算 ', '--out', 'b']).process).toBe('月次 決算');
    expect(usageError(['export', 'a', '--format', 'bpmn', '--process', '   ', '--out', 'b'])).toBe('--process needs a process name');
  });

  it('accepts a file named like an option after --, and a lone - as a file name', () => {
    expect(exportArguments('export --format csv --out b.csv -- -odd.kakehashi').file).toBe('-odd.kakehashi');
    expect(exportArguments('export - --format csv --out b.csv').file).toBe('-');
  });

  it('refuses an export without a file, with two files, without --format or --out', () => {
    expect(usageError('export --format csv --out b.csv')).toMatch(/export needs a workshop file/);
    expect(usageError('export a b --format csv --out c')).toMatch(/export takes one workshop file, got 2/);
    expect(usageError('export a --out b.csv')).toMatch(/export needs --format <id>; formats: xlsx, csv, jira, azureDevOps, redmine, reqif, markdown, backlogJson, bpmn$/);
    expect(usageError('export a --format csv')).toMatch(/export needs --out <path>/);
  });

  it('refuses an unknown format, naming the ones there are', () => {
    expect(usageError('export a --format pdf --out b')).toBe(
      'unknown format "pdf"; formats: xlsx, csv, jira, azureDevOps, redmine, reqif, markdown, backlogJson, bpmn (kakehashi formats lists them)',
    );
  });

  it('refuses unknown values of --lang, --encoding and --variant', () => {
    expect(usageError('export a --format csv --lang fr --out b')).toBe('unknown --lang "fr"; languages: ja, en');
    expect(usageError('export a --format csv --encoding latin1 --out b')).toBe('unknown --encoding "latin1"; encodings: utf-8, utf-8-bom, cp932');
    expect(usageError('export a --format bpmn --variant future --out b')).toBe('unknown --variant "future"; variants: as-is, to-be');
  });

  it('refuses an option that does not apply to the format', () => {
    expect(usageError('export a --format xlsx --encoding cp932 --out b')).toBe(
      '--encoding applies to the CSV formats (csv, jira, azureDevOps, redmine), not to xlsx',
    );
    expect(usageError('export a --format bpmn --encoding utf-8 --out b')).toMatch(/^--encoding applies to the CSV formats/);
    expect(usageError('export a --format csv --variant to-be --out b')).toBe('--variant applies to the bpmn format only, not to csv');
  });

  it('refuses unknown options, a missing or empty value, an option given twice', () => {
    expect(usageError('export a --format csv --out b --force')).toBe(
      'unknown option "--force"; options: --format, --out, --lang, --process, --encoding, --variant',
    );
    expect(usageError('export a --format csv -o b')).toMatch(/^unknown option "-o"/);
    expect(usageError('export a --format csv --out')).toBe('--out needs a value');
    expect(usageError('export a --format csv --out --lang en')).toBe('--out needs a value');
    expect(usageError('export a --format csv --out=')).toBe('--out needs a value');
    expect(usageError('export a --format csv --format xlsx --out b')).toBe('--format is given twice');
  });
});
