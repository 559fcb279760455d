import { z } from 'zod';

/** Longest name (workshop, process, lane) the app accepts; longer text belongs in a description. */
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 20_000;

export const timestampSchema = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof timestampSchema>;

export const isoDateSchema = z.iso.date();

export const nameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine((value) => value.trim().length > 0, { message: 'must not be empty' });

export const shortTextSchema = z.string().max(MAX_NAME_LENGTH);
export const longTextSchema = z.string().max(MAX_TEXT_LENGTH);

export type NameProblem = 'empty' | 'tooLong';

/** Why a typed name cannot be used, or null when it can (after trimming). */
export function nameProblem(raw: string): NameProblem | null {
  const name = normaliseName(raw);
  if (name.length === 0) return 'empty';
  if (name.length > MAX_NAME_LENGTH) return 'tooLong';
  return null;
}

/** Trims and folds runs of whitespace (including the full-width space U+3000) into one. */
export function normaliseName(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, ' ').trim();
}

export const nowTimestamp = (): Timestamp => new Date().toISOString();
