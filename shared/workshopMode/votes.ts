import { editRequirement } from '../backlog/edit';
import { putNew } from '../capture/records';
import { EMPTY_PATCH, combinePatches, patch, type MapPatch, type MapState } from '../editor/mapState';
import { normaliseName, type Timestamp } from '../model/common';
import { newId, type InterviewSessionId, type ParticipantId, type ProcessId, type VoteId } from '../model/ids';
import type { PainPoint } from '../model/annotations';
import type { Moscow, Requirement } from '../model/requirement';
import { MAX_BALLOT_DOTS, type Ballot, type Vote, type VoteItemId, type VoteSubject } from '../model/workshopMode';
import type { WorkshopContext } from './context';

/**
 * Dot voting (ドット投票). The facilitator puts pain points (or requirements) to the room; each
 * participant has `dotsPerParticipant` dots, entered one at a time per participant, or the room
 * calls out totals per item (ballots without a participant). An item's result is the sum of
 * both. Vote commands take the vote record and return the patch writing its new version; a
 * closed vote takes no dots until it is reopened.
 *
 * The result sets priority by rank (`tally`: most dots first, ties share a rank):
 * - pain points: severity 5 for ranks in the top fifth of the candidates, 4 the next fifth, …,
 *   1 the last fifth (`severityForRank`);
 * - requirements: MoSCoW must for ranks in the top third, should the next third, could the last
 *   (`moscowForRank`); won't is never given by a vote.
 * Candidates without a single dot keep their priority: the vote says what the room finds most
 * important, not that the rest does not matter (lowering those is left to the facilitator).
 */

export const DEFAULT_DOTS_PER_PARTICIPANT = 3;

export interface NewVote {
  readonly title: string;
  readonly subject: VoteSubject;
  /** Pain point ids for `painPoints`, requirement ids for `requirements`; duplicates are dropped. */
  readonly itemIds: readonly VoteItemId[];
  /** 1–20; default 3. */
  readonly dotsPerParticipant?: number;
  readonly processId?: ProcessId | null;
  readonly sessionId?: InterviewSessionId | null;
}

/** Opens a vote on the candidates. No candidates, candidates of the other subject, or dots outside 1–20 write nothing. */
export function openVote(ctx: WorkshopContext, input: NewVote): { patch: MapPatch; id: VoteId } {
  const vote: Vote = {
    id: newId('vote'),
    workshopId: ctx.workshopId,
    processId: input.processId ?? null,
    title: normaliseName(input.title),
    subject: input.subject,
    dotsPerParticipant: input.dotsPerParticipant ?? DEFAULT_DOTS_PER_PARTICIPANT,
    status: 'open',
    itemIds: [...new Set(input.itemIds)],
    ballots: [],
    sessionId: input.sessionId ?? null,
    appliedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (vote.itemIds.length === 0) return { patch: EMPTY_PATCH, id: vote.id };
  return { patch: putNew('votes', vote), id: vote.id };
}

/** The vote's new version, if valid. */
function write(vote: Vote, changes: Partial<Vote>, now: Timestamp): MapPatch {
  return putNew('votes', { ...vote, ...changes, updatedAt: now });
}

const sameVoter = (ballot: Ballot, participantId: ParticipantId | null, itemId: VoteItemId) =>
  ballot.participantId === participantId && ballot.itemId === itemId;

function dotsOf(vote: Vote, participantId: ParticipantId | null, itemId: VoteItemId): number {
  return vote.ballots.find((ballot) => sameVoter(ballot, participantId, itemId))?.dots ?? 0;
}

/** The ballots with one (participant, item) set to `dots`: replaced in place, added last, or removed at zero. */
function withDots(vote: Vote, participantId: ParticipantId | null, itemId: VoteItemId, dots: number): Ballot[] {
  const index = vote.ballots.findIndex((ballot) => sameVoter(ballot, participantId, itemId));
  if (index === -1) return dots === 0 ? [...vote.ballots] : [...vote.ballots, { participantId, itemId, dots }];
  if (dots === 0) return vote.ballots.filter((_, at) => at !== index);
  return vote.ballots.map((ballot, at) => (at === index ? { ...ballot, dots } : ballot));
}

/** The dots a participant has placed, on all items. */
export function dotsUsed(vote: Vote, participantId: ParticipantId): number {
  return vote.ballots.reduce((sum, ballot) => (ballot.participantId === participantId ? sum + ballot.dots : sum), 0);
}

/** The dots a participant has still to place. */
export function dotsLeft(vote: Vote, participantId: ParticipantId): number {
  return Math.max(0, vote.dotsPerParticipant - dotsUsed(vote, participantId));
}

/**
 * Places (`+1`) or takes back (`-1`) one dot of a participant on an item — or, with no
 * participant, one dot of the room's total for it. Refused (nothing written) on a closed vote, an
 * item that is not a candidate, a participant without dots left, or fewer than zero dots.
 */
export function castDot(vote: Vote, participantId: ParticipantId | null, itemId: VoteItemId, delta: 1 | -1, now: Timestamp): MapPatch {
  if (vote.status !== 'open' || !vote.itemIds.includes(itemId) || (delta !== 1 && delta !== -1)) return EMPTY_PATCH;
  const dots = dotsOf(vote, participantId, itemId) + delta;
  if (dots < 0 || dots > MAX_BALLOT_DOTS) return EMPTY_PATCH;
  if (participantId !== null && delta > 0 && dotsUsed(vote, participantId) + delta > vote.dotsPerParticipant) return EMPTY_PATCH;
  return write(vote, { ballots: withDots(vote, participantId, itemId, dots) }, now);
}

/** Sets the total the room called out for an item (0 clears it). Refused on a closed vote, a non-candidate, or a total that is not a whole number 0–10,000. */
export function setRoomTotal(vote: Vote, itemId: VoteItemId, total: number, now: Timestamp): MapPatch {
  if (vote.status !== 'open' || !vote.itemIds.includes(itemId)) return EMPTY_PATCH;
  if (!Number.isInteger(total) || total < 0 || total > MAX_BALLOT_DOTS || total === dotsOf(vote, null, itemId)) return EMPTY_PATCH;
  return write(vote, { ballots: withDots(vote, null, itemId, total) }, now);
}

export function closeVote(vote: Vote, now: Timestamp): MapPatch {
  return vote.status === 'open' ? write(vote, { status: 'closed' }, now) : EMPTY_PATCH;
}

/** Reopens a closed vote: its ballots are kept and more can be cast. */
export function reopenVote(vote: Vote, now: Timestamp): MapPatch {
  return vote.status === 'closed' ? write(vote, { status: 'open' }, now) : EMPTY_PATCH;
}

export type VoteChanges = Partial<Pick<Vote, 'title' | 'sessionId' | 'processId'>>;

export function updateVote(vote: Vote, changes: VoteChanges, now: Timestamp): MapPatch {
  const given: VoteChanges = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (given.title !== undefined) given.title = normaliseName(given.title);
  const changed = Object.entries(given).some(([key, value]) => value !== vote[key as keyof VoteChanges]);
  return changed ? write(vote, given, now) : EMPTY_PATCH;
}

export function deleteVote(state: MapState, id: VoteId): MapPatch {
  return state.votes.has(id) ? patch({ remove: { votes: [id] } }) : EMPTY_PATCH;
}

export interface TallyRow {
  readonly itemId: VoteItemId;
  /** Every participant's dots on it plus the room's total. */
  readonly dots: number;
  /** 1 for the most dots; items with equal dots share the better rank (1, 2, 2, 4). */
  readonly rank: number;
}

/** Every candidate with its dots and rank, most dots first (ties in the order the candidates were put). */
export function tally(vote: Vote): TallyRow[] {
  const totals = new Map<VoteItemId, number>(vote.itemIds.map((itemId) => [itemId, 0]));
  for (const ballot of vote.ballots) {
    const current = totals.get(ballot.itemId);
    if (current !== undefined) totals.set(ballot.itemId, current + ballot.dots);
  }
  const rows = vote.itemIds.map((itemId) => ({ itemId, dots: totals.get(itemId) ?? 0 }));
  const sorted = [...rows].sort((a, b) => b.dots - a.dots);
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || sorted[index - 1]!.dots !== row.dots) rank = index + 1;
    return { ...row, rank };
  });
}

/** Which of `bands` equal slices of the `candidates` ranks a rank falls in: 0 for the top slice. */
export function rankBand(rank: number, candidates: number, bands: number): number {
  if (candidates <= 0) return bands - 1;
  return Math.min(bands - 1, Math.max(0, Math.floor(((rank - 1) * bands) / candidates)));
}

/** Severity by rank: 5 for the top fifth of the candidates, then 4, 3, 2, 1. */
export function severityForRank(rank: number, candidates: number): number {
  return 5 - rankBand(rank, candidates, 5);
}

const MOSCOW_BY_BAND: readonly Moscow[] = ['must', 'should', 'could'];

/** MoSCoW by rank: must for the top third of the candidates, should the next third, could the last. */
export function moscowForRank(rank: number, candidates: number): Moscow {
  return MOSCOW_BY_BAND[rankBand(rank, candidates, 3)] ?? 'could';
}

/** The candidates that received dots, with the rank the result gives them. */
function ranked(vote: Vote): TallyRow[] {
  return tally(vote).filter((row) => row.dots > 0);
}

/** Stamps the vote (as it is in the state) with the time its result was applied. */
export function markVoteApplied(state: MapState, voteId: VoteId, now: Timestamp): MapPatch {
  const vote = state.votes.get(voteId);
  return vote ? write(vote, { appliedAt: now }, now) : EMPTY_PATCH;
}

/**
 * Sets the severity of the voted pain points by their rank (`severityForRank`) and stamps the
 * vote applied — one patch, so one undo. Pain points without dots, or not in the state, are left
 * alone; a vote on requirements, or without dots, writes nothing.
 */
export function applyVoteToPainPoints(state: MapState, vote: Vote, now: Timestamp): MapPatch {
  if (vote.subject !== 'painPoints') return EMPTY_PATCH;
  const rows = ranked(vote);
  if (rows.length === 0) return EMPTY_PATCH;
  const changed: PainPoint[] = [];
  for (const row of rows) {
    const painPoint = state.painPoints.get(row.itemId as PainPoint['id']);
    const severity = severityForRank(row.rank, vote.itemIds.length);
    if (painPoint && painPoint.severity !== severity) changed.push({ ...painPoint, severity, updatedAt: now });
  }
  return combinePatches(patch({ put: { painPoints: changed } }), markVoteApplied(state, vote.id, now));
}

/**
 * The requirements whose MoSCoW priority the vote changes (`moscowForRank`), to be written by
 * the caller with the backlog's write; pass `markVoteApplied` to the map's write to stamp the
 * vote. Requirements without dots, merged ones and those already at that priority are not
 * returned; a vote on pain points returns none.
 */
export function applyVoteToRequirements(requirements: readonly Requirement[], vote: Vote, now: Timestamp): Requirement[] {
  if (vote.subject !== 'requirements') return [];
  const byId = new Map(requirements.map((requirement) => [requirement.id as string, requirement]));
  return ranked(vote).flatMap((row) => {
    const requirement = byId.get(row.itemId);
    return requirement ? editRequirement(requirement, { priority: moscowForRank(row.rank, vote.itemIds.length) }, now) : [];
  });
}
