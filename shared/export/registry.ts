import type { WorkshopDocument } from '../model/document';
import type { Result } from '../model/problems';
import { backlogEnvelope, writeBacklogJson } from './backlogJson';
import { azureDevOpsCsv } from './azureDevOps';
import { exportContext, type ExportContext, type ExportOptions } from './context';
import { jiraCsv } from './jira';
import { markdownReport } from './markdown';
import { utf8Bytes } from './markup';
import { redmineCsv } from './redmine';
import { reqifXml } from './reqif';
import { requirementsCsv } from './requirementsCsv';
import { backlogWorkbook } from './xlsx';

export type ExporterId = 'backlogJson' | 'xlsx' | 'csv' | 'jira' | 'azureDevOps' | 'redmine' | 'reqif' | 'markdown';

/**
 * One way to export the backlog, as the UI offers it: its name in both languages, the file it
 * makes, and the serializer. `run` never throws for content it cannot write; it says why
 * (today only a CSV in Shift_JIS can fail: a character CP932 lacks).
 */
export interface Exporter {
  readonly id: ExporterId;
  readonly labels: { readonly ja: string; readonly en: string };
  /** Without the dot. */
  readonly extension: string;
  readonly mimeType: string;
  /** Whether `options.csv` (byte order mark, Shift_JIS) applies. */
  readonly csv: boolean;
  run(document: WorkshopDocument, options: ExportOptions): Promise<Result<Uint8Array>>;
}

const utf8 = (text: string): Result<Uint8Array> => ({ ok: true, value: utf8Bytes(text) });

function exporter(
  id: ExporterId,
  labels: Exporter['labels'],
  file: { extension: string; mimeType: string; csv?: boolean },
  serialize: (ctx: ExportContext) => Promise<Result<Uint8Array>>,
): Exporter {
  return { id, labels, extension: file.extension, mimeType: file.mimeType, csv: file.csv ?? false, run: (document, options) => serialize(exportContext(document, options)) };
}

const CSV = { extension: 'csv', mimeType: 'text/csv', csv: true };

/** Every export, in the order the UI lists them. */
export const exporters: readonly Exporter[] = [
  exporter('xlsx', { ja: 'Excel ブック (.xlsx)', en: 'Excel workbook (.xlsx)' }, { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, async (ctx) => ({
    ok: true,
    value: await backlogWorkbook(ctx),
  })),
  exporter('csv', { ja: 'CSV（Excel 用）', en: 'CSV for Excel' }, CSV, requirementsCsv),
  exporter('jira', { ja: 'Jira Cloud 取り込み用 CSV', en: 'Jira Cloud import CSV' }, CSV, jiraCsv),
  exporter('azureDevOps', { ja: 'Azure DevOps 取り込み用 CSV', en: 'Azure DevOps import CSV' }, CSV, azureDevOpsCsv),
  exporter('redmine', { ja: 'Redmine 取り込み用 CSV', en: 'Redmine import CSV' }, CSV, redmineCsv),
  exporter('reqif', { ja: 'ReqIF 1.0 (.reqif)', en: 'ReqIF 1.0 (.reqif)' }, { extension: 'reqif', mimeType: 'application/xml' }, async (ctx) => utf8(reqifXml(ctx))),
  exporter('markdown', { ja: 'Markdown レポート', en: 'Markdown report' }, { extension: 'md', mimeType: 'text/markdown' }, async (ctx) => utf8(markdownReport(ctx))),
  exporter('backlogJson', { ja: 'JSON（Kakehashi バックログ）', en: 'JSON (Kakehashi backlog)' }, { extension: 'json', mimeType: 'application/json' }, async (ctx) =>
    utf8(writeBacklogJson(backlogEnvelope(ctx))),
  ),
];

export function exporterById(id: ExporterId): Exporter {
  const found = exporters.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no exporter ${id}`);
  return found;
}

/**
 * A file name for the save dialog: `<workshop>_backlog_<date>.<ext>` (a `_jira` etc. suffix for
 * tracker CSVs, so they do not overwrite the Excel CSV), without the characters Windows and
 * macOS refuse in file names.
 */
export function suggestedFileName(document: WorkshopDocument, exporter: Exporter, now: string): string {
  const workshop = document.workshop.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 100) || 'kakehashi';
  const variant = exporter.csv && exporter.id !== 'csv' ? `_${exporter.id}` : '';
  return `${workshop}_backlog${variant}_${now.slice(0, 10)}.${exporter.extension}`;
}
