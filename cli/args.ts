import type { Language } from '../shared/platform/bridge';
import { cliFormats, formatById, type CliFormat } from './formats';

/** `--encoding` as typed: `utf-8` without a byte order mark, `utf-8-bom` with one, `cp932` (Shift_JIS as Windows writes it). */
export type EncodingChoice = 'utf-8' | 'utf-8-bom' | 'cp932';
export type VariantChoice = 'as-is' | 'to-be';

export interface ExportArguments {
  readonly file: string;
  readonly format: CliFormat;
  readonly out: string;
  /** Language of the exported file's headings and labels (never of the command's messages). */
  readonly lang: Language;
  /** A process name as typed (trimmed), matched against the workshop's processes later. */
  readonly process: string | null;
  /** Null: each CSV exporter's own default (a BOM for `csv`, none for the tracker CSVs). */
  readonly encoding: EncodingChoice | null;
  /** BPMN only; null means As-Is. */
  readonly variant: VariantChoice | null;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'formats' }
  | { readonly kind: 'validate'; readonly files: readonly string[] }
  | ({ readonly kind: 'export' } & ExportArguments);

export type ParsedArguments = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly message: string };

export const DEFAULT_LANGUAGE: Language = 'ja';
export const COMMANDS = ['validate', 'export', 'formats', 'help'] as const;
const LANGUAGES: readonly Language[] = ['ja', 'en'];
const ENCODINGS: readonly EncodingChoice[] = ['utf-8', 'utf-8-bom', 'cp932'];
const VARIANTS: readonly VariantChoice[] = ['as-is', 'to-be'];
const EXPORT_OPTIONS = ['format', 'out', 'lang', 'process', 'encoding', 'variant'] as const;
type ExportOption = (typeof EXPORT_OPTIONS)[number];

const usage = (message: string): ParsedArguments => ({ ok: false, message });
const quoted = (text: string) => JSON.stringify(text);
const list = (values: readonly string[]) => values.join(', ');

/**
 * The command line, without `node` and the script: `["export", "a.kakehashi", "--format", "csv", …]`.
 * Pure; every mistake is a message for a usage error (exit 2), checked before any file is read.
 * Options take their value as the next argument or after `=`; `--` ends the options, so a file
 * whose name starts with `-` can still be named. `--help` (or `-h`) anywhere asks for the help.
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const endOfOptions = argv.indexOf('--');
  const beforeEnd = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (beforeEnd.includes('--help') || beforeEnd.includes('-h')) return { ok: true, command: { kind: 'help' } };

  const [first, ...rest] = argv;
  if (first === undefined) return usage('no command given');
  if (first === '--version' || first === '-V') {
    return rest.length === 0 ? { ok: true, command: { kind: 'version' } } : usage(`unexpected ${quoted(rest[0]!)} after --version`);
  }
  if (first.startsWith('-')) return usage(`unknown option ${quoted(first)} (a command comes first: ${list(COMMANDS)})`);

  switch (first) {
    case 'help':
      return { ok: true, command: { kind: 'help' } };
    case 'formats':
      return rest.length === 0 ? { ok: true, command: { kind: 'formats' } } : usage(`formats takes no arguments, got ${quoted(rest[0]!)}`);
    case 'validate':
      return parseValidate(rest);
    case 'export':
      return parseExport(rest);
    default:
      return usage(`unknown command ${quoted(first)} (commands: ${list(COMMANDS)})`);
  }
}

function parseValidate(args: readonly string[]): ParsedArguments {
  const split = splitArguments(args, []);
  if (!split.ok) return split;
  if (split.files.length === 0) return usage('validate needs a workshop file: kakehashi validate <file.kakehashi>');
  return { ok: true, command: { kind: 'validate', files: split.files } };
}

function parseExport(args: readonly string[]): ParsedArguments {
  const split = splitArguments(args, EXPORT_OPTIONS);
  if (!split.ok) return split;
  const { files, options } = split;
  if (files.length === 0) return usage('export needs a workshop file: kakehashi export <file.kakehashi> --format <id> --out <path>');
  if (files.length > 1) return usage(`export takes one workshop file, got ${files.length}: ${list(files.map(quoted))}`);

  if (options.format === undefined) return usage(`export needs --format <id>; formats: ${list(cliFormats.map((f) => f.id))}`);
  const format = formatById(options.format);
  if (!format) return usage(`unknown format ${quoted(options.format)}; formats: ${list(cliFormats.map((f) => f.id))} (kakehashi formats lists them)`);
  if (options.out === undefined) return usage('export needs --out <path>: where to write the file');

  const lang = options.lang ?? DEFAULT_LANGUAGE;
  if (!isOneOf(lang, LANGUAGES)) return usage(`unknown --lang ${quoted(lang)}; languages: ${list(LANGUAGES)}`);

  const encoding = options.encoding?.toLowerCase() ?? null;
  if (encoding !== null) {
    if (!isOneOf(encoding, ENCODINGS)) return usage(`unknown --encoding ${quoted(options.encoding!)}; encodings: ${list(ENCODINGS)}`);
    if (!format.csv) return usage(`--encoding applies to the CSV formats (${list(cliFormats.filter((f) => f.csv).map((f) => f.id))}), not to ${format.id}`);
  }

  const variant = options.variant?.toLowerCase() ?? null;
  if (variant !== null) {
    if (!isOneOf(variant, VARIANTS)) return usage(`unknown --variant ${quoted(options.variant!)}; variants: ${list(VARIANTS)}`);
    if (format.id !== 'bpmn') return usage(`--variant applies to the bpmn format only, not to ${format.id}`);
  }

  const process = options.process?.trim() ?? null;
  if (process === '') return usage('--process needs a process name');

  return {
    ok: true,
    command: { kind: 'export', file: files[0]!, format, out: options.out, lang, process, encoding, variant },
  };
}

type Split<O extends string> =
  | { readonly ok: true; readonly files: string[]; readonly options: Partial<Record<O, string>> }
  | { readonly ok: false; readonly message: string };

/** Positional arguments and `--name value` / `--name=value` options, each allowed once. */
function splitArguments<O extends string>(args: readonly string[], known: readonly O[]): Split<O> {
  const files: string[] = [];
  const options: Partial<Record<O, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, equals === -1 ? undefined : equals) : '';
    if (!isOneOf(name, known)) {
      return { ok: false, message: known.length === 0 ? `unknown option ${quoted(arg)}` : `unknown option ${quoted(arg)}; options: ${list(known.map((o) => `--${o}`))}` };
    }
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      value = args[i + 1];
      // `--out --format` is a forgotten value, not a file called "--format".
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return { ok: false, message: `--${name} needs a value` };
      i += 1;
    }
    if (value === '') return { ok: false, message: `--${name} needs a value` };
    if (options[name] !== undefined) return { ok: false, message: `--${name} is given twice` };
    options[name] = value;
  }
  return { ok: true, files, options };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
