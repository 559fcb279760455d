import { z } from 'zod';
import { nameSchema, timestampSchema } from './common';
import { mapIdSchema, processIdSchema, workshopIdSchema } from './ids';

/** A business process of the workshop (e.g. 買掛金支払), with its As-Is map and, once forked, its To-Be map. */
export const processSchema = z.object({
  id: processIdSchema,
  workshopId: workshopIdSchema,
  name: nameSchema,
  /** Position in the workshop's process list; gaps allowed, ties broken by id. */
  order: z.number().finite(),
  asIsMapId: mapIdSchema,
  toBeMapId: mapIdSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Process = z.infer<typeof processSchema>;
