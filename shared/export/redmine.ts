import type { Requirement } from '../model/requirement';
import type { Result } from '../model/problems';
import { sourceLine, type ExportContext } from './context';
import { writeCsv, type CsvTable } from './csvFile';
import { parentItems, trackerTitle } from './trackerCsv';

function description(ctx: ExportContext, requirement: Requirement): string {
  const list = (items: readonly string[]) => items.map((item) => `* ${item.replace(/\r?\n/g, ' ')}`).join('\n');
  return [
    requirement.description,
    ...(requirement.acceptanceCriteria.length ? [`${ctx.labels.acceptanceCriteriaHeading}:\n${list(requirement.acceptanceCriteria)}`] : []),
    ...(requirement.sources.length ? [`${ctx.labels.sourcesHeading}:\n${list(requirement.sources.map((source) => sourceLine(ctx, source)))}`] : []),
  ].join('\n\n');
}

/**
 * Redmine's CSV import (Issues → Import): headers and values in the language of the Redmine
 * installation (トラッカー / 機能 / 高め for a Japanese one), so its column matching and
 * value lookup find them. One parent issue per process first; a requirement's parent is the
 * row number of its process, which Redmine reads as "the issue created from that row".
 * Category is the requirement type. UTF-8 without a byte order mark by default.
 */
export function redmineTable(ctx: ExportContext): CsvTable {
  const { redmine, requirementType } = ctx.labels;
  const parents = parentItems(ctx);
  const parentRows = parents.processes.map((process) => ({
    key: null,
    cells: [redmine.tracker, process.name, ctx.index.document.workshop.name, redmine.priority.should, '', ''],
  }));
  const requirementRows = ctx.requirements.map((requirement) => ({
    key: requirement.key,
    cells: [
      redmine.tracker,
      trackerTitle(requirement),
      description(ctx, requirement),
      redmine.priority[requirement.priority],
      requirementType[requirement.type],
      String(parents.parentOf(requirement) ?? ''),
    ],
  }));
  const { columns } = redmine;
  return { header: [columns.tracker, columns.subject, columns.description, columns.priority, columns.category, columns.parent], rows: [...parentRows, ...requirementRows] };
}

export function redmineCsv(ctx: ExportContext): Promise<Result<Uint8Array>> {
  return writeCsv(ctx, redmineTable(ctx), false);
}
