import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { sortBacklog } from '../../../shared/backlog';
import { nowTimestamp, voteSubjectSchema, type Participant, type ParticipantId, type Requirement, type Vote, type VoteItemId, type VoteSubject, type WorkshopId } from '../../../shared/model';
import { writeRequirements } from '../db/backlogRepository';
import { useDatabase } from '../db/DatabaseContext';
import { validRows } from '../db/rowProblems';
import { errorText } from '../ui/errors';
import { applyVoteToPainPoints, applyVoteToRequirements, castDot, closeVote, dotsLeft, markVoteApplied, openVote, reopenVote, setRoomTotal, tally } from '../../../shared/workshopMode';
import { SeverityChip } from '../capture/AnnotationCards';
import { applyCapture } from '../capture/captureActions';
import { currentSessionId } from '../capture/captureStore';
import { useEditor } from '../editor/editorStore';
import { captureContext } from '../editor/useEditContext';
import { useNotices } from '../ui/notices';

const ROOM = 'room';

/**
 * Dot voting on the process's pain points: each participant spends their dots (or the room's
 * totals are typed in as called out), the tally ranks them, and the result sets their severity.
 * Votes are kept and can be reopened.
 */
/** The workshop's requirements still open to prioritising (not merged or rejected), in backlog order. */
function useVotableRequirements(workshopId: WorkshopId | null): readonly Requirement[] {
  const db = useDatabase();
  return (
    useLiveQuery(
      async () =>
        workshopId
          ? sortBacklog(validRows('requirements', await db.requirements.where('workshopId').equals(workshopId).toArray())).filter(
              (requirement) => requirement.status !== 'merged' && requirement.status !== 'rejected',
            )
          : [],
      [db, workshopId],
    ) ?? []
  );
}

export function VotePanel({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const workshopId = useEditor((state) => state.workshopId);
  const requirements = useVotableRequirements(workshopId);
  const votes = useEditor((state) => state.model.votes);
  const processId = useEditor((state) => state.processId);
  const ofProcess = useMemo(() => [...votes.values()].filter((vote) => vote.processId === processId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [votes, processId]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const vote = ofProcess.find((candidate) => candidate.id === chosenId) ?? ofProcess[0];
  return (
    <div className="inspector-section vote-panel" data-testid="vote-panel">
      <h2>{t('workshopMode.vote')}</h2>
      <NewVote requirements={requirements} onOpened={setChosenId} />
      {ofProcess.length > 1 ? (
        <div className="field">
          <label htmlFor="past-votes">{t('workshopMode.pastVotes')}</label>
          <select id="past-votes" value={vote?.id ?? ''} onChange={(event) => setChosenId(event.target.value)}>
            {ofProcess.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {vote ? <Ballot key={vote.id} vote={vote} participants={participants} requirements={requirements} /> : <p className="secondary">{t('workshopMode.noVotes')}</p>}
    </div>
  );
}

function NewVote({ requirements, onOpened }: { requirements: readonly Requirement[]; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const painPoints = useEditor((state) => state.model.painPoints);
  const processId = useEditor((state) => state.processId);
  const [dots, setDots] = useState(3);
  const [subject, setSubject] = useState<VoteSubject>('painPoints');
  const candidates =
    subject === 'painPoints'
      ? [...painPoints.values()].filter((painPoint) => painPoint.processId === processId && painPoint.status !== 'deferred').map((painPoint) => painPoint.id)
      : requirements.map((requirement) => requirement.id);
  return (
    <div className="field-row new-vote">
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('workshopMode.voteSubject')}</label>
        <select id={`${id}-subject`} value={subject} onChange={(event) => setSubject(voteSubjectSchema.parse(event.target.value))}>
          {voteSubjectSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`workshopMode.voteSubjects.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-dots`}>{t('workshopMode.dotsPerParticipant')}</label>
        <input id={`${id}-dots`} type="number" min={1} max={20} value={dots} onChange={(event) => setDots(Math.min(20, Math.max(1, Math.round(Number(event.target.value) || 1))))} />
      </div>
      <button
        type="button"
        className="primary"
        disabled={candidates.length === 0}
        onClick={() => {
          const ctx = captureContext();
          const title = subject === 'painPoints' ? t('workshopMode.voteTitleDefault') : t('workshopMode.voteTitleRequirements');
          const result = openVote(ctx, { title, subject, itemIds: candidates, dotsPerParticipant: dots, processId: ctx.processId, sessionId: currentSessionId() });
          applyCapture(result.patch);
          onOpened(result.id);
        }}
      >
        {t('workshopMode.newVote')}
      </button>
    </div>
  );
}

function Ballot({ vote, participants, requirements }: { vote: Vote; participants: readonly Participant[]; requirements: readonly Requirement[] }) {
  const { t } = useTranslation();
  const id = useId();
  const db = useDatabase();
  const painPoints = useEditor((state) => state.model.painPoints);
  const notify = useNotices((state) => state.show);
  const [voter, setVoter] = useState<ParticipantId | typeof ROOM>(participants[0]?.id ?? ROOM);
  const rows = tally(vote);
  const open = vote.status === 'open';
  const titleOf = (itemId: VoteItemId) => {
    const requirement = requirements.find((candidate) => candidate.id === itemId);
    return requirement ? `${requirement.key} ${requirement.title}` : (painPoints.get(itemId as never)?.title ?? '');
  };
  const apply = async () => {
    if (vote.subject === 'painPoints') applyCapture(applyVoteToPainPoints(useEditor.getState().model, vote, now()));
    else {
      // Requirements live outside the editor: written first, then the vote stamped applied.
      await writeRequirements(db, vote.workshopId, applyVoteToRequirements(requirements, vote, now()));
      applyCapture(markVoteApplied(useEditor.getState().model, vote.id, now()));
    }
    notify(t('workshopMode.applied'));
  };
  const dotsOf = (itemId: VoteItemId) =>
    vote.ballots.filter((ballot) => ballot.itemId === itemId && (voter === ROOM ? ballot.participantId === null : ballot.participantId === voter)).reduce((sum, ballot) => sum + ballot.dots, 0);
  const now = nowTimestamp;
  return (
    <section data-testid="ballot">
      <h3>{vote.title}</h3>
      {open ? (
        <div className="field">
          <label htmlFor={`${id}-voter`}>{t('workshopMode.voter')}</label>
          <select id={`${id}-voter`} value={voter} onChange={(event) => setVoter(event.target.value as ParticipantId | typeof ROOM)}>
            {participants.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.name}
              </option>
            ))}
            <option value={ROOM}>{t('workshopMode.roomTotals')}</option>
          </select>
          {voter !== ROOM ? <p className="secondary" aria-live="polite">{t('workshopMode.dotsLeft', { count: dotsLeft(vote, voter) })}</p> : null}
        </div>
      ) : null}
      <ol className="tally" data-testid="tally">
        {rows.map((row) => {
          const title = titleOf(row.itemId) || t('editor.untitled');
          const painPoint = painPoints.get(row.itemId as never);
          return (
            <li key={row.itemId} className="tally-row" data-testid="tally-row" data-dots={row.dots}>
              <span className="tally-rank">{t('workshopMode.rank', { rank: row.rank })}</span>
              {painPoint ? <SeverityChip severity={painPoint.severity} /> : null}
              {vote.subject === 'requirements' ? <span className="annotation-kind-label">{t(`moscow.${requirements.find((candidate) => candidate.id === row.itemId)?.priority ?? 'could'}`)}</span> : null}
              <span className="annotation-title">{title}</span>
              <span className="tally-dots" aria-label={t('workshopMode.dots', { count: row.dots })}>
                {'●'.repeat(Math.min(row.dots, 20))} {row.dots}
              </span>
              {open && voter !== ROOM ? (
                <span className="dot-buttons">
                  <button type="button" aria-label={t('workshopMode.removeDot', { item: title })} disabled={dotsOf(row.itemId) === 0} onClick={() => applyCapture(castDot(vote, voter, row.itemId, -1, now()))}>
                    −
                  </button>
                  <button type="button" aria-label={t('workshopMode.addDot', { item: title })} disabled={dotsLeft(vote, voter) === 0} onClick={() => applyCapture(castDot(vote, voter, row.itemId, 1, now()))}>
                    ＋
                  </button>
                </span>
              ) : null}
              {open && voter === ROOM ? (
                <input
                  type="number"
                  min={0}
                  className="room-total"
                  aria-label={`${title} ${t('workshopMode.roomTotals')}`}
                  value={dotsOf(row.itemId)}
                  onChange={(event) => applyCapture(setRoomTotal(vote, row.itemId, Math.max(0, Math.round(Number(event.target.value) || 0)), now()))}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        {open ? (
          <button type="button" onClick={() => applyCapture(closeVote(vote, now()))}>
            {t('workshopMode.closeVote')}
          </button>
        ) : (
          <button type="button" onClick={() => applyCapture(reopenVote(vote, now()))}>
            {t('workshopMode.reopenVote')}
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => void apply().catch((error: unknown) => notify(errorText(error)))}
        >
          {t('workshopMode.applyVote')}
        </button>
      </div>
    </section>
  );
}
