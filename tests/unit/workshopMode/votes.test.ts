import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRequirement } from '../../../shared/backlog';
import { addPainPoint } from '../../../shared/capture';
import { applyPatch, EMPTY_PATCH, isEmptyPatch, type MapState } from '../../../shared/editor';
import {
  newId,
  recordSchemas,
  type PainPointId,
  type ParticipantId,
  type Requirement,
  type RequirementId,
  type Vote,
  type VoteId,
  type VoteItemId,
  type WorkshopId,
} from '../../../shared/model';
import {
  applyVoteToPainPoints,
  applyVoteToRequirements,
  castDot,
  closeVote,
  deleteVote,
  dotsLeft,
  dotsUsed,
  markVoteApplied,
  moscowForRank,
  openVote,
  rankBand,
  reopenVote,
  setRoomTotal,
  severityForRank,
  tally,
  updateVote,
} from '../../../shared/workshopMode';
import { applyChecked, later, now, participants, setup } from './kit';

const { tanaka, suzuki, sato } = participants;

/** The accounts-payable flow with five pain points on it, and a vote on them open. */
function withPainPointVote(dotsPerParticipant = 3) {
  const flow = setup();
  let state = flow.state;
  const painPointIds: PainPointId[] = [];
  for (const [index, title] of ['二重入力', '承認待ち', '属人化', '月末集中', '手順書なし'].entries()) {
    const { patch, id } = addPainPoint(flow.ctx, { kind: 'step', stepId: flow.steps.request.id }, { title, severity: index === 4 ? 1 : 3 });
    state = applyPatch(state, patch);
    painPointIds.push(id);
  }
  const opened = openVote(flow.ctx, { title: '優先して解決したい課題', subject: 'painPoints', itemIds: painPointIds, dotsPerParticipant, processId: flow.ctx.processId });
  state = applyChecked(state, opened.patch);
  return { ...flow, state, painPointIds, voteId: opened.id };
}

const voteOf = (state: MapState, id: VoteId): Vote => state.votes.get(id)!;

/** Casts dots in order, each on the vote as the previous one left it; every one must be accepted. */
function cast(state: MapState, voteId: VoteId, dots: readonly [ParticipantId | null, VoteItemId, 1 | -1][]): MapState {
  return dots.reduce((current, [participantId, itemId, delta]) => applyChecked(current, castDot(voteOf(current, voteId), participantId, itemId, delta, later)), state);
}

describe('opening a vote', () => {
  it('puts the candidates to the room with three dots each by default, valid and undoable', () => {
    const { ctx, state, painPointIds, voteId } = withPainPointVote();
    expect(voteOf(state, voteId)).toMatchObject({
      workshopId: ctx.workshopId,
      processId: ctx.processId,
      title: '優先して解決したい課題',
      subject: 'painPoints',
      dotsPerParticipant: 3,
      status: 'open',
      itemIds: painPointIds,
      ballots: [],
      sessionId: null,
      appliedAt: null,
    });
    expect(recordSchemas.votes.safeParse(voteOf(state, voteId)).success).toBe(true);
    const defaults = openVote(ctx, { title: 'x', subject: 'painPoints', itemIds: painPointIds });
    expect(defaults.patch.put.votes[0]?.dotsPerParticipant).toBe(3);
  });

  it('drops duplicate candidates and refuses none, candidates of the other subject, or dots outside 1–20', () => {
    const { ctx, painPointIds } = withPainPointVote();
    const [first, second] = painPointIds as [PainPointId, PainPointId];
    expect(openVote(ctx, { title: '', subject: 'painPoints', itemIds: [first, second, first] }).patch.put.votes[0]?.itemIds).toEqual([first, second]);
    expect(openVote(ctx, { title: '', subject: 'painPoints', itemIds: [] }).patch).toBe(EMPTY_PATCH);
    expect(openVote(ctx, { title: '', subject: 'requirements', itemIds: [first] }).patch).toBe(EMPTY_PATCH);
    for (const dots of [0, 21, 2.5]) expect(openVote(ctx, { title: '', subject: 'painPoints', itemIds: [first], dotsPerParticipant: dots }).patch).toBe(EMPTY_PATCH);
    expect(isEmptyPatch(openVote(ctx, { title: '', subject: 'painPoints', itemIds: [first], dotsPerParticipant: 20 }).patch)).toBe(false);
  });

  it('is renamed, tied to a session, and deleted', () => {
    const { state: start, voteId } = withPainPointVote();
    const sessionId = newId('interviewSession');
    const state = applyChecked(start, updateVote(voteOf(start, voteId), { title: ' 第2回 投票 ', sessionId }, later));
    expect(voteOf(state, voteId)).toMatchObject({ title: '第2回 投票', sessionId, updatedAt: later });
    expect(updateVote(voteOf(state, voteId), { title: '第2回 投票' }, later)).toBe(EMPTY_PATCH);
    expect(applyChecked(state, deleteVote(state, voteId)).votes.size).toBe(0);
    expect(deleteVote(state, newId('vote'))).toBe(EMPTY_PATCH);
  });
});

describe('casting dots', () => {
  it('places and takes back one dot at a time, within each participant\'s dots', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(3);
    const [a, b] = painPointIds as [PainPointId, PainPointId];
    let state = cast(start, voteId, [
      [tanaka.id, a, 1],
      [tanaka.id, a, 1],
      [tanaka.id, b, 1],
    ]);
    expect(dotsUsed(voteOf(state, voteId), tanaka.id)).toBe(3);
    expect(dotsLeft(voteOf(state, voteId), tanaka.id)).toBe(0);
    expect(castDot(voteOf(state, voteId), tanaka.id, b, 1, later)).toBe(EMPTY_PATCH);
    expect(dotsLeft(voteOf(state, voteId), suzuki.id)).toBe(3);
    state = cast(state, voteId, [[tanaka.id, a, -1]]);
    expect(voteOf(state, voteId).ballots).toEqual([
      { participantId: tanaka.id, itemId: a, dots: 1 },
      { participantId: tanaka.id, itemId: b, dots: 1 },
    ]);
    state = cast(state, voteId, [[tanaka.id, b, -1]]);
    expect(voteOf(state, voteId).ballots).toEqual([{ participantId: tanaka.id, itemId: a, dots: 1 }]);
    expect(castDot(voteOf(state, voteId), tanaka.id, b, -1, later)).toBe(EMPTY_PATCH);
  });

  it('refuses a dot on an item that is not a candidate, a step other than ±1, and any dot while closed', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote();
    const vote = voteOf(start, voteId);
    expect(castDot(vote, tanaka.id, newId('painPoint'), 1, later)).toBe(EMPTY_PATCH);
    expect(castDot(vote, tanaka.id, painPointIds[0]!, 2 as never, later)).toBe(EMPTY_PATCH);
    const closed = applyChecked(start, closeVote(vote, later));
    expect(voteOf(closed, voteId).status).toBe('closed');
    expect(castDot(voteOf(closed, voteId), tanaka.id, painPointIds[0]!, 1, later)).toBe(EMPTY_PATCH);
    expect(setRoomTotal(voteOf(closed, voteId), painPointIds[0]!, 4, later)).toBe(EMPTY_PATCH);
    expect(closeVote(voteOf(closed, voteId), later)).toBe(EMPTY_PATCH);
  });

  it('reopens a closed vote with its ballots, and takes more dots', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote();
    let state = cast(start, voteId, [[sato.id, painPointIds[2]!, 1]]);
    state = applyChecked(state, closeVote(voteOf(state, voteId), later));
    state = applyChecked(state, reopenVote(voteOf(state, voteId), later));
    expect(voteOf(state, voteId)).toMatchObject({ status: 'open', ballots: [{ participantId: sato.id, itemId: painPointIds[2], dots: 1 }] });
    expect(reopenVote(voteOf(state, voteId), later)).toBe(EMPTY_PATCH);
    state = cast(state, voteId, [[sato.id, painPointIds[2]!, 1]]);
    expect(tally(voteOf(state, voteId))[0]).toEqual({ itemId: painPointIds[2], dots: 2, rank: 1 });
  });

  it('takes totals called out in the room, set or counted one by one, beyond any participant\'s dots', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(3);
    const [a, b] = painPointIds as [PainPointId, PainPointId];
    let state = applyChecked(start, setRoomTotal(voteOf(start, voteId), a, 12, later));
    state = cast(state, voteId, [
      [null, b, 1],
      [null, b, 1],
      [null, b, 1],
      [null, b, 1],
    ]);
    expect(voteOf(state, voteId).ballots).toEqual([
      { participantId: null, itemId: a, dots: 12 },
      { participantId: null, itemId: b, dots: 4 },
    ]);
    state = applyChecked(state, setRoomTotal(voteOf(state, voteId), a, 0, later));
    expect(voteOf(state, voteId).ballots).toEqual([{ participantId: null, itemId: b, dots: 4 }]);
    for (const total of [-1, 2.5, 10_001, Number.NaN]) expect(setRoomTotal(voteOf(state, voteId), a, total, later)).toBe(EMPTY_PATCH);
    expect(setRoomTotal(voteOf(state, voteId), b, 4, later)).toBe(EMPTY_PATCH);
    expect(setRoomTotal(voteOf(state, voteId), newId('painPoint'), 1, later)).toBe(EMPTY_PATCH);
  });
});

describe('the tally', () => {
  it('adds every participant\'s dots and the room\'s totals per item, most first, ties sharing the better rank', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(3);
    const [a, b, c, d, e] = painPointIds as [PainPointId, PainPointId, PainPointId, PainPointId, PainPointId];
    let state = cast(start, voteId, [
      [tanaka.id, b, 1],
      [tanaka.id, b, 1],
      [tanaka.id, c, 1],
      [suzuki.id, c, 1],
      [suzuki.id, a, 1],
      [sato.id, b, 1],
    ]);
    state = applyChecked(state, setRoomTotal(voteOf(state, voteId), d, 1, later));
    expect(tally(voteOf(state, voteId))).toEqual([
      { itemId: b, dots: 3, rank: 1 },
      { itemId: c, dots: 2, rank: 2 },
      { itemId: a, dots: 1, rank: 3 },
      { itemId: d, dots: 1, rank: 3 },
      { itemId: e, dots: 0, rank: 5 },
    ]);
  });

  it('ranks every candidate first when nobody voted, in the order they were put', () => {
    const { state, voteId, painPointIds } = withPainPointVote();
    expect(tally(voteOf(state, voteId))).toEqual(painPointIds.map((itemId) => ({ itemId, dots: 0, rank: 1 })));
  });
});

describe('rank bands', () => {
  it.each([
    // rank, candidates → severity, MoSCoW
    [1, 5, 5, 'must'],
    [2, 5, 4, 'must'],
    [3, 5, 3, 'should'],
    [4, 5, 2, 'should'],
    [5, 5, 1, 'could'],
    [1, 1, 5, 'must'],
    [1, 3, 5, 'must'],
    [2, 3, 4, 'should'],
    [3, 3, 2, 'could'],
    [3, 10, 4, 'must'],
    [4, 10, 4, 'must'],
    [7, 10, 2, 'should'],
    [8, 10, 2, 'could'],
    [10, 10, 1, 'could'],
  ] as const)('rank %i of %i → severity %i, %s (the band of (rank − 1) / candidates)', (rank, candidates, severity, moscow) => {
    expect(severityForRank(rank, candidates)).toBe(severity);
    expect(moscowForRank(rank, candidates)).toBe(moscow);
  });

  it('never leave 0 … bands - 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: -5, max: 300 }), (candidates, bands, rank) => {
        const band = rankBand(rank, candidates, bands);
        return Number.isInteger(band) && band >= 0 && band < bands;
      }),
    );
  });
});

describe('applying a vote to pain points', () => {
  it('sets the severity of the voted ones by rank, leaves the rest, stamps the vote — one undoable patch', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(3);
    const [a, b, c, d, e] = painPointIds as [PainPointId, PainPointId, PainPointId, PainPointId, PainPointId];
    let state = cast(start, voteId, [
      [tanaka.id, a, 1],
      [tanaka.id, a, 1],
      [tanaka.id, b, 1],
      [suzuki.id, a, 1],
      [suzuki.id, c, 1],
      [suzuki.id, b, 1],
      [sato.id, d, 1],
    ]);
    state = applyChecked(state, closeVote(voteOf(state, voteId), later));
    // a 3 dots (rank 1), b 2 (2), c 1 and d 1 (3, 3), e none.
    const applied = '2026-11-24T11:00:00.000Z';
    const next = applyChecked(state, applyVoteToPainPoints(state, voteOf(state, voteId), applied));
    expect([a, b, c, d, e].map((id) => next.painPoints.get(id)?.severity)).toEqual([5, 4, 3, 3, 1]);
    expect(next.painPoints.get(a)?.updatedAt).toBe(applied);
    expect(next.painPoints.get(e)).toBe(state.painPoints.get(e));
    expect(voteOf(next, voteId).appliedAt).toBe(applied);
  });

  it('writes nothing for a vote without dots or on requirements', () => {
    const { state, voteId } = withPainPointVote();
    expect(applyVoteToPainPoints(state, voteOf(state, voteId), later)).toBe(EMPTY_PATCH);
    expect(applyVoteToPainPoints(state, { ...voteOf(state, voteId), subject: 'requirements' }, later)).toBe(EMPTY_PATCH);
  });

  it('skips pain points deleted since the vote', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote();
    const state = cast(start, voteId, [[tanaka.id, painPointIds[0]!, 1]]);
    const without = { ...state, painPoints: new Map([...state.painPoints].filter(([id]) => id !== painPointIds[0])) } as MapState;
    const change = applyVoteToPainPoints(without, voteOf(without, voteId), later);
    expect(change.put.painPoints).toEqual([]);
    expect(change.put.votes[0]?.appliedAt).toBe(later);
  });

  it('gives the tally and the priorities a room of three would see (three dots each)', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(3);
    const [a, b, c, d, e] = painPointIds as [PainPointId, PainPointId, PainPointId, PainPointId, PainPointId];
    let state = start;
    for (const participant of [tanaka, suzuki, sato]) state = cast(state, voteId, [[participant.id, a, 1], [participant.id, a, 1], [participant.id, c, 1]]);
    const vote = voteOf(state, voteId);
    expect(tally(vote).map(({ dots, rank }) => [dots, rank])).toEqual([[6, 1], [3, 2], [0, 3], [0, 3], [0, 3]]);
    const next = applyChecked(state, applyVoteToPainPoints(state, vote, later));
    expect([a, b, c, d, e].map((id) => next.painPoints.get(id)?.severity)).toEqual([5, 3, 4, 3, 1]);
  });
});

describe('applying a vote to requirements', () => {
  function backlog(count: number) {
    const workshopId = newId('workshop') as WorkshopId;
    const requirements: Requirement[] = [];
    for (let index = 0; index < count; index += 1) {
      requirements.push(
        addRequirement(requirements, workshopId, { title: `要件 ${index + 1}`, description: '', type: 'functional', priority: 'could', owner: 'it', acceptanceCriteria: [], sources: [] }, now),
      );
    }
    return { workshopId, requirements };
  }

  it('gives must to the top third by rank, should to the next, could to the rest; ties the same; unvoted ones keep theirs', () => {
    const { workshopId, requirements } = backlog(6);
    const ids = requirements.map((requirement) => requirement.id) as [RequirementId, RequirementId, RequirementId, RequirementId, RequirementId, RequirementId];
    const ctx = { workshopId, now };
    const { patch, id } = openVote(ctx, { title: 'MoSCoW', subject: 'requirements', itemIds: ids, dotsPerParticipant: 5 });
    let state = applyChecked(setup().state, patch);
    state = applyChecked(state, setRoomTotal(voteOf(state, id), ids[0], 5, later));
    state = applyChecked(state, setRoomTotal(voteOf(state, id), ids[1], 3, later));
    state = applyChecked(state, setRoomTotal(voteOf(state, id), ids[2], 3, later));
    state = applyChecked(state, setRoomTotal(voteOf(state, id), ids[3], 2, later));
    state = applyChecked(state, setRoomTotal(voteOf(state, id), ids[4], 1, later));
    // Ranks 1, 2, 2, 4, 5 and none: of six, ranks 1–2 must, 3–4 should, 5–6 could.
    const changed = applyVoteToRequirements([...requirements, { ...requirements[0]!, id: newId('requirement'), key: 'REQ-099', status: 'merged' }], voteOf(state, id), later);
    expect(changed.map((requirement) => [requirement.key, requirement.priority])).toEqual([
      ['REQ-001', 'must'],
      ['REQ-002', 'must'],
      ['REQ-003', 'must'],
      ['REQ-004', 'should'],
    ]);
    expect(changed.every((requirement) => requirement.updatedAt === later && requirementSchemaOk(requirement))).toBe(true);
    const stamped = applyChecked(state, markVoteApplied(state, id, later));
    expect(voteOf(stamped, id).appliedAt).toBe(later);
  });

  it('returns nothing for a vote on pain points, requirements not in the list, or merged ones', () => {
    const { workshopId, requirements } = backlog(2);
    const { patch, id } = openVote({ workshopId, now }, { title: '', subject: 'requirements', itemIds: requirements.map((requirement) => requirement.id) });
    let state = applyPatch(setup().state, patch);
    state = applyPatch(state, setRoomTotal(voteOf(state, id), requirements[0]!.id, 2, later));
    expect(applyVoteToRequirements([], voteOf(state, id), later)).toEqual([]);
    expect(applyVoteToRequirements([{ ...requirements[0]!, status: 'merged' }], voteOf(state, id), later)).toEqual([]);
    expect(applyVoteToRequirements(requirements, { ...voteOf(state, id), subject: 'painPoints' }, later)).toEqual([]);
    expect(markVoteApplied(state, newId('vote'), later)).toBe(EMPTY_PATCH);
  });
});

const requirementSchemaOk = (requirement: Requirement) => recordSchemas.requirements.safeParse(requirement).success;

describe('any sequence of dots (property)', () => {
  const voters = [tanaka.id, suzuki.id, sato.id, null] as const;

  it('keeps the tally equal to the ballots, every participant within their dots, and the vote valid', () => {
    const { state: start, voteId, painPointIds } = withPainPointVote(4);
    const move = fc.record({
      voter: fc.integer({ min: 0, max: voters.length - 1 }),
      item: fc.integer({ min: 0, max: painPointIds.length }),
      delta: fc.constantFrom(1 as const, -1 as const),
      close: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 80 }), (moves) => {
        let vote = voteOf(start, voteId);
        for (const { voter, item, delta, close } of moves) {
          // An item index past the candidates tries a pain point that is not one; close/reopen now and then.
          const itemId = painPointIds[item] ?? ('pain:notACandidate' as PainPointId);
          const change = close === 0 ? (vote.status === 'open' ? closeVote(vote, later) : reopenVote(vote, later)) : castDot(vote, voters[voter]!, itemId, delta, later);
          vote = change.put.votes[0] ?? vote;
        }
        const rows = tally(vote);
        const ballotDots = vote.ballots.reduce((sum, ballot) => sum + ballot.dots, 0);
        expect(rows.reduce((sum, row) => sum + row.dots, 0)).toBe(ballotDots);
        for (const participant of [tanaka, suzuki, sato]) expect(dotsUsed(vote, participant.id)).toBeLessThanOrEqual(4);
        expect(vote.ballots.every((ballot) => ballot.dots >= 1)).toBe(true);
        expect(recordSchemas.votes.safeParse(vote).success).toBe(true);
        rows.forEach((row, index) => {
          expect(row.rank).toBe(1 + rows.filter((other) => other.dots > row.dots).length);
          if (index > 0) expect(row.dots).toBeLessThanOrEqual(rows[index - 1]!.dots);
        });
      }),
      { numRuns: 300 },
    );
  });
});
