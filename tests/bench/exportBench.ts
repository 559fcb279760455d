import papa from 'papaparse/papaparse.min.js';
import { csvText, exportContext, exporterById, loadExcelJs, requirementsTable, utf8Bytes, workbookSheets, type ExporterId, type ExportOptions } from '../../shared/export';
import { readWorkshopDocument } from '../../shared/model';
import { exportBenchDocument } from './exportDocument';

/**
 * The export benchmark, run in the bench page (Chromium, production build — where the app
 * exports). Every figure is the median of `runs` timed runs after one untimed warm-up run,
 * so the lazily loaded chunks (exceljs, iconv-lite) are not in it; the first, cold XLSX export
 * is reported on its own. Each export is set against a baseline measured in the same page on
 * the same cells: a bare `papaparse.unparse` and `JSON.stringify` for the CSV (strings: the
 * export's own work — building the cells, neutralising them, encoding the file — is what the
 * ratio shows), a bare exceljs workbook (same sheets and values, no styles, filters or frozen
 * rows, written to bytes) for the XLSX.
 */

export interface Timing {
  readonly name: string;
  readonly medianMs: number;
  /** Bytes of the file, or characters of a baseline's string. */
  readonly size: number;
}

export interface ExportBenchResult {
  readonly requirements: number;
  readonly runs: number;
  /** Whether the generated workshop passes the app's document validation (checked untimed). */
  readonly documentValid: boolean;
  readonly coldXlsxMs: number;
  readonly csv: { readonly exported: Timing; readonly papaparse: Timing; readonly json: Timing; readonly parts: readonly Timing[] };
  readonly xlsx: { readonly exported: Timing; readonly bareExcelJs: Timing };
  /** The other formats, for information: no target. */
  readonly others: readonly Timing[];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Output size: bytes of a file, UTF-16 code units of a string (the baselines stop before encoding); 0 for anything else. */
const sizeOf = (output: unknown) => (typeof output === 'string' ? output.length : output instanceof Uint8Array ? output.byteLength : 0);

async function time(name: string, runs: number, work: () => unknown): Promise<Timing> {
  let size = sizeOf(await work()); // warm-up, untimed
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    size = sizeOf(await work());
    samples.push(performance.now() - started);
  }
  return { name, medianMs: median(samples), size };
}

export async function runExportBench(requirementCount: number, runs: number): Promise<ExportBenchResult> {
  const document = exportBenchDocument(requirementCount);
  const documentValid = readWorkshopDocument(JSON.parse(JSON.stringify(document))).ok;
  const options: ExportOptions = { lang: 'ja', now: '2026-11-25T09:00:00.000Z', app: 'Kakehashi bench' };
  const run = (id: ExporterId, extra: Partial<ExportOptions> = {}) => async () => {
    const result = await exporterById(id).run(document, { ...options, ...extra });
    if (!result.ok) throw new Error(`${id}: ${result.problems[0]?.message}`);
    return result.value;
  };

  const coldStarted = performance.now();
  await run('xlsx')();
  const coldXlsxMs = performance.now() - coldStarted;

  const table = requirementsTable(exportContext(document, options));
  const cells = table.rows.map((row) => row.cells);
  const text = csvText(table);
  const csv = {
    exported: await time('CSV for Excel (UTF-8, BOM)', runs, run('csv')),
    papaparse: await time('bare papaparse.unparse, same cells', runs, () => papa.unparse({ fields: table.header, data: cells }, { newline: '\r\n' })),
    json: await time('JSON.stringify, same cells', runs, () => JSON.stringify([table.header, ...cells])),
    // Where the export's time goes: the same three stages `requirementsCsv` runs, one at a time.
    parts: [
      await time('1. cells (labels, sources, processes)', runs, () => requirementsTable(exportContext(document, options))),
      await time('2. neutralise + papaparse.unparse', runs, () => csvText(table)),
      await time('3. UTF-8 bytes with BOM', runs, () => utf8Bytes(text, true)),
    ],
  };

  const sheets = workbookSheets(exportContext(document, options));
  const xlsx = {
    exported: await time('XLSX workbook (5 sheets)', runs, run('xlsx')),
    bareExcelJs: await time('bare exceljs workbook, same sheets and values', runs, async () => {
      const { Workbook } = await loadExcelJs();
      const workbook = new Workbook();
      for (const sheet of sheets) {
        const worksheet = workbook.addWorksheet(sheet.name);
        worksheet.addRow(sheet.columns.map((column) => column.header));
        worksheet.addRows(sheet.rows.map((row) => [...row]));
      }
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    }),
  };

  const others = [
    await time('CSV in Shift_JIS (CP932)', runs, run('csv', { csv: { encoding: 'cp932' } })),
    await time('Jira CSV', runs, run('jira')),
    await time('Azure DevOps CSV', runs, run('azureDevOps')),
    await time('Redmine CSV', runs, run('redmine')),
    await time('ReqIF 1.0', runs, run('reqif')),
    await time('Markdown report', runs, run('markdown')),
    await time('JSON backlog', runs, run('backlogJson')),
  ];
  return { requirements: requirementCount, runs, documentValid, coldXlsxMs, csv, xlsx, others };
}
