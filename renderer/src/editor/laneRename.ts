import { EMPTY_PATCH, updateLane, type MapPatch, type MapState } from '../../../shared/editor';
import { nameProblem, normaliseName, type LaneId } from '../../../shared/model';

/** A lane keeps its old name when the new one is empty or too long. */
export function renameLaneCommand(model: MapState, laneId: LaneId, name: string): MapPatch {
  return nameProblem(name) === null ? updateLane(model, laneId, { name: normaliseName(name) }) : EMPTY_PATCH;
}
