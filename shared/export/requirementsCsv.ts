import type { Result } from '../model/problems';
import { processNames, sourceLine, type ExportContext } from './context';
import { writeCsv, type CsvTable } from './csvFile';

/** The backlog as one row per requirement, for Excel: every field, lists one item per line. */
export function requirementsTable(ctx: ExportContext): CsvTable {
  const { column, requirementType, priority, owner, status } = ctx.labels;
  return {
    header: [
      column.key,
      column.title,
      column.type,
      column.priority,
      column.owner,
      column.status,
      column.description,
      column.acceptanceCriteria,
      column.sources,
      column.processes,
    ],
    rows: ctx.requirements.map((requirement) => ({
      key: requirement.key,
      cells: [
        requirement.key,
        requirement.title,
        requirementType[requirement.type],
        priority[requirement.priority],
        owner[requirement.owner],
        status[requirement.status],
        requirement.description,
        requirement.acceptanceCriteria.join('\n'),
        requirement.sources.map((source) => sourceLine(ctx, source)).join('\n'),
        processNames(ctx, requirement).join('\n'),
      ],
    })),
  };
}

/** Excel reads UTF-8 only with a byte order mark, so this CSV has one unless told otherwise. */
export function requirementsCsv(ctx: ExportContext): Promise<Result<Uint8Array>> {
  return writeCsv(ctx, requirementsTable(ctx), true);
}
