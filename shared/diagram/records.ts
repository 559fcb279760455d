import type { FullMapRecords } from '../editor/mapState';
import type { WorkshopDocument } from '../model/document';
import type { MapId } from '../model/ids';

/**
 * One map of a workshop document as the editor holds it: its lanes, steps and connections,
 * and what was noted in its process (the drawing keeps the notes pinned to this map's steps).
 * Empty when the document has no such map.
 */
export function mapRecordsOf(document: WorkshopDocument, mapId: MapId): FullMapRecords {
  const processId = document.maps.find((map) => map.id === mapId)?.processId;
  const ofProcess = <T extends { readonly processId: unknown }>(rows: readonly T[]): T[] => rows.filter((row) => row.processId === processId);
  return {
    lanes: document.lanes.filter((lane) => lane.mapId === mapId),
    steps: document.steps.filter((step) => step.mapId === mapId),
    connections: document.connections.filter((connection) => connection.mapId === mapId),
    painPoints: ofProcess(document.painPoints),
    exceptions: ofProcess(document.exceptions),
    approvalRules: ofProcess(document.approvalRules),
    reportFields: ofProcess(document.reportFields),
    kpis: ofProcess(document.kpis),
    interviewSessions: [],
    interviewNotes: [],
  };
}
