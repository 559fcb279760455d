import { targetName, traceLinks } from '../backlog';
import type { InterviewSessionId, ParticipantId, ProcessId } from '../model/ids';
import { exportedQuestions, inScope, keysTracing, spreadsheetText, type ExportContext } from './context';
import { xmlCharacters } from './markup';
import { requirementsTable } from './requirementsCsv';

type CellValue = string | number | null;

/** One worksheet: its columns (header and width in characters) and its rows. */
export interface SheetData {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly CellValue[])[];
}

const REQUIREMENT_WIDTHS = [10, 40, 16, 14, 8, 14, 60, 60, 40, 16];

/** The six sheets, as plain data (what the workbook is written from, and what tests compare). */
export function workbookSheets(ctx: ExportContext): SheetData[] {
  return [requirementsSheet(ctx), painPointsSheet(ctx), exceptionsSheet(ctx), traceabilitySheet(ctx), kpisSheet(ctx), questionsSheet(ctx)];
}

function requirementsSheet(ctx: ExportContext): SheetData {
  const table = requirementsTable(ctx);
  return {
    name: ctx.labels.sheet.requirements,
    columns: table.header.map((header, index) => ({ header, width: REQUIREMENT_WIDTHS[index] ?? 20 })),
    rows: table.rows.map((row) => row.cells),
  };
}

function processName(ctx: ExportContext, processId: ProcessId): string {
  return ctx.index.processes.get(processId)?.name ?? '';
}

function participantName(ctx: ExportContext, participantId: ParticipantId | null): string {
  return participantId === null ? '' : (ctx.index.participants.get(participantId)?.name ?? '');
}

function painPointsSheet(ctx: ExportContext): SheetData {
  const { column, painCategory, painStatus } = ctx.labels;
  return {
    name: ctx.labels.sheet.painPoints,
    columns: [
      { header: column.title, width: 40 },
      { header: column.process, width: 16 },
      { header: column.place, width: 24 },
      { header: column.category, width: 20 },
      { header: column.severity, width: 8 },
      { header: column.frequency, width: 12 },
      { header: column.hoursLostPerMonth, width: 12 },
      { header: column.peopleAffected, width: 10 },
      { header: column.raisedBy, width: 14 },
      { header: column.status, width: 14 },
      { header: column.deferReason, width: 30 },
      { header: column.description, width: 50 },
      { header: column.requirements, width: 20 },
    ],
    rows: ctx.index.document.painPoints
      .filter((pain) => inScope(ctx, pain))
      .map((pain) => [
        pain.title,
        processName(ctx, pain.processId),
        targetName(ctx.index, pain.target),
        painCategory[pain.category],
        pain.severity,
        pain.frequency,
        pain.hoursLostPerMonth,
        pain.peopleAffected,
        participantName(ctx, pain.raisedBy),
        painStatus[pain.status],
        pain.deferReason,
        pain.description,
        keysTracing(ctx, { kind: 'painPoint', id: pain.id }),
      ]),
  };
}

function exceptionsSheet(ctx: ExportContext): SheetData {
  const { column } = ctx.labels;
  return {
    name: ctx.labels.sheet.exceptions,
    columns: [
      { header: column.trigger, width: 40 },
      { header: column.process, width: 16 },
      { header: column.step, width: 24 },
      { header: column.currentHandling, width: 40 },
      { header: column.desiredHandling, width: 40 },
      { header: column.frequency, width: 12 },
      { header: column.handledBy, width: 14 },
      { header: column.requirements, width: 20 },
    ],
    rows: ctx.index.document.exceptions
      .filter((exception) => inScope(ctx, exception))
      .map((exception) => [
        exception.trigger,
        processName(ctx, exception.processId),
        targetName(ctx.index, { kind: 'step', stepId: exception.stepId }),
        exception.currentHandling,
        exception.desiredHandling,
        exception.frequency,
        participantName(ctx, exception.handledBy),
        keysTracing(ctx, { kind: 'exception', id: exception.id }),
      ]),
  };
}

function traceabilitySheet(ctx: ExportContext): SheetData {
  const { column, sourceKind } = ctx.labels;
  const titles = new Map(ctx.requirements.map((requirement) => [requirement.id, requirement.title]));
  return {
    name: ctx.labels.sheet.traceability,
    columns: [
      { header: column.requirementKey, width: 12 },
      { header: column.requirementTitle, width: 40 },
      { header: column.sourceKind, width: 14 },
      { header: column.source, width: 40 },
      { header: column.sourceId, width: 24 },
      { header: column.process, width: 16 },
    ],
    rows: traceLinks(ctx.index, ctx.options.lang, { requirements: ctx.requirements }).map((link) => [
      link.requirementKey,
      titles.get(link.requirementId) ?? '',
      sourceKind[link.source.kind],
      link.label,
      link.source.id,
      link.processId ? processName(ctx, link.processId) : '',
    ]),
  };
}

function kpisSheet(ctx: ExportContext): SheetData {
  const { column } = ctx.labels;
  return {
    name: ctx.labels.sheet.kpis,
    columns: [
      { header: column.name, width: 36 },
      { header: column.process, width: 16 },
      { header: column.unit, width: 10 },
      { header: column.baseline, width: 10 },
      { header: column.target, width: 10 },
      { header: column.painPoints, width: 40 },
      { header: column.requirements, width: 20 },
    ],
    rows: ctx.index.document.kpis
      .filter((kpi) => inScope(ctx, kpi))
      .map((kpi) => [
        kpi.name,
        processName(ctx, kpi.processId),
        kpi.unit,
        kpi.baseline,
        kpi.target,
        kpi.painPointIds.map((id) => ctx.index.painPoints.get(id)?.title ?? id).join('\n'),
        keysTracing(ctx, { kind: 'kpi', id: kpi.id }),
      ]),
  };
}

/** The name of the interview session, with its date. */
function sessionName(ctx: ExportContext, sessionId: InterviewSessionId | null): string {
  const session = sessionId === null ? undefined : ctx.index.document.interviewSessions.find((candidate) => candidate.id === sessionId);
  return session ? `${session.title} ${session.date}` : '';
}

/** 確認事項: open first, then by due date; a question about no process says it is about the whole workshop. */
function questionsSheet(ctx: ExportContext): SheetData {
  const { column, questionOwnerSide, questionStatus, report } = ctx.labels;
  return {
    name: ctx.labels.sheet.questions,
    columns: [
      { header: column.question, width: 50 },
      { header: column.process, width: 16 },
      { header: column.ownerSide, width: 12 },
      { header: column.assignee, width: 14 },
      { header: column.dueDate, width: 12 },
      { header: column.status, width: 10 },
      { header: column.answer, width: 50 },
      { header: column.session, width: 24 },
    ],
    rows: exportedQuestions(ctx).map((question) => [
      question.text,
      question.processId === null ? report.wholeWorkshop : processName(ctx, question.processId),
      questionOwnerSide[question.ownerSide],
      participantName(ctx, question.assigneeId),
      question.dueDate ?? '',
      questionStatus[question.status],
      question.answer,
      sessionName(ctx, question.sessionId),
    ]),
  };
}

/** A text cell: neutralised, and what XML cannot hold made visible (exceljs would drop it silently). */
const xlsxText = (text: string) => xmlCharacters(spreadsheetText(text));

type ExcelJs = typeof import('exceljs');

/** exceljs is large: loaded on first use, so the renderer fetches it only when a workbook is exported. */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = await import('exceljs');
  return (loaded as { default?: ExcelJs }).default ?? loaded;
}

/**
 * The workbook: one sheet per `SheetData`, each with a bold, frozen header row, a filter on
 * it, column widths, and text wrapped at the top of each cell. Every text cell is neutralised
 * so none can start a formula; numbers stay numbers.
 */
export async function writeWorkbook(sheets: readonly SheetData[], created: Date): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Kakehashi';
  workbook.created = created;
  workbook.modified = created;
  for (const data of sheets) {
    const sheet = workbook.addWorksheet(data.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = data.columns.map((column) => ({
      header: xlsxText(column.header),
      width: column.width,
      style: { alignment: { wrapText: true, vertical: 'top' } },
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(data.rows.map((row) => row.map((value) => (typeof value === 'string' ? xlsxText(value) : value))));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: data.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function backlogWorkbook(ctx: ExportContext): Promise<Uint8Array> {
  return writeWorkbook(workbookSheets(ctx), new Date(ctx.options.now));
}
