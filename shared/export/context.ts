import { listedRequirements, processesOfRequirement, sourceLabel, indexWorkshop, type WorkshopIndex } from '../backlog';
import type { Timestamp } from '../model/common';
import type { WorkshopDocument } from '../model/document';
import type { ProcessId } from '../model/ids';
import type { Requirement, RequirementSource } from '../model/requirement';
import type { Language } from '../platform/bridge';
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
}

export function exportContext(document: WorkshopDocument, options: ExportOptions): ExportContext {
  const index = indexWorkshop(document);
  return { index, labels: exportLabels[options.lang], options, requirements: listedRequirements(index, { processId: options.processId }) };
}

/** Records of the exported process, or of every process. */
export function inScope(ctx: ExportContext, record: { readonly processId: ProcessId }): boolean {
  return !ctx.options.processId || record.processId === ctx.options.processId;
}

/** "課題: 支払依頼書の内容を…", one line per source; a source no longer in the workshop shows its id. */
export function sourceLine(ctx: ExportContext, source: RequirementSource): string {
  return `${ctx.labels.sourceKind[source.kind]}: ${sourceLabel(ctx.index, source, ctx.options.lang) || source.id}`;
}

export function processNames(ctx: ExportContext, requirement: Requirement): string[] {
  return processesOfRequirement(ctx.index, requirement).map((process) => process.name);
}

/** Keys of the listed requirements that trace to a source, for the "requirements" column of a sheet. */
export function keysTracing(ctx: ExportContext, kind: RequirementSource['kind'], id: string): string {
  return ctx.requirements
    .filter((requirement) => requirement.sources.some((source) => source.kind === kind && source.id === id))
    .map((requirement) => requirement.key)
    .join(', ');
}

/**
 * A text cell of a CSV or XLSX file: line breaks as a single LF (a line break inside a cell in
 * Excel), then neutralised so it cannot start a formula.
 */
export function spreadsheetText(text: string): string {
  return neutraliseFormula(text.replace(/\r\n?/g, '\n'));
}
