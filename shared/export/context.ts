import { indexWorkshop, listedRequirements, processesOfRequirement, requirementsBySource, sourceKey, sourceLabel, type WorkshopIndex } from '../backlog';
import type { Timestamp } from '../model/common';
import type { WorkshopDocument } from '../model/document';
import type { ProcessId } from '../model/ids';
import type { Requirement, RequirementSource } from '../model/requirement';
import type { Question } from '../model/workshopMode';
import type { Language } from '../platform/bridge';
import { sortQuestions } from '../workshopMode/questions';
import { exportLabels, type ExportLabels } from './labels';
import { neutraliseFormula } from './neutralise';

export type CsvEncoding = 'utf-8' | 'cp932';

export interface CsvOptions {
  /** A UTF-8 byte order mark, which Excel needs to read UTF-8; each CSV exporter has its own default. */
  readonly bom?: boolean;
  /** `cp932` is Shift_JIS as Windows writes it, for older Japanese systems. Default `utf-8`. */
  readonly encoding?: CsvEncoding;
}

export interface ExportOptions {
  readonly lang: Language;
  /** When the export is made: written into the file, so golden files pass a fixed one. */
  readonly now: Timestamp;
  /** Which app wrote it, e.g. `Kakehashi 0.1.0`. */
  readonly app: string;
  /** Export only the requirements (and pain points, exceptions, KPIs) of this process. */
  readonly processId?: ProcessId | null;
  readonly csv?: CsvOptions;
}

/** What every serializer works from: the workshop indexed, the labels, the requirements to write. */
export interface ExportContext {
  readonly index: WorkshopIndex;
  readonly labels: ExportLabels;
  readonly options: ExportOptions;
  /** In backlog order; merged ones left out (they live on in the one they were merged into). */
  readonly requirements: readonly Requirement[];
  /** `sourceLine` by source kind and id: many requirements share a source, and a 5,000-row export asks ~20,000 times. */
  readonly sourceLines: Map<RequirementSource['kind'], Map<string, string>>;
  /** The listed requirements by the source they trace to (`sourceKey`). */
  readonly tracing: ReadonlyMap<string, readonly Requirement[]>;
}

export function exportContext(document: WorkshopDocument, options: ExportOptions): ExportContext {
  const index = indexWorkshop(document);
  const requirements = listedRequirements(index, { processId: options.processId });
  return { index, labels: exportLabels[options.lang], options, requirements, sourceLines: new Map(), tracing: requirementsBySource(requirements) };
}

/** Records of the exported process, or of every process. */
export function inScope(ctx: ExportContext, record: { readonly processId: ProcessId }): boolean {
  return !ctx.options.processId || record.processId === ctx.options.processId;
}

/**
 * The open questions (確認事項) an export lists: those of the exported process and those about
 * the whole workshop (every question when not limited), open first, then by due date.
 */
export function exportedQuestions(ctx: ExportContext): Question[] {
  // A document put together by hand before schema 5 (tests, benchmarks) may lack the collection.
  const questions: readonly Question[] = ctx.index.document.questions ?? [];
  return sortQuestions(questions.filter((question) => question.processId === null || inScope(ctx, { processId: question.processId })));
}

/** "困りごと: 支払依頼書の内容を…", one line per source; a source no longer in the workshop shows its id. */
export function sourceLine(ctx: ExportContext, source: RequirementSource): string {
  let ofKind = ctx.sourceLines.get(source.kind);
  if (!ofKind) ctx.sourceLines.set(source.kind, (ofKind = new Map()));
  let line = ofKind.get(source.id);
  if (line === undefined) {
    line = `${ctx.labels.sourceKind[source.kind]}: ${sourceLabel(ctx.index, source, ctx.options.lang) || source.id}`;
    ofKind.set(source.id, line);
  }
  return line;
}

export function processNames(ctx: ExportContext, requirement: Requirement): string[] {
  return processesOfRequirement(ctx.index, requirement).map((process) => process.name);
}

/** Keys of the listed requirements that trace to a source, for the "requirements" column of a sheet or table. */
export function keysTracing(ctx: ExportContext, source: RequirementSource): string {
  return (ctx.tracing.get(sourceKey(source)) ?? []).map((requirement) => requirement.key).join(', ');
}

/**
 * A text cell of a CSV or XLSX file: line breaks as a single LF (a line break inside a cell in
 * Excel), then neutralised so it cannot start a formula.
 */
export function spreadsheetText(text: string): string {
  return neutraliseFormula(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}
