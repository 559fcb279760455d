import { readFileSync } from 'node:fs';
import { runCli } from '../../../cli/commands';
import type { CliEnvironment, CliIo } from '../../../cli/io';
import { FileTooLargeError } from '../../../cli/io';
import { newId, type MapId, type ProcessId, type WorkshopDocument } from '../../../shared/model';
import { findTemplate, instantiateTemplate } from '../../../shared/templates';
import { readWorkshopFile, writeWorkshopFile } from '../../../shared/workshopFile';

/** Shared fakes for the command line's tests: fixture files, an in-memory file system and terminal. */

const documentsFolder = new URL('../../fixtures/documents/', import.meta.url);
const badFilesFolder = new URL('../../fixtures/bad-files/', import.meta.url);

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, documentsFolder)));
export const badFileBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, badFilesFolder)));

/** One process (買掛金支払) with an As-Is and a To-Be map, pain points, exceptions and two requirements. */
export const EVERY_TABLE = 'v2-every-table.kakehashi';

export function fixtureDocument(name: string = EVERY_TABLE): WorkshopDocument {
  const read = readWorkshopFile(fixtureBytes(name), name);
  if (!read.ok) throw new Error(`fixture ${name} does not read: ${JSON.stringify(read.problems)}`);
  return read.value;
}

export const fileBytes = (document: WorkshopDocument): Uint8Array => new TextEncoder().encode(writeWorkshopFile(document));

/** The every-table fixture with a second process, 売掛金入金消込, whose As-Is map is drawn from its template (no To-Be map). */
export function twoProcessDocument(): WorkshopDocument {
  const document = fixtureDocument();
  const template = findTemplate('cashApplication')!;
  const workshopId = document.workshop.id;
  const processId: ProcessId = newId('process');
  const mapId: MapId = newId('map');
  const now = '2026-11-20T09:00:00.000Z';
  const records = instantiateTemplate(template, 'ja', { workshopId, mapId });
  const withSecond: WorkshopDocument = {
    ...document,
    processes: [...document.processes, { id: processId, workshopId, name: template.name.ja, order: 99, asIsMapId: mapId, toBeMapId: null, createdAt: now, updatedAt: now }],
    maps: [...document.maps, { id: mapId, workshopId, processId, variant: 'asIs', forkedFromMapId: null, createdAt: now, updatedAt: now }],
    lanes: [...document.lanes, ...records.lanes],
    steps: [...document.steps, ...records.steps],
    connections: [...document.connections, ...records.connections],
  };
  // Checked as a file being opened, so no test runs on a workshop the app could not hold.
  const read = readWorkshopFile(fileBytes(withSecond), 'two-processes.kakehashi');
  if (!read.ok) throw new Error(`two-process workshop is invalid: ${JSON.stringify(read.problems)}`);
  return read.value;
}

/** The every-table fixture whose first requirement's title holds 𠮷 (U+20BB7), which Shift_JIS (CP932) has no code for. */
export function cp932UnfriendlyDocument(): WorkshopDocument {
  const document = fixtureDocument();
  const [first, ...rest] = document.requirements;
  return { ...document, requirements: [{ ...first!, title: '𠮷野家の請求書を取り込む' }, ...rest] };
}

export interface MemoryIo extends CliIo {
  readonly files: Map<string, Uint8Array>;
  readonly out: string[];
  readonly err: string[];
  /** Paths whose read or write fails with this Node error code. */
  readonly failing: Map<string, string>;
  /** Paths `sameFile` says are the same file as another (a link): `[a, b]`. */
  readonly links: [string, string][];
  /** Paths read, in order. */
  readonly reads: string[];
  readonly writes: string[];
}

const ioError = (code: string, path: string) => Object.assign(new Error(`${code}: ${path}`), { code });

export function memoryIo(initial: Record<string, Uint8Array> = {}): MemoryIo {
  const io: MemoryIo = {
    files: new Map(Object.entries(initial)),
    out: [],
    err: [],
    failing: new Map(),
    links: [],
    reads: [],
    writes: [],
    async readFile(path) {
      io.reads.push(path);
      const failure = io.failing.get(path);
      if (failure === 'EFBIG') throw new FileTooLargeError(60 * 1024 * 1024);
      if (failure) throw ioError(failure, path);
      const bytes = io.files.get(path);
      if (!bytes) throw ioError('ENOENT', path);
      return bytes;
    },
    async writeFile(path, bytes) {
      const failure = io.failing.get(path);
      if (failure) throw ioError(failure, path);
      io.writes.push(path);
      io.files.set(path, bytes);
    },
    async sameFile(a, b) {
      return a === b || io.links.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    },
    stdout: (line) => io.out.push(line),
    stderr: (line) => io.err.push(line),
  };
  return io;
}

export const NOW = '2026-11-25T09:00:00.000Z';
export const env: CliEnvironment = { version: '1.2.3', now: () => NOW };

/** Runs a command line as a user would type it (split on spaces; no quoting needed in these tests). */
export async function run(io: MemoryIo, commandLine: string | readonly string[]) {
  const argv = typeof commandLine === 'string' ? commandLine.split(' ').filter(Boolean) : commandLine;
  const code = await runCli(argv, io, env);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
