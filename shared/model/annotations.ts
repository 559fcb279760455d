import { z } from 'zod';
import { isoDateSchema, longTextSchema, shortTextSchema, timestampSchema } from './common';
import {
  approvalRuleIdSchema,
  connectionIdSchema,
  exceptionIdSchema,
  interviewNoteIdSchema,
  interviewSessionIdSchema,
  kpiIdSchema,
  laneIdSchema,
  mapIdSchema,
  painPointIdSchema,
  participantIdSchema,
  processIdSchema,
  reportFieldIdSchema,
  stepIdSchema,
  workshopIdSchema,
} from './ids';

/**
 * What the field says in the room, attached to where it happens. Every record names the
 * workshop and process it belongs to, so it can be stored, filtered and exported on its own.
 */

export const annotationTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), stepId: stepIdSchema }),
  z.object({ kind: z.literal('connection'), connectionId: connectionIdSchema }),
  z.object({ kind: z.literal('lane'), laneId: laneIdSchema }),
  z.object({ kind: z.literal('map'), mapId: mapIdSchema }),
]);
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

export const painCategorySchema = z.enum([
  'doubleEntry',
  'spreadsheetWorkaround',
  'missingReportFields',
  'keyPersonDependency',
  'approvalDelay',
  'undocumentedExceptions',
  'masterDataInconsistency',
  'integration',
  'trainingGap',
  'other',
]);
export type PainCategory = z.infer<typeof painCategorySchema>;

export const painStatusSchema = z.enum(['open', 'addressedInToBe', 'deferred']);

export const painPointSchema = z.object({
  id: painPointIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  target: annotationTargetSchema,
  title: z.string().max(500),
  description: longTextSchema,
  category: painCategorySchema,
  severity: z.number().int().min(1).max(5),
  frequency: shortTextSchema,
  hoursLostPerMonth: z.number().min(0).nullable(),
  peopleAffected: z.number().int().min(0).nullable(),
  raisedBy: participantIdSchema.nullable(),
  status: painStatusSchema,
  deferReason: longTextSchema,
  /** The interview note it was captured from, keeping the quote traceable. */
  sourceNoteId: interviewNoteIdSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PainPoint = z.infer<typeof painPointSchema>;

export const exceptionCaseSchema = z.object({
  id: exceptionIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  stepId: stepIdSchema,
  trigger: longTextSchema,
  currentHandling: longTextSchema,
  handledBy: participantIdSchema.nullable(),
  frequency: shortTextSchema,
  desiredHandling: longTextSchema,
  /** Who described it in the room. */
  raisedBy: participantIdSchema.nullable(),
  sourceNoteId: interviewNoteIdSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ExceptionCase = z.infer<typeof exceptionCaseSchema>;

export const approvalRuleSchema = z.object({
  id: approvalRuleIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  stepId: stepIdSchema,
  approverRole: shortTextSchema,
  /** Amount band in yen this rule covers; null = unbounded. */
  minAmount: z.number().min(0).nullable(),
  maxAmount: z.number().min(0).nullable(),
  deputy: shortTextSchema,
  evidenceRequired: longTextSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const reportFieldSchema = z.object({
  id: reportFieldIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  stepId: stepIdSchema,
  name: shortTextSchema,
  source: shortTextSchema,
  format: shortTextSchema,
  usedBy: shortTextSchema,
  requiredInNewSystem: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ReportField = z.infer<typeof reportFieldSchema>;

export const kpiSchema = z.object({
  id: kpiIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  name: shortTextSchema,
  unit: shortTextSchema,
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  painPointIds: z.array(painPointIdSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Kpi = z.infer<typeof kpiSchema>;

export const interviewSessionSchema = z.object({
  id: interviewSessionIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema.nullable(),
  title: shortTextSchema,
  date: isoDateSchema,
  participantIds: z.array(participantIdSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type InterviewSession = z.infer<typeof interviewSessionSchema>;

export const interviewNoteSchema = z.object({
  id: interviewNoteIdSchema,
  workshopId: workshopIdSchema,
  sessionId: interviewSessionIdSchema,
  text: longTextSchema,
  /** The step selected on the map when the note was typed. */
  stepId: stepIdSchema.nullable(),
  speakerId: participantIdSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type InterviewNote = z.infer<typeof interviewNoteSchema>;
