import { z } from 'zod';
import { longTextSchema, timestampSchema } from './common';
import {
  exceptionIdSchema,
  kpiIdSchema,
  painPointIdSchema,
  reportFieldIdSchema,
  approvalRuleIdSchema,
  requirementIdSchema,
  stepIdSchema,
  workshopIdSchema,
} from './ids';

export const requirementTypeSchema = z.enum([
  'functional',
  'report',
  'data',
  'interface',
  'permission',
  'exceptionHandling',
  'nonFunctional',
  'operations',
]);
export const moscowSchema = z.enum(['must', 'should', 'could', 'wont']);
export const requirementOwnerSchema = z.enum(['it', 'accounting', 'joint']);
/**
 * `sourceRemoved`: set by regeneration when nothing it was generated from is there any more.
 * `merged`: folded into another requirement (`mergedIntoId`); kept so its key is never reused.
 */
export const requirementStatusSchema = z.enum(['draft', 'agreed', 'rejected', 'sourceRemoved', 'merged']);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;
export type RequirementType = z.infer<typeof requirementTypeSchema>;
export type Moscow = z.infer<typeof moscowSchema>;
export type RequirementOwner = z.infer<typeof requirementOwnerSchema>;

export const requirementSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('painPoint'), id: painPointIdSchema }),
  z.object({ kind: z.literal('exception'), id: exceptionIdSchema }),
  z.object({ kind: z.literal('approvalRule'), id: approvalRuleIdSchema }),
  z.object({ kind: z.literal('reportField'), id: reportFieldIdSchema }),
  z.object({ kind: z.literal('asIsStep'), id: stepIdSchema }),
  z.object({ kind: z.literal('toBeStep'), id: stepIdSchema }),
  z.object({ kind: z.literal('kpi'), id: kpiIdSchema }),
]);
export type RequirementSource = z.infer<typeof requirementSourceSchema>;

/**
 * Which generation rule drafted a requirement, from which record: regeneration matches its
 * drafts against these, so a requirement a facilitator edited is recognised and kept. Ids are
 * stored as plain values (not `painPoint:pain:…` strings) so duplicating a workshop remaps them.
 */
export const requirementOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('painPoint'), id: painPointIdSchema }),
  z.object({ kind: z.literal('exception'), id: exceptionIdSchema }),
  z.object({ kind: z.literal('approvalRule'), id: approvalRuleIdSchema }),
  /** The must-have report fields of one step, drafted together. */
  z.object({ kind: z.literal('reportFields'), id: stepIdSchema }),
  /** A To-Be step that was added, automated, or is a system task. */
  z.object({ kind: z.literal('toBeStep'), id: stepIdSchema }),
  /** An As-Is step the To-Be map no longer has. */
  z.object({ kind: z.literal('removedStep'), id: stepIdSchema }),
]);
export type RequirementOrigin = z.infer<typeof requirementOriginSchema>;

export const requirementSchema = z.object({
  id: requirementIdSchema,
  workshopId: workshopIdSchema,
  /** Human key, stable per workshop and never reused: REQ-001, REQ-002… */
  key: z.string().regex(/^REQ-\d{3,}$/),
  title: z.string().max(500),
  description: longTextSchema,
  type: requirementTypeSchema,
  priority: moscowSchema,
  owner: requirementOwnerSchema,
  acceptanceCriteria: z.array(longTextSchema),
  sources: z.array(requirementSourceSchema),
  status: requirementStatusSchema,
  /** What generated it; empty for a requirement written or split off by hand. Merging unites them. */
  origins: z.array(requirementOriginSchema),
  /** For status `merged`: the requirement it was folded into. */
  mergedIntoId: requirementIdSchema.nullable(),
  order: z.number().finite(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Requirement = z.infer<typeof requirementSchema>;
