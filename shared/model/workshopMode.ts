import { z } from 'zod';
import { isoDateSchema, longTextSchema, shortTextSchema, timestampSchema } from './common';
import {
  agendaItemIdSchema,
  exceptionIdSchema,
  interviewSessionIdSchema,
  mapIdSchema,
  painPointIdSchema,
  parkingItemIdSchema,
  participantIdSchema,
  processIdSchema,
  questionIdSchema,
  requirementIdSchema,
  stepIdSchema,
  stickyNoteIdSchema,
  voteIdSchema,
  workshopIdSchema,
} from './ids';
import { positionSchema } from './map';

/**
 * What a room full of people produces around the projector (schema 5): sticky notes on the
 * canvas, open questions (確認事項), the parking lot (保留事項), dot votes and the agenda.
 * Like every record, each names its workshop and carries when it was made and last changed.
 */

export const stickyColorSchema = z.enum(['yellow', 'pink', 'blue', 'green']);
export type StickyColor = z.infer<typeof stickyColorSchema>;

/** What a sticky note became; the note is kept (and hidden) so its text and author stay traceable. */
export const stickyConversionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), id: stepIdSchema }),
  z.object({ kind: z.literal('painPoint'), id: painPointIdSchema }),
  z.object({ kind: z.literal('exception'), id: exceptionIdSchema }),
  z.object({ kind: z.literal('question'), id: questionIdSchema }),
]);
export type StickyConversion = z.infer<typeof stickyConversionSchema>;

/** 付箋: a free note placed anywhere on a map. */
export const stickyNoteSchema = z.object({
  id: stickyNoteIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema,
  mapId: mapIdSchema,
  /** Map (absolute) coordinates of its top-left corner: a note belongs to no lane. */
  position: positionSchema,
  text: longTextSchema,
  color: stickyColorSchema,
  /** Who wrote it (or said it). */
  authorId: participantIdSchema.nullable(),
  convertedTo: stickyConversionSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type StickyNote = z.infer<typeof stickyNoteSchema>;

/** Which side of the table must answer. */
export const questionOwnerSideSchema = z.enum(['it', 'accounting', 'other']);
export type QuestionOwnerSide = z.infer<typeof questionOwnerSideSchema>;

export const questionStatusSchema = z.enum(['open', 'answered', 'closed']);
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

export const questionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stickyNote'), id: stickyNoteIdSchema }),
  z.object({ kind: z.literal('parkingItem'), id: parkingItemIdSchema }),
]);
export type QuestionSource = z.infer<typeof questionSourceSchema>;

/** 確認事項: something the room could not answer, to be checked by someone by a date. */
export const questionSchema = z.object({
  id: questionIdSchema,
  workshopId: workshopIdSchema,
  /** null: about the whole workshop. */
  processId: processIdSchema.nullable(),
  text: longTextSchema,
  ownerSide: questionOwnerSideSchema,
  assigneeId: participantIdSchema.nullable(),
  dueDate: isoDateSchema.nullable(),
  status: questionStatusSchema,
  answer: longTextSchema,
  /** The interview session it was raised in. */
  sessionId: interviewSessionIdSchema.nullable(),
  /** The sticky note or parking-lot item it was made from. */
  source: questionSourceSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const parkingStatusSchema = z.enum(['open', 'resolved', 'converted']);
export type ParkingStatus = z.infer<typeof parkingStatusSchema>;

export const parkingConversionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), id: questionIdSchema }),
  z.object({ kind: z.literal('painPoint'), id: painPointIdSchema }),
  z.object({ kind: z.literal('requirement'), id: requirementIdSchema }),
]);
export type ParkingConversion = z.infer<typeof parkingConversionSchema>;

/** 保留事項: an off-topic remark captured without leaving the canvas, dealt with later. */
export const parkingItemSchema = z.object({
  id: parkingItemIdSchema,
  workshopId: workshopIdSchema,
  processId: processIdSchema.nullable(),
  text: longTextSchema,
  raisedBy: participantIdSchema.nullable(),
  status: parkingStatusSchema,
  /** Set with status `converted`. */
  convertedTo: parkingConversionSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ParkingItem = z.infer<typeof parkingItemSchema>;

export const voteSubjectSchema = z.enum(['painPoints', 'requirements']);
export type VoteSubject = z.infer<typeof voteSubjectSchema>;

export const voteStatusSchema = z.enum(['open', 'closed']);
export type VoteStatus = z.infer<typeof voteStatusSchema>;

/** A candidate of a vote: a pain point or a requirement, as the vote's subject says. */
export const voteItemIdSchema = z.union([painPointIdSchema, requirementIdSchema]);
export type VoteItemId = z.infer<typeof voteItemIdSchema>;

export const MIN_DOTS_PER_PARTICIPANT = 1;
export const MAX_DOTS_PER_PARTICIPANT = 20;
/** The most dots one ballot (a participant's, or the room's total for an item) can hold. */
export const MAX_BALLOT_DOTS = 10_000;

export const ballotSchema = z.object({
  /** null: a total called out in the room for the item, not one person's dots. */
  participantId: participantIdSchema.nullable(),
  itemId: voteItemIdSchema,
  dots: z.number().int().min(1).max(MAX_BALLOT_DOTS),
});
export type Ballot = z.infer<typeof ballotSchema>;

const ITEM_PREFIX: Readonly<Record<VoteSubject, string>> = { painPoints: 'pain:', requirements: 'requirement:' };

/** ドット投票 on pain points (→ severity) or requirements (→ MoSCoW). */
export const voteSchema = z
  .object({
    id: voteIdSchema,
    workshopId: workshopIdSchema,
    processId: processIdSchema.nullable(),
    title: shortTextSchema,
    subject: voteSubjectSchema,
    dotsPerParticipant: z.number().int().min(MIN_DOTS_PER_PARTICIPANT).max(MAX_DOTS_PER_PARTICIPANT),
    status: voteStatusSchema,
    /** The candidates, in the order they were put to the room. */
    itemIds: z.array(voteItemIdSchema).max(1000),
    /** At most one ballot per participant (or the room, null) and item; none with zero dots. */
    ballots: z.array(ballotSchema).max(100_000),
    /** The interview session it was held in. */
    sessionId: interviewSessionIdSchema.nullable(),
    /** When its result was last applied to the pain points' severity or requirements' priority. */
    appliedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .superRefine((vote, context) => {
    const candidates = new Set<string>();
    vote.itemIds.forEach((itemId, index) => {
      if (!itemId.startsWith(ITEM_PREFIX[vote.subject])) context.addIssue({ code: 'custom', path: ['itemIds', index], message: `not one of the vote's ${vote.subject}` });
      if (candidates.has(itemId)) context.addIssue({ code: 'custom', path: ['itemIds', index], message: `appears twice (${itemId})` });
      candidates.add(itemId);
    });
    const cast = new Set<string>();
    vote.ballots.forEach((ballot, index) => {
      if (!candidates.has(ballot.itemId)) context.addIssue({ code: 'custom', path: ['ballots', index, 'itemId'], message: `not a candidate of the vote (${ballot.itemId})` });
      const key = `${ballot.participantId ?? 'room'} ${ballot.itemId}`;
      if (cast.has(key)) context.addIssue({ code: 'custom', path: ['ballots', index], message: 'a second ballot of the same participant for the same item' });
      cast.add(key);
    });
  });
export type Vote = z.infer<typeof voteSchema>;

export const MAX_AGENDA_MINUTES = 600;

/** A timeboxed item of the workshop's agenda, e.g. 現状確認 30分. */
export const agendaItemSchema = z.object({
  id: agendaItemIdSchema,
  workshopId: workshopIdSchema,
  title: shortTextSchema,
  minutes: z.number().int().min(1).max(MAX_AGENDA_MINUTES),
  order: z.number().finite(),
  /**
   * When its clock started. A paused item that is resumed keeps its elapsed time by moving
   * `startedAt` back by that much, so two timestamps hold start, pause and resume.
   */
  startedAt: timestampSchema.nullable(),
  /** When its clock stopped; null while it runs (or before it starts). */
  finishedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;
