import type { Moscow, Requirement } from '../model/requirement';
import type { Result } from '../model/problems';
import { processNames, sourceLine, type ExportContext } from './context';
import { writeCsv, type CsvTable } from './csvFile';
import { escapeHtml } from './markup';
import { trackerLabels, trackerTitle } from './trackerCsv';

/** Azure DevOps priorities run 1 (highest) to 4. */
const ADO_PRIORITY: Readonly<Record<Moscow, string>> = { must: '1', should: '2', could: '3', wont: '4' };

const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');

const bulletList = (items: readonly string[]) => (items.length ? `<ul>${items.map((item) => `<li>${escapeHtml(item).replace(/\r?\n/g, '<br>')}</li>`).join('')}</ul>` : '');

function description(ctx: ExportContext, requirement: Requirement): string {
  const sources = requirement.sources.map((source) => sourceLine(ctx, source));
  return paragraphs(requirement.description) + (sources.length ? `<p><b>${escapeHtml(ctx.labels.sourcesHeading)}</b></p>${bulletList(sources)}` : '');
}

/**
 * Azure DevOps' CSV import (Boards → Import work items): a User Story per requirement (the
 * Agile process's type), Description and Acceptance Criteria as HTML with every user text
 * escaped, Priority 1–4, Tags separated by "; " (the key, type, priority, owner, processes).
 */
export function azureDevOpsTable(ctx: ExportContext): CsvTable {
  return {
    header: ['Work Item Type', 'Title', 'Description', 'Priority', 'Tags', 'Acceptance Criteria'],
    rows: ctx.requirements.map((requirement) => ({
      key: requirement.key,
      cells: [
        'User Story',
        trackerTitle(requirement),
        description(ctx, requirement),
        ADO_PRIORITY[requirement.priority],
        // A tag cannot hold the separator.
        [...trackerLabels(requirement), ...processNames(ctx, requirement)].map((tag) => tag.replace(/;/g, ',')).join('; '),
        bulletList(requirement.acceptanceCriteria),
      ],
    })),
  };
}

export function azureDevOpsCsv(ctx: ExportContext): Promise<Result<Uint8Array>> {
  return writeCsv(ctx, azureDevOpsTable(ctx), false);
}
