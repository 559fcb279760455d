import type { ExceptionCase, PainPoint } from '../model/annotations';
import type { WorkshopDocument } from '../model/document';
import type { ProcessId } from '../model/ids';
import type { Step } from '../model/map';
import type { Requirement, RequirementSource, RequirementStatus } from '../model/requirement';
import { sourceKey } from './keys';
import { indexWorkshop, sortSteps } from './workshopIndex';

/** "42 / 45 pain points covered". */
export interface CoverageFigure {
  readonly covered: number;
  readonly total: number;
}

export type PainPointGapReason = 'untraced' | 'deferredWithoutReason';

export interface PainPointGap {
  readonly painPoint: PainPoint;
  readonly reason: PainPointGapReason;
}

export interface BacklogCoverage {
  readonly painPoints: CoverageFigure;
  readonly exceptions: CoverageFigure;
  readonly systemSteps: CoverageFigure;
  /** Neither traced to a requirement nor addressed in the To-Be map nor deferred with a reason. */
  readonly uncoveredPainPoints: readonly PainPointGap[];
  readonly exceptionsWithoutRequirement: readonly ExceptionCase[];
  /** System tasks of To-Be maps that no requirement traces to. */
  readonly systemStepsWithoutRequirement: readonly Step[];
}

/**
 * Requirements that count as covering something: rejected ones were turned down, merged ones
 * live on in the requirement they were merged into, and `sourceRemoved` ones wait for review.
 */
const COVERING: ReadonlySet<RequirementStatus> = new Set(['draft', 'agreed']);

/**
 * What the backlog leaves uncovered, for the whole workshop or one process. A pain point is
 * covered when a requirement traces to it, when it is addressed in the To-Be map
 * (`addressedInToBe`), or when it is deferred with a reason; an exception or To-Be system step
 * when a requirement traces to it.
 */
export function backlogCoverage(
  document: WorkshopDocument,
  options: { readonly requirements?: readonly Requirement[]; readonly processId?: ProcessId | null } = {},
): BacklogCoverage {
  const index = indexWorkshop(document);
  const requirements = options.requirements ?? document.requirements;
  const traced = new Set(
    requirements.filter((requirement) => COVERING.has(requirement.status)).flatMap((requirement) => requirement.sources.map(sourceKey)),
  );
  const isTraced = (source: RequirementSource) => traced.has(sourceKey(source));
  const inScope = (processId: ProcessId) => !options.processId || processId === options.processId;

  const painPoints = document.painPoints.filter((pain) => inScope(pain.processId));
  const uncoveredPainPoints = painPoints.flatMap((painPoint): PainPointGap[] => {
    if (isTraced({ kind: 'painPoint', id: painPoint.id }) || painPoint.status === 'addressedInToBe') return [];
    if (painPoint.status === 'deferred') return painPoint.deferReason.trim() ? [] : [{ painPoint, reason: 'deferredWithoutReason' }];
    return [{ painPoint, reason: 'untraced' }];
  });

  const exceptions = document.exceptions.filter((exception) => inScope(exception.processId));
  const exceptionsWithoutRequirement = exceptions.filter((exception) => !isTraced({ kind: 'exception', id: exception.id }));

  const toBeMapIds = new Set(document.maps.filter((map) => map.variant === 'toBe' && inScope(map.processId)).map((map) => map.id));
  const systemSteps = sortSteps(index, document.steps.filter((step) => toBeMapIds.has(step.mapId) && step.type === 'systemTask'));
  const systemStepsWithoutRequirement = systemSteps.filter((step) => !isTraced({ kind: 'toBeStep', id: step.id }));

  const figure = (total: number, uncovered: number): CoverageFigure => ({ covered: total - uncovered, total });
  return {
    painPoints: figure(painPoints.length, uncoveredPainPoints.length),
    exceptions: figure(exceptions.length, exceptionsWithoutRequirement.length),
    systemSteps: figure(systemSteps.length, systemStepsWithoutRequirement.length),
    uncoveredPainPoints,
    exceptionsWithoutRequirement,
    systemStepsWithoutRequirement,
  };
}
