import { useLiveQuery } from 'dexie-react-hooks';
import { sortProcesses, type Process, type ProcessId, type Workshop, type WorkshopDocument, type WorkshopId } from '../../../shared/model';
import { useDatabase } from './DatabaseContext';
import { validRow, validRows } from './rowProblems';
import { loadWorkshopDocument } from './workshopRepository';

/**
 * Live reads: they re-run whenever the tables they read change, in this window or another
 * one on the same data (Dexie broadcasts commits), so two windows stay consistent.
 * `undefined` means "still loading", never "empty".
 */

export interface WorkshopSummary {
  readonly workshop: Workshop;
  readonly processCount: number;
}

export function useWorkshopSummaries(): WorkshopSummary[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const workshops = validRows('workshops', await db.workshops.toArray());
    const processWorkshopIds = await db.processes.orderBy('workshopId').keys();
    const counts = new Map<string, number>();
    for (const key of processWorkshopIds) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
    return workshops
      .map((workshop) => ({ workshop, processCount: counts.get(workshop.id) ?? 0 }))
      .sort((a, b) => b.workshop.updatedAt.localeCompare(a.workshop.updatedAt));
  }, [db]);
}

/** `null` when the workshop does not exist (anymore). */
export function useWorkshop(id: WorkshopId): Workshop | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => validRow('workshops', await db.workshops.get(id)) ?? null, [db, id]);
}

export interface ProcessSummary {
  readonly process: Process;
  readonly asIsStepCount: number;
  readonly toBeStepCount: number | null;
}

export function useProcessSummaries(workshopId: WorkshopId): ProcessSummary[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const processes = sortProcesses(validRows('processes', await db.processes.where('workshopId').equals(workshopId).toArray()));
    const mapIds = processes.flatMap((process) => (process.toBeMapId ? [process.asIsMapId, process.toBeMapId] : [process.asIsMapId]));
    const stepMapIds = await db.steps.where('mapId').anyOf(mapIds).keys();
    const stepCounts = new Map<string, number>();
    for (const key of stepMapIds) stepCounts.set(String(key), (stepCounts.get(String(key)) ?? 0) + 1);
    return processes.map((process) => ({
      process,
      asIsStepCount: stepCounts.get(process.asIsMapId) ?? 0,
      toBeStepCount: process.toBeMapId ? (stepCounts.get(process.toBeMapId) ?? 0) : null,
    }));
  }, [db, workshopId]);
}

export function useProcess(id: ProcessId): Process | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => validRow('processes', await db.processes.get(id)) ?? null, [db, id]);
}

/** The whole workshop as a document, re-read when any of its records changes; `null` when it does not exist. */
export function useWorkshopDocument(id: WorkshopId): WorkshopDocument | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await loadWorkshopDocument(db, id)) ?? null, [db, id]);
}
