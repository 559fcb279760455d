/**
 * Everything the commands do outside themselves, injected so that they run in tests on an
 * in-memory file system. `nodeIo.ts` is the real one.
 */
export interface CliIo {
  /** The file's bytes; rejects with an error carrying a Node `code` (`ENOENT`, `EACCES`, `EISDIR`, `EFBIG` …). */
  readFile(path: string): Promise<Uint8Array>;
  /** Replaces the file atomically (a temporary file beside it, then a rename): never a half-written file. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Whether two paths name the same file (after resolving them, and the same file behind links when both exist). */
  sameFile(a: string, b: string): Promise<boolean>;
  /** A line (without its line break) for standard output. */
  stdout(line: string): void;
  /** A line (without its line break) for standard error. */
  stderr(line: string): void;
}

export interface CliEnvironment {
  /** The app's version, e.g. `0.1.0`: printed by `--version` and written into exports as `Kakehashi 0.1.0`. */
  readonly version: string;
  /** When the export is made, as an ISO timestamp with offset. */
  readonly now: () => string;
}

/** Thrown by `readFile` when the file is larger than a workshop file may be, before reading it. */
export class FileTooLargeError extends Error {
  readonly code = 'EFBIG';
  constructor(readonly size: number) {
    super(`file too large: ${size} bytes`);
  }
}

export const ExitCode = {
  ok: 0,
  /** The workshop file is invalid, or the exporter refused (e.g. a character CP932 cannot hold). */
  invalid: 1,
  /** Unknown command, option or format; a missing argument; a name that matches nothing. */
  usage: 2,
  /** A file could not be read or written. */
  io: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
