import { z } from 'zod';
import { migrateRecord, migrations, type Migration, type RawRecord } from './migrations';
import { formatPath, problemsFromZod, type Problem, type Result } from './problems';
import { recordSchemas, workshopChildTables, type RecordOf, type WorkshopChildTable } from './records';

/**
 * A whole workshop as one JSON document: what a `.kakehashi` file holds and what duplicate,
 * backup and export work on. The database never stores it whole; it stores the records.
 */
export const DOCUMENT_TYPE = 'kakehashi-workshop';

const childArrays = Object.fromEntries(
  workshopChildTables.map((table) => [table, z.array(recordSchemas[table])]),
) as { [T in WorkshopChildTable]: z.ZodArray<(typeof recordSchemas)[T]> };

export const workshopDocumentSchema = z.object({
  type: z.literal(DOCUMENT_TYPE),
  /** Schema version the records follow; reading migrates older ones to the current version. */
  schemaVersion: z.number().int().positive(),
  /** Which app wrote it, e.g. `Kakehashi 0.1.0`; informational. */
  app: z.string().max(100),
  savedAt: z.iso.datetime({ offset: true }),
  workshop: recordSchemas.workshops,
  ...childArrays,
});
export type WorkshopDocument = z.infer<typeof workshopDocumentSchema>;

export type WorkshopRecords = { [T in WorkshopChildTable]: RecordOf<T>[] };

export function emptyRecords(): WorkshopRecords {
  return Object.fromEntries(workshopChildTables.map((table) => [table, []])) as unknown as WorkshopRecords;
}

const isObject = (value: unknown): value is RawRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a parsed JSON value as a workshop document of the current schema: checks the type,
 * refuses a newer schema, migrates an older one record by record, validates every record and
 * the references between them. Never throws; every problem names its path.
 */
export function readWorkshopDocument(
  raw: unknown,
  available: readonly Migration[] = migrations,
): Result<WorkshopDocument> & { readonly migratedFrom?: number } {
  const currentVersion = 1 + available.length;
  if (!isObject(raw)) return fail('(document)', 'not a JSON object');
  if (raw.type !== DOCUMENT_TYPE) {
    return fail('type', `not a Kakehashi workshop (expected "${DOCUMENT_TYPE}", found ${JSON.stringify(raw.type) ?? 'nothing'})`);
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('schemaVersion', `missing or invalid schema version (${JSON.stringify(version) ?? 'nothing'})`);
  }
  if (version > currentVersion) {
    return fail(
      'schemaVersion',
      `written by a newer version of Kakehashi (schema ${version}; this app reads up to ${currentVersion}). Update Kakehashi to open it.`,
    );
  }

  const migrated: RawRecord = { ...raw, schemaVersion: currentVersion };
  if (isObject(raw.workshop)) migrated.workshop = migrateRecord('workshops', raw.workshop, version, available);
  for (const table of workshopChildTables) {
    const rows = raw[table];
    if (rows === undefined) migrated[table] = [];
    else if (Array.isArray(rows)) {
      migrated[table] = rows.map((row: unknown) => (isObject(row) ? migrateRecord(table, row, version, available) : row));
    }
  }

  const parsed = workshopDocumentSchema.safeParse(migrated);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const document = parsed.data as WorkshopDocument;
  const referenceProblems = findReferenceProblems(document);
  if (referenceProblems.length > 0) return { ok: false, problems: referenceProblems };
  return version === currentVersion ? { ok: true, value: document } : { ok: true, value: document, migratedFrom: version };
}

function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}

/** Records that point at something the document does not hold, or at another workshop. */
export function findReferenceProblems(document: WorkshopDocument): Problem[] {
  const problems: Problem[] = [];
  const workshopId = document.workshop.id;
  for (const table of workshopChildTables) {
    document[table].forEach((record, index) => {
      if (record.workshopId !== workshopId) {
        problems.push({ path: formatPath([table, index, 'workshopId']), message: `belongs to another workshop (${record.workshopId})` });
      }
    });
  }
  const processIds = new Set(document.processes.map((process) => process.id));
  const mapsById = new Map(document.maps.map((map) => [map.id, map]));
  const lanesById = new Map(document.lanes.map((lane) => [lane.id, lane]));
  const stepsById = new Map(document.steps.map((step) => [step.id, step]));
  const missing = (path: PropertyKey[], what: string, id: string) =>
    problems.push({ path: formatPath(path), message: `refers to a ${what} that is not in the document (${id})` });

  document.processes.forEach((process, index) => {
    if (mapsById.get(process.asIsMapId)?.processId !== process.id) missing(['processes', index, 'asIsMapId'], 'map of this process', process.asIsMapId);
    if (process.toBeMapId !== null && mapsById.get(process.toBeMapId)?.processId !== process.id) {
      missing(['processes', index, 'toBeMapId'], 'map of this process', process.toBeMapId);
    }
  });
  document.maps.forEach((map, index) => {
    if (!processIds.has(map.processId)) missing(['maps', index, 'processId'], 'process', map.processId);
  });
  document.lanes.forEach((lane, index) => {
    if (!mapsById.has(lane.mapId)) missing(['lanes', index, 'mapId'], 'map', lane.mapId);
  });
  document.steps.forEach((step, index) => {
    const lane = lanesById.get(step.laneId);
    if (!lane || lane.mapId !== step.mapId) missing(['steps', index, 'laneId'], 'lane of the same map', step.laneId);
  });
  document.connections.forEach((connection, index) => {
    for (const end of ['sourceStepId', 'targetStepId'] as const) {
      const step = stepsById.get(connection[end]);
      if (!step || step.mapId !== connection.mapId) missing(['connections', index, end], 'step of the same map', connection[end]);
    }
  });
  // Workshop mode (schema 5). Only the structure is checked: what a note, item or vote was
  // converted to or votes on may have been deleted since, and stays a dangling trace.
  document.stickyNotes.forEach((note, index) => {
    if (mapsById.get(note.mapId)?.processId !== note.processId) missing(['stickyNotes', index, 'mapId'], 'map of its process', note.mapId);
  });
  for (const table of ['questions', 'parkingItems', 'votes'] as const) {
    document[table].forEach((record, index) => {
      if (record.processId !== null && !processIds.has(record.processId)) missing([table, index, 'processId'], 'process', record.processId);
    });
  }
  return problems;
}
