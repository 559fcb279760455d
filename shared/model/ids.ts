import { z } from 'zod';

/**
 * Ids are branded and prefixed (`step:V1StGXR8_Z5jdHi6B`): a step id cannot be passed where a
 * lane id is expected, and a stray id in a file or a log says what it points at.
 */
export const idPrefixes = {
  workshop: 'workshop',
  participant: 'participant',
  process: 'process',
  map: 'map',
  lane: 'lane',
  step: 'step',
  connection: 'connection',
  painPoint: 'pain',
  exception: 'exception',
  approvalRule: 'approval',
  reportField: 'field',
  kpi: 'kpi',
  interviewSession: 'session',
  interviewNote: 'note',
  requirement: 'requirement',
  stickyNote: 'sticky',
  question: 'question',
  parkingItem: 'parking',
  vote: 'vote',
  agendaItem: 'agenda',
} as const;

export type IdKind = keyof typeof idPrefixes;

const ID_BODY = '[A-Za-z0-9_-]{6,64}';

function idSchemaFor<K extends IdKind>(kind: K) {
  return z
    .string()
    .regex(new RegExp(`^${idPrefixes[kind]}:${ID_BODY}$`), { message: `not a ${kind} id` })
    .brand<K>();
}

export const workshopIdSchema = idSchemaFor('workshop');
export const participantIdSchema = idSchemaFor('participant');
export const processIdSchema = idSchemaFor('process');
export const mapIdSchema = idSchemaFor('map');
export const laneIdSchema = idSchemaFor('lane');
export const stepIdSchema = idSchemaFor('step');
export const connectionIdSchema = idSchemaFor('connection');
export const painPointIdSchema = idSchemaFor('painPoint');
export const exceptionIdSchema = idSchemaFor('exception');
export const approvalRuleIdSchema = idSchemaFor('approvalRule');
export const reportFieldIdSchema = idSchemaFor('reportField');
export const kpiIdSchema = idSchemaFor('kpi');
export const interviewSessionIdSchema = idSchemaFor('interviewSession');
export const interviewNoteIdSchema = idSchemaFor('interviewNote');
export const requirementIdSchema = idSchemaFor('requirement');
export const stickyNoteIdSchema = idSchemaFor('stickyNote');
export const questionIdSchema = idSchemaFor('question');
export const parkingItemIdSchema = idSchemaFor('parkingItem');
export const voteIdSchema = idSchemaFor('vote');
export const agendaItemIdSchema = idSchemaFor('agendaItem');

export type WorkshopId = z.infer<typeof workshopIdSchema>;
export type ParticipantId = z.infer<typeof participantIdSchema>;
export type ProcessId = z.infer<typeof processIdSchema>;
export type MapId = z.infer<typeof mapIdSchema>;
export type LaneId = z.infer<typeof laneIdSchema>;
export type StepId = z.infer<typeof stepIdSchema>;
export type ConnectionId = z.infer<typeof connectionIdSchema>;
export type PainPointId = z.infer<typeof painPointIdSchema>;
export type ExceptionId = z.infer<typeof exceptionIdSchema>;
export type ApprovalRuleId = z.infer<typeof approvalRuleIdSchema>;
export type ReportFieldId = z.infer<typeof reportFieldIdSchema>;
export type KpiId = z.infer<typeof kpiIdSchema>;
export type InterviewSessionId = z.infer<typeof interviewSessionIdSchema>;
export type InterviewNoteId = z.infer<typeof interviewNoteIdSchema>;
export type RequirementId = z.infer<typeof requirementIdSchema>;
export type StickyNoteId = z.infer<typeof stickyNoteIdSchema>;
export type QuestionId = z.infer<typeof questionIdSchema>;
export type ParkingItemId = z.infer<typeof parkingItemIdSchema>;
export type VoteId = z.infer<typeof voteIdSchema>;
export type AgendaItemId = z.infer<typeof agendaItemIdSchema>;

interface IdOf {
  workshop: WorkshopId;
  participant: ParticipantId;
  process: ProcessId;
  map: MapId;
  lane: LaneId;
  step: StepId;
  connection: ConnectionId;
  painPoint: PainPointId;
  exception: ExceptionId;
  approvalRule: ApprovalRuleId;
  reportField: ReportFieldId;
  kpi: KpiId;
  interviewSession: InterviewSessionId;
  interviewNote: InterviewNoteId;
  requirement: RequirementId;
  stickyNote: StickyNoteId;
  question: QuestionId;
  parkingItem: ParkingItemId;
  vote: VoteId;
  agendaItem: AgendaItemId;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A new random id of the given kind (21 url-safe characters, ~126 bits). */
export function newId<K extends IdKind>(kind: K): IdOf[K] {
  const bytes = new Uint8Array(21);
  globalThis.crypto.getRandomValues(bytes);
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte & 63];
  return `${idPrefixes[kind]}:${body}` as IdOf[K];
}
