import { mapOfStep, type WorkshopIndex } from '../../../shared/backlog';
import type { RequirementSource, StepId } from '../../../shared/model';
import { routeHash } from '../routing';

/** The step a source sits on: the step itself, or the step its pain point, exception, rule or field is pinned to. */
function stepOfSource(index: WorkshopIndex, source: RequirementSource): StepId | null {
  switch (source.kind) {
    case 'asIsStep':
    case 'toBeStep':
      return source.id;
    case 'exception':
      return index.exceptions.get(source.id)?.stepId ?? null;
    case 'approvalRule':
      return index.approvalRules.get(source.id)?.stepId ?? null;
    case 'reportField':
      return index.reportFields.get(source.id)?.stepId ?? null;
    case 'painPoint': {
      const target = index.painPoints.get(source.id)?.target;
      if (target?.kind === 'step') return target.stepId;
      if (target?.kind === 'connection') return index.connections.get(target.connectionId)?.sourceStepId ?? null;
      return null;
    }
    case 'kpi':
      return null;
  }
}

/** A link that opens the source's map with its step selected and centred; null when it has no step any more. */
export function sourceHref(index: WorkshopIndex, source: RequirementSource): string | null {
  const stepId = stepOfSource(index, source);
  const map = stepId ? mapOfStep(index, stepId) : undefined;
  if (!stepId || !map) return null;
  return routeHash({ name: 'map', workshopId: map.workshopId, processId: map.processId, variant: map.variant, focus: stepId });
}
