import type { Timestamp } from '../model/common';
import { newId, type LaneId, type StepId } from '../model/ids';
import type { Connection, Lane, ProcessMap, Step } from '../model/map';
import type { MapRecords } from './mapState';

export interface ForkedMap {
  readonly map: ProcessMap;
  readonly lanes: Lane[];
  readonly steps: Step[];
  readonly connections: Connection[];
}

/**
 * The To-Be map's starting point: a copy of the As-Is map in which every record has a new id
 * and every step remembers the As-Is step it came from (what the comparison pairs them by).
 * Steps of a missing lane and connections with a missing end are left out, as they would be
 * unreadable rows in the new map.
 */
export function forkToBe(asIs: MapRecords, asIsMap: ProcessMap, now: Timestamp): ForkedMap {
  const map: ProcessMap = {
    id: newId('map'),
    workshopId: asIsMap.workshopId,
    processId: asIsMap.processId,
    variant: 'toBe',
    forkedFromMapId: asIsMap.id,
    createdAt: now,
    updatedAt: now,
  };
  const { lanes: asIsLanes, steps: asIsSteps, connections: asIsConnections } = structuredClone(asIs);
  const laneIds = new Map<LaneId, LaneId>();
  const stepIds = new Map<StepId, StepId>();
  const lanes = asIsLanes.map((lane): Lane => {
    const id = newId('lane');
    laneIds.set(lane.id, id);
    return { ...lane, id, mapId: map.id };
  });
  const steps = asIsSteps.flatMap((step): Step[] => {
    const laneId = laneIds.get(step.laneId);
    if (!laneId) return [];
    const id = newId('step');
    stepIds.set(step.id, id);
    return [{ ...step, id, mapId: map.id, laneId, originStepId: step.id }];
  });
  const connections = asIsConnections.flatMap((connection): Connection[] => {
    const sourceStepId = stepIds.get(connection.sourceStepId);
    const targetStepId = stepIds.get(connection.targetStepId);
    if (!sourceStepId || !targetStepId) return [];
    return [{ ...connection, id: newId('connection'), mapId: map.id, sourceStepId, targetStepId }];
  });
  return { map, lanes, steps, connections };
}
