import { z } from 'zod';
import { belongsToProcess, sortBacklog, traceLinks } from '../backlog';
import { shortTextSchema, timestampSchema } from '../model/common';
import { processIdSchema, requirementIdSchema, workshopIdSchema } from '../model/ids';
import { formatPath, problemsFromZod, type Problem, type Result } from '../model/problems';
import { requirementSchema, requirementSourceSchema } from '../model/requirement';
import { questionSchema } from '../model/workshopMode';
import { languageSchema } from '../platform/bridge';
import { exportedQuestions, inScope, type ExportContext } from './context';

/**
 * The backlog as its own JSON file: what IT keeps, what another tool reads, what Kakehashi
 * imports back. Versioned on its own (`formatVersion`), independent of the workshop file's
 * schema version: it changes when the requirement record changes. Fields added later without
 * changing what was there (`questions`) are optional, so files written before still read.
 */
export const BACKLOG_TYPE = 'kakehashi-backlog';
export const BACKLOG_FORMAT_VERSION = 1;

const traceLinkSchema = z.object({
  requirementId: requirementIdSchema,
  requirementKey: z.string(),
  source: requirementSourceSchema,
  label: z.string().meta({ description: "The source's name (a pain point's title, a step's label…); empty when the source is gone." }),
  processId: processIdSchema.nullable().meta({ description: 'The process the source belongs to; null when the source is not in the workshop any more.' }),
});

export const backlogEnvelopeSchema = z
  .object({
    type: z.literal(BACKLOG_TYPE),
    formatVersion: z.literal(BACKLOG_FORMAT_VERSION),
    app: z.string().max(100).meta({ description: 'Which app wrote it, e.g. "Kakehashi 0.1.0".' }),
    exportedAt: timestampSchema,
    lang: languageSchema.meta({ description: 'Language of the labels of traceLinks and of the generated wording.' }),
    workshop: z.object({ id: workshopIdSchema, name: z.string(), organisation: shortTextSchema, businessArea: shortTextSchema }),
    processes: z
      .array(z.object({ id: processIdSchema, name: z.string() }))
      .meta({ description: 'The processes the export covers: all of the workshop, or the one it was limited to.' }),
    requirements: z.array(requirementSchema).meta({ description: 'Every requirement, merged ones included, in backlog order.' }),
    traceLinks: z
      .array(traceLinkSchema)
      .meta({ description: "Each requirement's sources (merged requirements' excluded), resolved to names: redundant with requirements[].sources, for readers without the workshop." }),
    questions: z
      .array(questionSchema)
      .optional()
      .meta({
        description:
          'Open questions (確認事項) of the processes exported and of the whole workshop, open first, then by due date. Added to format 1 later: absent in files written before, which read as having none.',
      }),
  })
  .meta({ title: 'Kakehashi requirement backlog', description: 'A requirement backlog exported by Kakehashi, with its trace links to the workshop.' });

export type BacklogEnvelope = z.infer<typeof backlogEnvelopeSchema>;

export function backlogEnvelope(ctx: ExportContext): BacklogEnvelope {
  const { document } = ctx.index;
  const { workshop } = document;
  const processId = ctx.options.processId;
  // Merged requirements travel too, so an import restores the backlog exactly and their keys stay taken.
  const requirements = sortBacklog(document.requirements.filter((requirement) => belongsToProcess(ctx.index, requirement, processId)));
  return {
    type: BACKLOG_TYPE,
    formatVersion: BACKLOG_FORMAT_VERSION,
    app: ctx.options.app,
    exportedAt: ctx.options.now,
    lang: ctx.options.lang,
    workshop: { id: workshop.id, name: workshop.name, organisation: workshop.organisation, businessArea: workshop.businessArea },
    processes: ctx.index.processOrder.filter((process) => inScope(ctx, { processId: process.id })).map(({ id, name }) => ({ id, name })),
    requirements,
    traceLinks: traceLinks(ctx.index, ctx.options.lang, { processId }),
    questions: exportedQuestions(ctx),
  };
}

export function writeBacklogJson(envelope: BacklogEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a backlog file: JSON, of this type, not of a newer format, every field valid, and
 * consistent (one workshop, unique ids and keys, links and merges pointing at requirements
 * of the file). Never throws; every problem names its path. Nothing is changed on failure —
 * the caller writes the requirements only when this succeeds.
 */
export function readBacklogJson(text: string): Result<BacklogEnvelope> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail('(document)', `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(raw)) return fail('(document)', 'not a JSON object');
  if (raw.type !== BACKLOG_TYPE) return fail('type', `not a Kakehashi backlog (expected "${BACKLOG_TYPE}", found ${JSON.stringify(raw.type) ?? 'nothing'})`);
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BACKLOG_FORMAT_VERSION) {
    return fail('formatVersion', `written by a newer version of Kakehashi (format ${raw.formatVersion}; this app reads up to ${BACKLOG_FORMAT_VERSION}). Update Kakehashi to import it.`);
  }
  const parsed = backlogEnvelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = consistencyProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}

function consistencyProblems(envelope: BacklogEnvelope): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  const ids = new Set<string>();
  const keys = new Set<string>();
  envelope.requirements.forEach((requirement, index) => {
    if (requirement.workshopId !== envelope.workshop.id) add(['requirements', index, 'workshopId'], `belongs to another workshop (${requirement.workshopId})`);
    if (ids.has(requirement.id)) add(['requirements', index, 'id'], `appears twice (${requirement.id})`);
    if (keys.has(requirement.key)) add(['requirements', index, 'key'], `appears twice (${requirement.key})`);
    ids.add(requirement.id);
    keys.add(requirement.key);
  });
  envelope.requirements.forEach((requirement, index) => {
    if (requirement.mergedIntoId !== null && !ids.has(requirement.mergedIntoId)) {
      add(['requirements', index, 'mergedIntoId'], `refers to a requirement that is not in the file (${requirement.mergedIntoId})`);
    }
  });
  envelope.traceLinks.forEach((link, index) => {
    if (!ids.has(link.requirementId)) add(['traceLinks', index, 'requirementId'], `refers to a requirement that is not in the file (${link.requirementId})`);
  });
  const questionIds = new Set<string>();
  envelope.questions?.forEach((question, index) => {
    if (question.workshopId !== envelope.workshop.id) add(['questions', index, 'workshopId'], `belongs to another workshop (${question.workshopId})`);
    if (questionIds.has(question.id)) add(['questions', index, 'id'], `appears twice (${question.id})`);
    questionIds.add(question.id);
  });
  return problems;
}
