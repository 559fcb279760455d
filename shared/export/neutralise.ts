/**
 * Characters a spreadsheet takes as the start of a formula (or, for tab and CR, as a way to
 * smuggle one past a first-character check): `=`, `+`, `-`, `@`, tab, carriage return — the
 * OWASP "CSV injection" list — and their full-width forms, which Japanese Excel also turns
 * into formulas when they start an entry.
 */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/**
 * Makes a cell read as text in Excel, LibreOffice and Google Sheets: a value that begins with
 * a formula trigger gets a leading apostrophe. The apostrophe is the convention spreadsheets
 * themselves use for "this is text" and it survives every CSV reader; the cost is that a
 * reader of the raw file sees it (e.g. "'- 月末…" for a typed bullet list). Every CSV and
 * XLSX writer passes every text cell through here, so no exported cell can start a formula.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
}
