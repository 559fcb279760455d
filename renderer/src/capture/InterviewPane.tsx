import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addInterviewNote,
  addInterviewSession,
  deleteInterviewSession,
  noteToException,
  noteToPainPoint,
} from '../../../shared/capture';
import { patch } from '../../../shared/editor';
import type { InterviewNote, InterviewNoteId, InterviewSession, InterviewSessionId, Participant, ParticipantId, StepId } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { todayIsoDate } from '../ui/format';
import { captureContext } from '../editor/useEditContext';
import { isCommitEnter, isImeEnter } from '../ui/ime';
import { applyCapture } from './captureActions';
import { useCaptureView } from './captureStore';
import { useJumpTo } from './useRevealStep';

const timeOf = (timestamp: string) => new Date(timestamp).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' });

/**
 * Notes typed during a conversation. Each note is stamped with the time, the speaker and the
 * step selected on the map at that moment; Alt+P / Alt+E turn it into a pain point or an
 * exception on that step without leaving the keyboard.
 */
export function InterviewPane({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const sessions = useEditor((state) => state.model.interviewSessions);
  const processId = useEditor((state) => state.processId);
  const sessionId = useCaptureView((state) => state.sessionId);
  const setSession = useCaptureView((state) => state.setSession);
  const [creating, setCreating] = useState(false);
  const sorted = useMemo(
    () => [...sessions.values()].sort((a, b) => Number(b.processId === processId) - Number(a.processId === processId) || b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    [sessions, processId],
  );
  const session = (sessionId ? sessions.get(sessionId) : undefined) ?? sorted[0];

  useEffect(() => {
    if (session && session.id !== sessionId) setSession(session.id);
  }, [session, sessionId, setSession]);

  return (
    <div className="inspector-section interview-pane" data-testid="interview-pane">
      <h2>{t('capture.interview.title')}</h2>
      {sorted.length > 0 && !creating ? (
        <div className="field-row session-picker">
          <div className="field">
            <label htmlFor="interview-session">{t('capture.interview.session')}</label>
            <select id="interview-session" value={session?.id ?? ''} onChange={(event) => setSession(event.target.value as InterviewSessionId)}>
              {sorted.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.date} {candidate.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => setCreating(true)}>
            {t('capture.interview.newSession')}
          </button>
        </div>
      ) : null}
      {sorted.length === 0 && !creating ? (
        <>
          <p className="secondary">{t('capture.interview.noSession')}</p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('capture.interview.newSession')}
          </button>
        </>
      ) : null}
      {creating ? (
        <NewSessionForm
          participants={participants}
          onDone={(created) => {
            setCreating(false);
            if (created) setSession(created);
          }}
        />
      ) : null}
      {session && !creating ? <SessionNotes key={session.id} session={session} participants={participants} /> : null}
    </div>
  );
}

function NewSessionForm({ participants, onDone }: { participants: readonly Participant[]; onDone: (created: InterviewSessionId | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(todayIsoDate);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<ParticipantId>>(new Set());
  const create = () => {
    const result = addInterviewSession(captureContext(), {
      title: title.trim() || t('capture.interview.sessionTitleDefault', { date }),
      date,
      participantIds: participants.filter((participant) => chosen.has(participant.id)).map((participant) => participant.id),
    });
    applyCapture(result.patch);
    onDone(result.id);
  };
  return (
    <form
      className="new-session"
      onSubmit={(event) => {
        event.preventDefault();
        create();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('capture.interview.sessionTitle')}</label>
        <input
          id={`${id}-title`}
          value={title}
          placeholder={t('capture.interview.sessionTitleDefault', { date })}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => isImeEnter(event) && event.preventDefault()}
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('capture.interview.sessionDate')}</label>
        <input id={`${id}-date`} type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('capture.interview.sessionParticipants')}</legend>
        {participants.length === 0 ? <p className="secondary">{t('editor.noParticipants')}</p> : null}
        {participants.map((participant) => (
          <label key={participant.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(participant.id)}
              onChange={() => {
                const next = new Set(chosen);
                if (next.has(participant.id)) next.delete(participant.id);
                else next.add(participant.id);
                setChosen(next);
              }}
            />
            <span>{participant.name}</span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('capture.interview.createSession')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('capture.interview.cancel')}
        </button>
      </div>
    </form>
  );
}

function SessionNotes({ session, participants }: { session: InterviewSession; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const allNotes = useEditor((state) => state.model.interviewNotes);
  const painPoints = useEditor((state) => state.model.painPoints);
  const exceptions = useEditor((state) => state.model.exceptions);
  const steps = useEditor((state) => state.model.steps);
  const selection = useEditor((state) => state.selection);
  const speakerId = useCaptureView((state) => state.speakerId);
  const setSpeaker = useCaptureView((state) => state.setSpeaker);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const jumpTo = useJumpTo();

  const speakers = participants.filter((participant) => session.participantIds.includes(participant.id));
  const selectedStep = [...selection].map((id) => steps.get(id as StepId)).find((step) => step !== undefined);
  const notes = useMemo(
    () => [...allNotes.values()].filter((note) => note.sessionId === session.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    [allNotes, session.id],
  );
  const converted = useMemo(() => {
    const kinds = new Map<string, ('pain' | 'exception')[]>();
    const mark = (noteId: string | null, kind: 'pain' | 'exception') => noteId && kinds.set(noteId, [...(kinds.get(noteId) ?? []), kind]);
    for (const painPoint of painPoints.values()) mark(painPoint.sourceNoteId, 'pain');
    for (const exception of exceptions.values()) mark(exception.sourceNoteId, 'exception');
    return kinds;
  }, [painPoints, exceptions]);

  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [notes.length]);

  const addNote = (): InterviewNoteId | null => {
    if (!text.trim()) return null;
    const result = addInterviewNote(captureContext(), { sessionId: session.id, text, stepId: selectedStep?.id ?? null, speakerId });
    applyCapture(result.patch);
    setText('');
    return result.id;
  };

  const convert = (noteId: InterviewNoteId | undefined, kind: 'pain' | 'exception') => {
    if (!noteId) return;
    const { model } = useEditor.getState();
    if (kind === 'pain') {
      const result = noteToPainPoint(model, captureContext(), noteId);
      applyCapture(result.patch);
      const title = result.id ? useEditor.getState().model.painPoints.get(result.id)?.title : undefined;
      if (title !== undefined) setNotice(t('capture.interview.created', { title }));
    } else {
      const result = noteToException(model, captureContext(), noteId);
      if (!result.id) {
        setNotice(t('capture.interview.needsStep'));
        return;
      }
      applyCapture(result.patch);
      setNotice(t('capture.interview.createdException'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isImeEnter(event)) return;
    if (event.altKey && (event.code === 'KeyP' || event.code === 'KeyE')) {
      event.preventDefault();
      // The note being typed, or else the last one taken.
      const noteId = addNote() ?? notes[notes.length - 1]?.id;
      convert(noteId, event.code === 'KeyP' ? 'pain' : 'exception');
    } else if (event.altKey && /^Digit[1-9]$/.test(event.code)) {
      event.preventDefault();
      const speaker = speakers[Number(event.code.slice(5)) - 1];
      if (speaker) setSpeaker(speaker.id === speakerId ? null : speaker.id);
    } else if (isCommitEnter(event)) {
      event.preventDefault();
      addNote();
    }
  };

  const nameOf = (participantId: ParticipantId | null) => participants.find((participant) => participant.id === participantId)?.name;

  return (
    <>
      <div className="speaker-picker" role="group" aria-label={t('capture.interview.speaker')}>
        <span className="secondary">{t('capture.interview.speaker')}:</span>
        {speakers.map((speaker, index) => (
          <button
            key={speaker.id}
            type="button"
            className={`chip${speaker.id === speakerId ? ' is-current' : ''}`}
            aria-pressed={speaker.id === speakerId}
            onClick={() => setSpeaker(speaker.id === speakerId ? null : speaker.id)}
            title={`Alt+${index + 1}`}
          >
            {speaker.name}
          </button>
        ))}
        <span className="secondary hint">{t('capture.interview.speakerHint')}</span>
      </div>
      <p className="note-target" data-testid="note-target">
        {selectedStep ? t('capture.interview.target', { where: selectedStep.label || t('editor.untitled') }) : t('capture.interview.noTarget')}
      </p>
      <textarea
        className="note-input"
        rows={3}
        value={text}
        placeholder={t('capture.interview.notePlaceholder')}
        aria-label={t('capture.interview.notePlaceholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="note-input"
      />
      <p className="secondary hint">{t('capture.interview.noteHelp')}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h3>
        {t('capture.interview.notes')} <span className="count">{notes.length}</span>
      </h3>
      {notes.length === 0 ? <p className="secondary">{t('capture.interview.noNotes')}</p> : null}
      <ol className="notes" ref={listRef}>
        {notes.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            speaker={nameOf(note.speakerId)}
            stepLabel={note.stepId ? (steps.get(note.stepId)?.label ?? null) : null}
            converted={converted.get(note.id) ?? []}
            onJump={() => jumpTo({ stepId: note.stepId })}
            onConvert={(kind) => convert(note.id, kind)}
          />
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="danger-text" onClick={() => applyCapture(deleteInterviewSession(useEditor.getState().model, session.id))}>
          {t('capture.interview.deleteSession')}
        </button>
      </div>
    </>
  );
}

function NoteItem({
  note,
  speaker,
  stepLabel,
  converted,
  onJump,
  onConvert,
}: {
  note: InterviewNote;
  speaker: string | undefined;
  stepLabel: string | null;
  converted: readonly ('pain' | 'exception')[];
  onJump: () => void;
  onConvert: (kind: 'pain' | 'exception') => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="note" data-testid="interview-note">
      <div className="note-meta">
        <time dateTime={note.createdAt}>{timeOf(note.createdAt)}</time>
        {speaker ? <span className="note-speaker">{speaker}</span> : null}
        {stepLabel !== null ? (
          <button type="button" className="link-button" onClick={onJump}>
            @{stepLabel || t('editor.untitled')}
          </button>
        ) : null}
        {converted.includes('pain') ? <span className="tag">{t('capture.interview.convertedPain')}</span> : null}
        {converted.includes('exception') ? <span className="tag">{t('capture.interview.convertedException')}</span> : null}
      </div>
      <p className="note-text">{note.text}</p>
      <div className="note-actions">
        <button type="button" onClick={() => onConvert('pain')}>
          {t('capture.interview.toPainPoint')}
        </button>
        <button type="button" disabled={note.stepId === null} onClick={() => onConvert('exception')}>
          {t('capture.interview.toException')}
        </button>
        <button type="button" className="danger-text" aria-label={t('capture.interview.deleteNote')} onClick={() => applyCapture(patch({ remove: { interviewNotes: [note.id] } }))}>
          ×
        </button>
      </div>
    </li>
  );
}
