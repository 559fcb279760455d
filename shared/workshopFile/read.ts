import { DOCUMENT_TYPE, readWorkshopDocument, type WorkshopDocument } from '../model/document';
import { formatPath, type Problem, type Result } from '../model/problems';
import { recogniseBytes, recogniseJson, recogniseMarkup } from './foreignFormats';
import { findJsonTextProblem, lineAndColumn, type JsonTextProblem } from './jsonText';

/** Far above any real workshop (a large one is a few MB); checked before the text is decoded or parsed. */
export const MAX_WORKSHOP_FILE_BYTES = 50 * 1024 * 1024;
/** A workshop file nests about six levels; anything far deeper is not one, and could exhaust the stack. */
export const MAX_NESTING_DEPTH = 100;

/** Keys that can reach an object's prototype when code copies or merges parsed JSON naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface WorkshopFileProblem extends Problem {
  /** The file's name as the user knows it, so a list of problems from several files stays readable. */
  readonly file: string;
}

export type WorkshopFileResult =
  | { readonly ok: true; readonly value: WorkshopDocument; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: readonly WorkshopFileProblem[] };

type DocumentResult = Result<WorkshopDocument> & { readonly migratedFrom?: number };

const ROOT = '(document)';

/**
 * Reads a `.kakehashi` file: its bytes (or text already decoded), then the JSON, then the
 * workshop document with migration, validation and reference checks. Never throws: whatever
 * the input, the answer is a document or problems that each name the file, where in the
 * document, and what is wrong — so nothing is written to the library from a bad file.
 */
export function readWorkshopFile(input: Uint8Array | string, fileName: string): WorkshopFileResult {
  const result = readDocument(input);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((problem) => ({ file: fileName, ...problem })) };
}

function readDocument(input: Uint8Array | string): DocumentResult {
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > MAX_WORKSHOP_FILE_BYTES) {
    return fail(ROOT, `the file is too large: ${megabytes(size)}, the limit is ${megabytes(MAX_WORKSHOP_FILE_BYTES)}`);
  }
  const decoded = typeof input === 'string' ? { ok: true as const, value: input.replace(/^\uFEFF/, '') } : decodeUtf8(input);
  if (!decoded.ok) return decoded;
  const text = decoded.value;

  if (text.trim().length === 0) return fail(ROOT, 'the file is empty');
  if (/^\0+$/.test(text)) {
    return fail(ROOT, 'the file holds only zero bytes: it was not written completely (for example the computer stopped while saving)');
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const { line, column } = lineAndColumn(text, nul);
    return fail(ROOT, `the file holds binary data (a zero byte at line ${line}, column ${column}): it is damaged or not a workshop file`);
  }
  const markup = recogniseMarkup(text);
  if (markup) return fail(ROOT, notAWorkshop(markup));

  const syntaxProblem = findJsonTextProblem(text, MAX_NESTING_DEPTH);
  if (syntaxProblem) return fail(syntaxProblem.at.path, describeJsonTextProblem(syntaxProblem));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // The grammar check above should leave nothing for JSON.parse to refuse; kept so reading never throws.
    return fail(ROOT, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length > 0) return { ok: false, problems: forbidden };
  if (isObject(raw) && raw.type !== DOCUMENT_TYPE) {
    const foreign = recogniseJson(raw);
    if (foreign) return fail('type', notAWorkshop(foreign));
  }
  return readWorkshopDocument(raw);
}

function decodeUtf8(bytes: Uint8Array): Result<string> {
  const foreign = recogniseBytes(bytes);
  if (foreign) return fail(ROOT, notAWorkshop(foreign));
  try {
    // `fatal` refuses invalid UTF-8 instead of replacing it with U+FFFD; the BOM, if any, is dropped.
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(ROOT, 'the file is not UTF-8 text: it is binary data, or text in another encoding such as Shift_JIS (a workshop file is UTF-8 JSON)');
  }
}

function describeJsonTextProblem(problem: JsonTextProblem): string {
  const where = `line ${problem.at.line}, column ${problem.at.column}`;
  switch (problem.kind) {
    case 'truncated':
      return `the file ends early at ${where}: it is probably truncated (an interrupted save, copy or download)`;
    case 'unexpected':
      return `not valid JSON at ${where}: expected ${problem.expected}, found ${problem.found}`;
    case 'trailing':
      return `not valid JSON at ${where}: ${problem.found} after the end of the document`;
    case 'tooDeep':
      return `nested more than ${problem.limit} levels deep at ${where}: a workshop file never is`;
  }
}

/**
 * `JSON.parse` makes `__proto__` an ordinary own property, harmless until some code copies it
 * with assignment or a naive deep merge. Kakehashi never writes these keys, so a file that has
 * them was made by hand or by something else: refused, with every place named.
 */
function findForbiddenKeys(value: unknown, path: (string | number)[] = [], found: Problem[] = []): Problem[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      path.push(index);
      findForbiddenKeys(item, path, found);
      path.pop();
    });
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        const message = `the key "${key}" is not allowed: Kakehashi never writes it, and it could tamper with the app's objects`;
        found.push({ path: formatPath(path), message });
      } else findForbiddenKeys(inner, path, found);
      path.pop();
    }
  }
  return found;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const notAWorkshop = (looksLike: string) => `not a Kakehashi workshop file: it looks like ${looksLike}`;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Bytes the text takes as UTF-8, so a string is held to the same limit as the file it came from. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes for 2 code units; other code units above U+07FF are 3 bytes.
    if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
    else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}
