import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { exporterById, type ExportOptions, type ExporterId } from '../../../shared/export';
import type { WorkshopDocument } from '../../../shared/model';
import { BACKLOG_NOW } from '../../fixtures/backlogDocument';

/**
 * Shared by the export tests: running an exporter, reading its bytes back with an independent
 * reader, and golden files. `UPDATE_GOLDEN=1 npx vitest run tests/unit/export` rewrites every
 * golden file (and schemas/backlog.schema.json) from what the code writes now; review the diff.
 */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export const repoPath = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export function options(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return { lang: 'ja', now: BACKLOG_NOW, app: 'Kakehashi 0.1.0', ...overrides };
}

export async function exportBytes(id: ExporterId, document: WorkshopDocument, overrides: Partial<ExportOptions> = {}): Promise<Uint8Array> {
  const result = await exporterById(id).run(document, options(overrides));
  if (!result.ok) throw new Error(`${id} failed: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Parses CSV text as Excel would read it: records, fields unquoted, nothing trimmed. */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Compares bytes with a golden file in tests/fixtures/exports/ (or writes it under UPDATE_GOLDEN=1). */
export function expectGolden(name: string, bytes: Uint8Array | string): void {
  const path = repoPath(`tests/fixtures/exports/${name}`);
  const actual = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  if (UPDATE_GOLDEN || !existsSync(path)) {
    if (!UPDATE_GOLDEN) throw new Error(`no golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/unit/export`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = new Uint8Array(readFileSync(path));
  // Compared as text first, for a readable diff; then byte for byte (BOM, encoding, line ends).
  expect(utf8(actual)).toBe(utf8(expected));
  expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
}

/** A cell that a spreadsheet would take for a formula: the OWASP list and the full-width forms. */
export const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
