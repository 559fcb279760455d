import type { MapState } from '../editor/mapState';
import type { AnnotationTarget } from '../model/annotations';
import type { Timestamp } from '../model/common';
import type { MapId, WorkshopId } from '../model/ids';

/**
 * What creating commands of workshop-wide records (questions, parking lot, votes, agenda) stamp
 * on them. A capture context (`shared/capture`) has these fields too, so either can be passed.
 */
export interface WorkshopContext {
  readonly workshopId: WorkshopId;
  readonly now: Timestamp;
}

/** Longest title made from a note's or item's text; the whole text is kept where it goes. */
export const TITLE_FROM_TEXT = 60;

/** The first non-empty line, whitespace folded, cut at `max` characters with an ellipsis. */
export function titleFromText(text: string, max: number = TITLE_FROM_TEXT): string {
  const line = text.split(/\r?\n/).map((part) => part.replace(/[\s\u3000]+/g, ' ').trim()).find((part) => part.length > 0) ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export const timeOf = (timestamp: Timestamp): number => Date.parse(timestamp);

/** Whether a remark can be pinned there: a step, connection or lane of that map in the state, or the map itself. */
export function targetOnMap(state: MapState, target: AnnotationTarget, mapId: MapId): boolean {
  switch (target.kind) {
    case 'step':
      return state.steps.get(target.stepId)?.mapId === mapId;
    case 'connection':
      return state.connections.get(target.connectionId)?.mapId === mapId;
    case 'lane':
      return state.lanes.get(target.laneId)?.mapId === mapId;
    case 'map':
      return target.mapId === mapId;
  }
}
