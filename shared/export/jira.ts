import type { Moscow, Requirement } from '../model/requirement';
import type { Result } from '../model/problems';
import { sourceLine, type ExportContext } from './context';
import { writeCsv, type CsvTable } from './csvFile';
import { parentItems, trackerLabels, trackerTitle } from './trackerCsv';

/** Jira's default priority scheme. */
const JIRA_PRIORITY: Readonly<Record<Moscow, string>> = { must: 'Highest', should: 'High', could: 'Medium', wont: 'Low' };

/**
 * Jira wiki markup that user text could set off by accident ({macros}, [links], |tables|,
 * *bold*, _italic_, lists, !images!) is escaped with a backslash; Jira shows the character.
 */
function escapeWiki(text: string): string {
  return text.replace(/[\\{}[\]|*_^~+\-#!]/g, (character) => `\\${character}`);
}

function description(ctx: ExportContext, requirement: Requirement): string {
  const list = (items: readonly string[]) => items.map((item) => `* ${escapeWiki(item.replace(/\r?\n/g, ' '))}`).join('\n');
  return [
    escapeWiki(requirement.description),
    ...(requirement.acceptanceCriteria.length ? [`*${ctx.labels.acceptanceCriteriaHeading}*\n${list(requirement.acceptanceCriteria)}`] : []),
    ...(requirement.sources.length ? [`*${ctx.labels.sourcesHeading}*\n${list(requirement.sources.map((source) => sourceLine(ctx, source)))}`] : []),
  ].join('\n\n');
}

/**
 * Jira Cloud's CSV import: an Epic per process (Issue ID 1…), then a Story per requirement
 * whose Parent is its process's Epic. Labels repeat in as many "Labels" columns as the
 * requirement with the most labels needs — the way Jira imports several values of one field.
 * Description is Jira wiki markup. UTF-8 without a byte order mark by default.
 */
export function jiraTable(ctx: ExportContext): CsvTable {
  const parents = parentItems(ctx);
  const labels = ctx.requirements.map(trackerLabels);
  const labelColumns = Math.max(0, ...labels.map((list) => list.length));
  const padded = (list: readonly string[]) => Array.from({ length: labelColumns }, (_, index) => list[index] ?? '');
  const epics = parents.processes.map((process, index) => ({
    key: null,
    cells: [String(index + 1), 'Epic', process.name, escapeWiki(ctx.index.document.workshop.name), '', ...padded(['kakehashi']), ''],
  }));
  const stories = ctx.requirements.map((requirement, index) => ({
    key: requirement.key,
    cells: [
      String(parents.processes.length + index + 1),
      'Story',
      trackerTitle(requirement),
      description(ctx, requirement),
      JIRA_PRIORITY[requirement.priority],
      ...padded(labels[index] ?? []),
      String(parents.parentOf(requirement) ?? ''),
    ],
  }));
  return {
    header: ['Issue ID', 'Issue Type', 'Summary', 'Description', 'Priority', ...padded([]).map(() => 'Labels'), 'Parent'],
    rows: [...epics, ...stories],
  };
}

export function jiraCsv(ctx: ExportContext): Promise<Result<Uint8Array>> {
  return writeCsv(ctx, jiraTable(ctx), false);
}
