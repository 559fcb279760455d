import { bpmnToMap, type ImportedMap } from '../../../shared/bpmn';
import type { ProcessId, WorkshopId } from '../../../shared/model';
import type { Problem, Result } from '../../../shared/model/problems';
import type { Language, OpenedFile } from '../../../shared/platform/bridge';
import type { KakehashiDatabase } from '../db/database';
import { addProcess } from '../db/workshopRepository';

/** The extensions BPMN tools save with: `.bpmn` (Camunda Modeler, bpmn.io), `.xml` (Signavio and others). */
export const BPMN_EXTENSIONS = ['bpmn', 'xml'] as const;

/** A file's bytes as text: UTF-8 (with or without a byte order mark), or UTF-16 when it starts with one. */
export function decodeXmlFile(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

/** Reads an opened BPMN file as the records of an As-Is map, or the problems that keep it from being one. */
export async function readBpmnFile(file: OpenedFile, workshopId: WorkshopId, lang: Language): Promise<Result<ImportedMap>> {
  let xml: string;
  try {
    xml = decodeXmlFile(file.data);
  } catch (error) {
    const problem: Problem = { path: '(file)', message: error instanceof Error ? error.message : String(error) };
    return { ok: false, problems: [problem] };
  }
  return bpmnToMap(xml, { workshopId, lang });
}

/**
 * Adds a process named `name` whose As-Is map holds the imported lanes, steps and connections:
 * one transaction, so either all of it is there or none of it.
 */
export function addImportedProcess(db: KakehashiDatabase, workshopId: WorkshopId, name: string, imported: ImportedMap): Promise<ProcessId> {
  return addProcess(db, workshopId, name, ({ mapId }) => ({
    lanes: imported.lanes.map((lane) => ({ ...lane, workshopId, mapId })),
    steps: imported.steps.map((step) => ({ ...step, workshopId, mapId })),
    connections: imported.connections.map((connection) => ({ ...connection, workshopId, mapId })),
  }));
}
