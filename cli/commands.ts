import { indexWorkshop, listedRequirements } from '../shared/backlog';
import { mapToBpmn } from '../shared/bpmn';
import type { CsvOptions } from '../shared/export';
import { utf8Bytes } from '../shared/export/markup';
import type { WorkshopDocument } from '../shared/model/document';
import { sortProcesses } from '../shared/model/library';
import { CURRENT_SCHEMA_VERSION } from '../shared/model/migrations';
import type { Process } from '../shared/model/process';
import type { Problem } from '../shared/model/problems';
import { MAX_WORKSHOP_FILE_BYTES, readWorkshopFile, type WorkshopFileProblem } from '../shared/workshopFile';
import { DEFAULT_LANGUAGE, parseArguments, type EncodingChoice, type ExportArguments } from './args';
import { cliFormats } from './formats';
import { ExitCode, FileTooLargeError, type CliEnvironment, type CliIo } from './io';

export const HELP = `kakehashi — check and convert Kakehashi workshop files (.kakehashi) without opening the app

Usage:
  kakehashi validate <file.kakehashi>...
  kakehashi export <file.kakehashi> --format <id> --out <path> [options]
  kakehashi formats
  kakehashi --help | --version

Commands:
  validate   Reads each file as the app opens it (migrating an older schema). Prints every
             problem as <file>: <path>: <reason>, or one summary line per valid file.
  export     Writes the workshop in a format of the app's export registry, or one process map
             as BPMN 2.0. The output is written atomically; the input file is never overwritten.
  formats    Lists the format ids with what they write.

Export options:
  --format <id>        xlsx, csv, jira, azureDevOps, redmine, reqif, markdown, backlogJson, bpmn
  --out <path>         the file to write (required)
  --lang ja|en         language of the exported file's headings and labels (default ${DEFAULT_LANGUAGE}).
                       This command's own messages are always in English; a problem an
                       exporter reports (e.g. a character CP932 cannot hold) is in --lang
  --process <name>     backlog formats: only the requirements of this process;
                       bpmn: the process whose map to write (required when there are several).
                       The name as in the app (exact, spaces around it ignored), or the process id
  --variant as-is|to-be  bpmn only: which map of the process (default as-is)
  --encoding utf-8|utf-8-bom|cp932
                       CSV formats only: UTF-8 without or with a byte order mark, or Shift_JIS
                       (CP932). Default: with a BOM for csv, without for jira, azureDevOps, redmine

Exit codes:
  0  done
  1  the workshop file is invalid, or the export was refused (e.g. a character CP932 cannot hold)
  2  usage error: unknown command, option or format, a missing argument, no such process
  3  a file could not be read or written

Examples:
  kakehashi validate workshop.kakehashi
  kakehashi export workshop.kakehashi --format xlsx --out backlog.xlsx
  kakehashi export workshop.kakehashi --format csv --encoding cp932 --lang ja --out backlog.csv
  kakehashi export workshop.kakehashi --format bpmn --process 買掛金支払 --variant to-be --out ap.bpmn`;

/**
 * Runs one command line (`argv` without `node` and the script) and answers its exit code.
 * Never throws for anything a user can cause; what went wrong is written to `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo, env: CliEnvironment): Promise<ExitCode> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    io.stderr(`kakehashi: ${parsed.message}`);
    io.stderr('Run `kakehashi --help` for usage.');
    return ExitCode.usage;
  }
  const { command } = parsed;
  switch (command.kind) {
    case 'help':
      for (const line of HELP.split('\n')) io.stdout(line);
      return ExitCode.ok;
    case 'version':
      io.stdout(`kakehashi ${env.version}`);
      return ExitCode.ok;
    case 'formats':
      return formatsCommand(io);
    case 'validate':
      return validateCommand(command.files, io);
    case 'export':
      return exportCommand(command, io, env);
  }
}

export function formatsCommand(io: CliIo): ExitCode {
  const width = Math.max(...cliFormats.map((format) => format.id.length));
  for (const format of cliFormats) {
    const notes = [format.csv ? '--encoding' : '', format.id === 'bpmn' ? '--process, --variant' : ''].filter(Boolean).join(', ');
    io.stdout(`${format.id.padEnd(width)}  ${format.label}${notes ? `  [${notes}]` : ''}`);
  }
  return ExitCode.ok;
}

/** Every file is read, even after a bad one; the exit code is the worst: 3 (unreadable), then 1 (invalid), then 0. */
export async function validateCommand(files: readonly string[], io: CliIo): Promise<ExitCode> {
  let exit: ExitCode = ExitCode.ok;
  for (const file of files) {
    const read = await readDocument(file, io);
    if (read.ok) {
      io.stdout(`${file}: ok — ${summary(read.document, read.migratedFrom)}`);
    } else if (read.exit === ExitCode.io) {
      exit = ExitCode.io;
    } else {
      for (const problem of read.problems) io.stdout(problemLine(problem));
      io.stdout(`${file}: ${plural(read.problems.length, 'problem')}: not a valid workshop file`);
      if (exit === ExitCode.ok) exit = ExitCode.invalid;
    }
  }
  return exit;
}

/** `"買掛金業務": 2 processes, 24 steps, 7 pain points, 12 requirements` (requirements merged into another are not counted). */
export function summary(document: WorkshopDocument, migratedFrom?: number): string {
  const requirements = document.requirements.filter((requirement) => requirement.status !== 'merged').length;
  const counts = [
    plural(document.processes.length, 'process', 'processes'),
    plural(document.steps.length, 'step'),
    plural(document.painPoints.length, 'pain point'),
    plural(requirements, 'requirement'),
  ];
  const migrated = migratedFrom === undefined ? '' : ` (schema ${migratedFrom}, read as schema ${CURRENT_SCHEMA_VERSION})`;
  return `${JSON.stringify(document.workshop.name)}: ${counts.join(', ')}${migrated}`;
}

export async function exportCommand(args: ExportArguments, io: CliIo, env: CliEnvironment): Promise<ExitCode> {
  // Checked before anything is read or written: the workshop file must survive any mistake in the command line.
  if (await io.sameFile(args.file, args.out)) {
    io.stderr(`kakehashi: --out ${JSON.stringify(args.out)} is the workshop file itself; kakehashi never overwrites its input, choose another path`);
    return ExitCode.usage;
  }
  const read = await readDocument(args.file, io);
  if (!read.ok) {
    if (read.exit === ExitCode.invalid) {
      for (const problem of read.problems) io.stderr(problemLine(problem));
      io.stderr(`kakehashi: ${args.file} is not a valid workshop file (${plural(read.problems.length, 'problem')}); nothing was written`);
    }
    return read.exit;
  }
  const { document } = read;

  let process: Process | null = null;
  if (args.process !== null) {
    const found = findProcess(document, args.process);
    if (!found.ok) {
      io.stderr(`kakehashi: ${found.message}`);
      return ExitCode.usage;
    }
    process = found.process;
  }

  const built = args.format.exporter ? await runExporter(args, document, process, env) : await runBpmn(args, document, process);
  if (!built.ok) {
    for (const line of built.lines) io.stderr(line);
    return built.exit;
  }

  try {
    await io.writeFile(args.out, built.bytes);
  } catch (error) {
    io.stderr(`kakehashi: cannot write ${JSON.stringify(args.out)}: ${ioReason(error)}`);
    return ExitCode.io;
  }
  io.stdout(`${args.out}: ${args.format.label}, ${plural(built.bytes.byteLength, 'byte')}${built.note ? ` — ${built.note}` : ''}`);
  return ExitCode.ok;
}

type Built = { ok: true; bytes: Uint8Array; note?: string } | { ok: false; exit: ExitCode; lines: string[] };

async function runExporter(args: ExportArguments, document: WorkshopDocument, process: Process | null, env: CliEnvironment): Promise<Built> {
  const exporter = args.format.exporter!;
  const csv = csvOptions(args.encoding);
  const options = {
    lang: args.lang,
    now: env.now(),
    app: `Kakehashi ${env.version}`,
    ...(process ? { processId: process.id } : {}),
    ...(exporter.csv && csv ? { csv } : {}),
  };
  let result;
  try {
    result = await exporter.run(document, options);
  } catch (error) {
    return { ok: false, exit: ExitCode.invalid, lines: [`kakehashi: the ${exporter.id} export failed: ${errorMessage(error)}`] };
  }
  if (!result.ok) {
    return {
      ok: false,
      exit: ExitCode.invalid,
      lines: [
        ...result.problems.map((problem: Problem) => `${problem.path}: ${problem.message}`),
        `kakehashi: the ${exporter.id} export was refused (${plural(result.problems.length, 'problem')}); nothing was written`,
      ],
    };
  }
  const listed = listedRequirements(indexWorkshop(document), { processId: process?.id ?? null }).length;
  const note = listed > 0 ? undefined : process ? `no requirement traces to the process ${JSON.stringify(process.name)}` : 'the workshop has no requirements yet';
  return { ok: true, bytes: result.value, ...(note ? { note } : {}) };
}

async function runBpmn(args: ExportArguments, document: WorkshopDocument, chosen: Process | null): Promise<Built> {
  const processes = sortProcesses(document.processes);
  let process = chosen;
  if (!process) {
    if (processes.length === 0) return { ok: false, exit: ExitCode.invalid, lines: ['kakehashi: the workshop has no processes, so there is no map to export'] };
    if (processes.length > 1) {
      return {
        ok: false,
        exit: ExitCode.usage,
        lines: [`kakehashi: the workshop has ${processes.length} processes; choose one with --process <name>:`, ...processes.map((p) => `  ${p.name}`)],
      };
    }
    process = processes[0]!;
  }
  const variant = args.variant ?? 'as-is';
  const mapId = variant === 'as-is' ? process.asIsMapId : process.toBeMapId;
  if (!mapId) {
    return {
      ok: false,
      exit: ExitCode.invalid,
      lines: [`kakehashi: the process ${JSON.stringify(process.name)} has no To-Be map yet (the app makes one with "Create To-Be from As-Is"); nothing was written`],
    };
  }
  try {
    return { ok: true, bytes: utf8Bytes(await mapToBpmn(document, mapId, { lang: args.lang })) };
  } catch (error) {
    return { ok: false, exit: ExitCode.invalid, lines: [`kakehashi: the BPMN export failed: ${errorMessage(error)}`] };
  }
}

function csvOptions(encoding: EncodingChoice | null): CsvOptions | undefined {
  switch (encoding) {
    case null:
      return undefined;
    case 'utf-8':
      return { encoding: 'utf-8', bom: false };
    case 'utf-8-bom':
      return { encoding: 'utf-8', bom: true };
    case 'cp932':
      return { encoding: 'cp932' };
  }
}

/** A process by its name (both trimmed, exact), else by its id; an error that lists the names otherwise. */
export function findProcess(document: WorkshopDocument, wanted: string): { ok: true; process: Process } | { ok: false; message: string } {
  const processes = sortProcesses(document.processes);
  const named = processes.filter((process) => process.name.trim() === wanted.trim());
  if (named.length === 1) return { ok: true, process: named[0]! };
  if (named.length > 1) {
    return {
      ok: false,
      message: `${named.length} processes are named ${JSON.stringify(wanted)}; give its id instead: ${named.map((p) => p.id).join(', ')}`,
    };
  }
  const byId = processes.find((process) => process.id === wanted);
  if (byId) return { ok: true, process: byId };
  const names = processes.length === 0 ? 'the workshop has no processes' : `processes: ${processes.map((p) => JSON.stringify(p.name)).join(', ')}`;
  return { ok: false, message: `no process named ${JSON.stringify(wanted)}; ${names}` };
}

type ReadDocument =
  | { ok: true; document: WorkshopDocument; migratedFrom?: number }
  | { ok: false; exit: typeof ExitCode.invalid; problems: readonly WorkshopFileProblem[] }
  | { ok: false; exit: typeof ExitCode.io };

/** Reads and checks a workshop file; an I/O failure is reported here, problems of the content are returned. */
async function readDocument(file: string, io: CliIo): Promise<ReadDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      // Refused before reading, with the reason reading it would have given.
      const message = `the file is too large: ${megabytes(error.size)}, the limit is ${megabytes(MAX_WORKSHOP_FILE_BYTES)}`;
      return { ok: false, exit: ExitCode.invalid, problems: [{ file, path: '(document)', message }] };
    }
    io.stderr(`kakehashi: cannot read ${JSON.stringify(file)}: ${ioReason(error)}`);
    return { ok: false, exit: ExitCode.io };
  }
  const result = readWorkshopFile(bytes, file);
  if (!result.ok) return { ok: false, exit: ExitCode.invalid, problems: result.problems };
  return { ok: true, document: result.value, ...(result.migratedFrom === undefined ? {} : { migratedFrom: result.migratedFrom }) };
}

const problemLine = (problem: WorkshopFileProblem) => `${problem.file}: ${problem.path}: ${problem.message}`;

const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EEXIST: 'the file already exists',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
};

export function ioReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  const reason = code ? IO_REASONS[code] : undefined;
  if (reason) return `${reason} (${code})`;
  return errorMessage(error);
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
