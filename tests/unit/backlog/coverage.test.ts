import { describe, expect, it } from 'vitest';
import { backlogCoverage, bulkUpdateRequirements, generateBacklog } from '../../../shared/backlog';
import type { ProcessId, WorkshopDocument } from '../../../shared/model';
import { BACKLOG_NOW, backlogDocument, fixedRequirementIds } from '../../fixtures/backlogDocument';

function withBacklog(document: WorkshopDocument = backlogDocument()): WorkshopDocument {
  const generated = generateBacklog(document, [], { lang: 'ja', now: BACKLOG_NOW, newRequirementId: fixedRequirementIds() });
  return { ...document, requirements: [...generated.added] };
}

describe('backlog coverage', () => {
  it('before generating: only pain points addressed in the To-Be map or deferred with a reason are covered', () => {
    const coverage = backlogCoverage(backlogDocument());
    expect(coverage.painPoints).toEqual({ covered: 2, total: 9 });
    expect(coverage.exceptions).toEqual({ covered: 0, total: 2 });
    expect(coverage.systemSteps).toEqual({ covered: 0, total: 5 });
    expect(coverage.uncoveredPainPoints.find((gap) => gap.painPoint.id === 'pain:keyPersn')?.reason).toBe('deferredWithoutReason');
    expect(coverage.uncoveredPainPoints.find((gap) => gap.painPoint.id === 'pain:doubleEnt')?.reason).toBe('untraced');
    expect(coverage.systemStepsWithoutRequirement.map((step) => step.label)).toEqual([
      '請求書データ取込（OCR）',
      '三点照合（自動）',
      '仕訳自動計上',
      '支払データ作成',
      'FBデータ送信',
    ]);
  });

  it('after generating: everything is covered but the pain point deferred without a reason', () => {
    const coverage = backlogCoverage(withBacklog());
    expect(coverage.painPoints).toEqual({ covered: 8, total: 9 });
    expect(coverage.uncoveredPainPoints.map((gap) => [gap.painPoint.id, gap.reason])).toEqual([['pain:keyPersn', 'deferredWithoutReason']]);
    expect(coverage.exceptions).toEqual({ covered: 2, total: 2 });
    expect(coverage.systemSteps).toEqual({ covered: 5, total: 5 });
  });

  it('does not count rejected requirements', () => {
    const document = withBacklog();
    const tracing = document.requirements.filter((requirement) => requirement.sources.some((source) => source.id === 'exception:holiday1'));
    const rejected = bulkUpdateRequirements(document.requirements, tracing.map((requirement) => requirement.id), { status: 'rejected' }, BACKLOG_NOW);
    const requirements = document.requirements.map((requirement) => rejected.find((change) => change.id === requirement.id) ?? requirement);
    const coverage = backlogCoverage(document, { requirements });
    expect(coverage.exceptions).toEqual({ covered: 1, total: 2 });
    expect(coverage.exceptionsWithoutRequirement.map((exception) => exception.id)).toEqual(['exception:holiday1']);
  });

  it('is limited to one process when asked', () => {
    const document = withBacklog();
    expect(backlogCoverage(document, { processId: 'process:apProcess1' as ProcessId }).painPoints).toEqual({ covered: 8, total: 9 });
    const other = backlogCoverage(document, { processId: 'process:another1' as ProcessId });
    expect([other.painPoints, other.exceptions, other.systemSteps]).toEqual([{ covered: 0, total: 0 }, { covered: 0, total: 0 }, { covered: 0, total: 0 }]);
  });
});
