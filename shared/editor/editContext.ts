import type { Timestamp } from '../model/common';
import type { MapId, WorkshopId } from '../model/ids';

/** What creating commands need to stamp new records: the map they belong to and the time. */
export interface EditContext {
  readonly workshopId: WorkshopId;
  readonly mapId: MapId;
  readonly now: Timestamp;
}
