import { z } from 'zod';
import { isoDateSchema, nameSchema, shortTextSchema, timestampSchema } from './common';
import { participantIdSchema, workshopIdSchema } from './ids';

export const departmentSchema = z.enum(['accounting', 'it', 'other']);
export type Department = z.infer<typeof departmentSchema>;

export const participantSchema = z.object({
  id: participantIdSchema,
  name: nameSchema,
  department: departmentSchema,
  /** e.g. 経理課長, AP担当, 情報システム部 PM */
  role: shortTextSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const workshopSchema = z.object({
  id: workshopIdSchema,
  name: nameSchema,
  organisation: shortTextSchema,
  /** 対象業務, e.g. 経理・財務 */
  businessArea: shortTextSchema,
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  participants: z.array(participantSchema).max(500),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Set when moved to the trash; the workshop and its records are kept until the trash is emptied. */
  deletedAt: timestampSchema.nullable(),
});
export type Workshop = z.infer<typeof workshopSchema>;
