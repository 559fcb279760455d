import { z } from 'zod';
import { nameSchema, longTextSchema, shortTextSchema, timestampSchema } from './common';
import {
  connectionIdSchema,
  laneIdSchema,
  mapIdSchema,
  participantIdSchema,
  processIdSchema,
  stepIdSchema,
  workshopIdSchema,
} from './ids';

export const mapVariantSchema = z.enum(['asIs', 'toBe']);
export type MapVariant = z.infer<typeof mapVariantSchema>;

export const processMapSchema = z.object({
  id: mapIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  variant: mapVariantSchema,
  /** For a To-Be map: the As-Is map it was forked from. */
  forkedFromMapId: mapIdSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ProcessMap = z.infer<typeof processMapSchema>;

export const laneKindSchema = z.enum(['department', 'role', 'system', 'external']);
export type LaneKind = z.infer<typeof laneKindSchema>;

export const laneSchema = z.object({
  id: laneIdSchema,
  workshopId: workshopIdSchema,
  mapId: mapIdSchema,
  name: nameSchema,
  kind: laneKindSchema,
  /** CSS colour, #rrggbb. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  order: z.number().finite(),
});
export type Lane = z.infer<typeof laneSchema>;

export const stepTypeSchema = z.enum([
  'start',
  'end',
  'manualTask',
  'systemTask',
  'decision',
  'approval',
  'document',
  'spreadsheet',
  'master',
  'handoff',
  'external',
]);
export type StepType = z.infer<typeof stepTypeSchema>;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const stepFrequencySchema = z.enum([
  'perTransaction',
  'daily',
  'weekly',
  'monthly',
  'monthEnd',
  'quarterly',
  'yearly',
  'adHoc',
]);
export type StepFrequency = z.infer<typeof stepFrequencySchema>;

/** Who can do a step: a workshop participant, or a role when no person is named. */
export const performerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: participantIdSchema }),
  z.object({ kind: z.literal('role'), role: nameSchema }),
]);
export type Performer = z.infer<typeof performerSchema>;

const textListSchema = z.array(shortTextSchema).max(100);

export const stepSchema = z.object({
  id: stepIdSchema,
  workshopId: workshopIdSchema,
  mapId: mapIdSchema,
  laneId: laneIdSchema,
  type: stepTypeSchema,
  label: z.string().max(500),
  /** Relative to the lane's top-left corner. */
  position: positionSchema,
  /** In a To-Be map: the As-Is step this one was forked from. */
  originStepId: stepIdSchema.nullable(),
  /** Who can do it; exactly one is a key-person risk (属人化). */
  performers: z.array(performerSchema).max(100),
  /** The system a system task runs in, e.g. 会計システム. */
  system: shortTextSchema,
  /** Tools used, e.g. the Excel file's name. */
  tools: textListSchema,
  frequency: stepFrequencySchema.nullable(),
  /** Volume per cycle as said in the room, e.g. 「月300件」. */
  volume: shortTextSchema,
  /** Minutes of work per cycle. */
  touchMinutes: z.number().min(0).max(1_000_000).nullable(),
  /** Minutes of waiting before the next step can start, per cycle. */
  waitMinutes: z.number().min(0).max(1_000_000).nullable(),
  /** Documents going in and out, e.g. 請求書, 支払依頼書. */
  inputs: textListSchema,
  outputs: textListSchema,
  notes: longTextSchema,
});
export type Step = z.infer<typeof stepSchema>;

export const connectionKindSchema = z.enum(['sequence', 'data']);
export type ConnectionKind = z.infer<typeof connectionKindSchema>;

export const connectionSchema = z.object({
  id: connectionIdSchema,
  workshopId: workshopIdSchema,
  mapId: mapIdSchema,
  kind: connectionKindSchema,
  sourceStepId: stepIdSchema,
  targetStepId: stepIdSchema,
  /** Branch label or condition, e.g. 「金額相違あり」. */
  label: shortTextSchema,
});
export type Connection = z.infer<typeof connectionSchema>;
