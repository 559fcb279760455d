import papa from 'papaparse/papaparse.min.js';
import { formatPath, type Result } from '../model/problems';
import { spreadsheetText, type ExportContext } from './context';
import { encodeCp932, toMicrosoftForms, type LocatedCell } from './cp932';
import { utf8Bytes } from './markup';

/** A CSV file before it is written: one header row, then one row per record. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export interface CsvRow {
  /** The requirement the row is about, named in messages about it. */
  readonly key: string | null;
  readonly cells: readonly string[];
}

/**
 * RFC 4180 text: CRLF between records, a field quoted only when it holds a comma, quote or
 * line break (quotes doubled), every cell neutralised so it cannot start a formula.
 */
export function csvText(table: CsvTable): string {
  return papa.unparse(
    { fields: table.header.map(spreadsheetText), data: table.rows.map((row) => row.cells.map(spreadsheetText)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
}

/**
 * The CSV file's bytes: UTF-8 (with a byte order mark when `bom`, which Excel needs to read it
 * as UTF-8), or CP932 — refused, naming every character and cell, when the text holds a
 * character Shift_JIS has no code for. A CP932 file never has a BOM.
 */
export async function writeCsv(ctx: ExportContext, table: CsvTable, defaultBom: boolean): Promise<Result<Uint8Array>> {
  const { encoding = 'utf-8', bom = defaultBom } = ctx.options.csv ?? {};
  if (encoding === 'utf-8') return { ok: true, value: utf8Bytes(csvText(table), bom) };
  const cp932Table: CsvTable = {
    header: table.header.map(toMicrosoftForms),
    rows: table.rows.map((row) => ({ key: row.key, cells: row.cells.map(toMicrosoftForms) })),
  };
  const encoded = await encodeCp932(csvText(cp932Table), () => locatedCells(cp932Table));
  if (encoded.ok) return { ok: true, value: encoded.bytes };
  return {
    ok: false,
    problems: encoded.unencodable.map(({ character, codePoint, row, column, key }) => ({
      path: formatPath(['rows', row, column]),
      message: ctx.labels.unencodable(character, codePoint, row, column, key),
    })),
  };
}

function* locatedCells(table: CsvTable): Generator<LocatedCell> {
  for (const [index, text] of table.header.entries()) yield { text, row: 1, column: text || String(index + 1), key: null };
  for (const [rowIndex, row] of table.rows.entries()) {
    for (const [index, text] of row.cells.entries()) {
      yield { text, row: rowIndex + 2, column: table.header[index] ?? String(index + 1), key: row.key };
    }
  }
}
