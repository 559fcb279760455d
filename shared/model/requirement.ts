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
export const requirementStatusSchema = z.enum(['draft', 'agreed', 'rejected', 'sourceRemoved']);

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
  order: z.number().finite(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Requirement = z.infer<typeof requirementSchema>;
