import type { z } from 'zod';
import {
  approvalRuleSchema,
  exceptionCaseSchema,
  interviewNoteSchema,
  interviewSessionSchema,
  kpiSchema,
  painPointSchema,
  reportFieldSchema,
} from './annotations';
import { connectionSchema, laneSchema, processMapSchema, stepSchema } from './map';
import { processSchema } from './process';
import { requirementSchema } from './requirement';
import { workshopSchema } from './workshop';
import { agendaItemSchema, parkingItemSchema, questionSchema, stickyNoteSchema, voteSchema } from './workshopMode';

/**
 * Every record type of a workshop, by the name of the collection that holds it. The database
 * keeps one table per entry (one edit = one row written) and a workshop document one array
 * per entry; both are validated with these schemas.
 */
export const recordSchemas = {
  workshops: workshopSchema,
  processes: processSchema,
  maps: processMapSchema,
  lanes: laneSchema,
  steps: stepSchema,
  connections: connectionSchema,
  painPoints: painPointSchema,
  exceptions: exceptionCaseSchema,
  approvalRules: approvalRuleSchema,
  reportFields: reportFieldSchema,
  kpis: kpiSchema,
  interviewSessions: interviewSessionSchema,
  interviewNotes: interviewNoteSchema,
  requirements: requirementSchema,
  stickyNotes: stickyNoteSchema,
  questions: questionSchema,
  parkingItems: parkingItemSchema,
  votes: voteSchema,
  agendaItems: agendaItemSchema,
} as const;

export type RecordTable = keyof typeof recordSchemas;
export type RecordOf<T extends RecordTable> = z.infer<(typeof recordSchemas)[T]>;

export const recordTables = Object.keys(recordSchemas) as RecordTable[];

/** Collections whose records belong to one workshop through their `workshopId`. */
export type WorkshopChildTable = Exclude<RecordTable, 'workshops'>;
export const workshopChildTables = recordTables.filter(
  (table): table is WorkshopChildTable => table !== 'workshops',
);
