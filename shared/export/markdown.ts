import { backlogCoverage, painPointsInOrder } from '../backlog';
import { moscowSchema, requirementTypeSchema, type Requirement } from '../model/requirement';
import type { Question } from '../model/workshopMode';
import { exportedQuestions, keysTracing, sourceLine, type ExportContext } from './context';

/**
 * User text as Markdown text: HTML is escaped (a report may be rendered where raw HTML is
 * live), and so are the characters that would start emphasis, code, links or table cells,
 * and a "#" that would make a line a heading. Typed lists ("- …") are left to render as lists.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character] ?? character)
    .replace(/[\\`*_[\]|]/g, (character) => `\\${character}`)
    .replace(/^(\s*)#/gm, '$1\\#');
}

/** A table cell holds one line: line breaks become <br>, the only HTML the report writes itself. */
const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, '<br>');

/** One line, for headings and list items. */
const line = (text: string) => escapeMarkdown(text.replace(/\s*\r?\n\s*/g, ' '));

/** Paragraphs keep their line breaks (two trailing spaces: a Markdown hard break). */
const paragraphs = (text: string) => escapeMarkdown(text.trim()).replace(/\r?\n(?!\r?\n)/g, '  \n');

function requirementSection(ctx: ExportContext, requirement: Requirement): string {
  const { labels } = ctx;
  return [
    `#### ${requirement.key} ${line(requirement.title)}`,
    `${labels.owner[requirement.owner]} · ${labels.status[requirement.status]}`,
    ...(requirement.description.trim() ? [paragraphs(requirement.description)] : []),
    ...(requirement.acceptanceCriteria.length
      ? [`**${labels.acceptanceCriteriaHeading}**\n\n${requirement.acceptanceCriteria.map((criterion) => `- [ ] ${line(criterion)}`).join('\n')}`]
      : []),
    ...(requirement.sources.length ? [`**${labels.sourcesHeading}**\n\n${requirement.sources.map((source) => `- ${line(sourceLine(ctx, source))}`).join('\n')}`] : []),
  ].join('\n\n');
}

/** By type (in the order types are defined), then by priority, must first; empty groups left out. */
function backlogSections(ctx: ExportContext): string[] {
  const { labels } = ctx;
  return requirementTypeSchema.options.flatMap((type) => {
    const ofType = ctx.requirements.filter((requirement) => requirement.type === type);
    if (ofType.length === 0) return [];
    const byPriority = moscowSchema.options.flatMap((priority) => {
      const group = ofType.filter((requirement) => requirement.priority === priority);
      return group.length ? [`### ${labels.priority[priority]}\n\n${group.map((requirement) => requirementSection(ctx, requirement)).join('\n\n')}`] : [];
    });
    return [`## ${labels.requirementType[type]}`, ...byPriority];
  });
}

function coverageSection(ctx: ExportContext): string {
  const { report } = ctx.labels;
  const coverage = backlogCoverage(ctx.index.document, { processId: ctx.options.processId });
  const gaps = coverage.uncoveredPainPoints.map(({ painPoint, reason }) => `- ${line(painPoint.title)}（${reason === 'untraced' ? report.untraced : report.deferredWithoutReason}）`);
  return [
    `## ${report.coverage}`,
    [
      `- ${report.painPointsCovered(coverage.painPoints.covered, coverage.painPoints.total)}`,
      `- ${report.exceptionsCovered(coverage.exceptions.covered, coverage.exceptions.total)}`,
      `- ${report.systemStepsCovered(coverage.systemSteps.covered, coverage.systemSteps.total)}`,
    ].join('\n'),
    ...(gaps.length ? [`### ${report.uncovered}\n\n${gaps.join('\n')}`] : []),
  ].join('\n\n');
}

function traceabilitySection(ctx: ExportContext): string {
  const { labels } = ctx;
  const { column } = labels;
  const rows = painPointsInOrder(ctx.index, ctx.options.processId).map(
    (pain) => `| ${cell(pain.title)} | ${pain.severity} | ${labels.painStatus[pain.status]} | ${keysTracing(ctx, { kind: 'painPoint', id: pain.id }) || labels.report.none} |`,
  );
  return [
    `## ${labels.report.traceability}`,
    [`| ${column.painPoints} | ${column.severity} | ${column.status} | ${column.requirements} |`, '| --- | ---: | --- | --- |', ...rows].join('\n'),
  ].join('\n\n');
}

/** 確認事項 as a table, open first; none → no section. */
function questionsSection(ctx: ExportContext, questions: readonly Question[]): string[] {
  if (questions.length === 0) return [];
  const { labels } = ctx;
  const { column } = labels;
  const processName = (question: Question) =>
    question.processId === null ? labels.report.wholeWorkshop : (ctx.index.processes.get(question.processId)?.name ?? '');
  const assignee = (question: Question) => (question.assigneeId === null ? '' : (ctx.index.participants.get(question.assigneeId)?.name ?? ''));
  const rows = questions.map(
    (question) =>
      `| ${cell(question.text)} | ${cell(processName(question))} | ${labels.questionOwnerSide[question.ownerSide]} | ${cell(assignee(question))} | ${question.dueDate ?? ''} | ${labels.questionStatus[question.status]} | ${cell(question.answer)} |`,
  );
  return [
    `## ${labels.report.questions}`,
    [
      `| ${column.question} | ${column.process} | ${column.ownerSide} | ${column.assignee} | ${column.dueDate} | ${column.status} | ${column.answer} |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  ];
}

/** A readable report of the backlog: a summary, coverage, the requirements grouped by type and priority, their traceability and the open questions. */
export function markdownReport(ctx: ExportContext): string {
  const { workshop } = ctx.index.document;
  const { report } = ctx.labels;
  const questions = exportedQuestions(ctx);
  const open = questions.filter((question) => question.status === 'open').length;
  const summary = [
    ...(workshop.organisation ? [`- ${report.organisation}: ${line(workshop.organisation)}`] : []),
    `- ${report.exportedAt}: ${ctx.options.now}`,
    `- ${report.requirementCount}: ${ctx.requirements.length}`,
    ...(questions.length ? [`- ${report.questions}: ${report.openQuestions(open, questions.length)}`] : []),
  ].join('\n');
  return `${[
    `# ${report.title}: ${line(workshop.name)}`,
    summary,
    coverageSection(ctx),
    ...backlogSections(ctx),
    traceabilitySection(ctx),
    ...questionsSection(ctx, questions),
  ].join('\n\n')}\n`;
}
