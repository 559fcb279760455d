import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  nowTimestamp,
  questionOwnerSideSchema,
  questionStatusSchema,
  type ParkingItem,
  type Participant,
  type Question,
} from '../../../shared/model';
import {
  addParkingItem,
  addQuestion,
  deleteParkingItem,
  deleteQuestion,
  isOverdue,
  parkingItemToPainPoint,
  parkingItemToQuestion,
  parkingItemToRequirement,
  reopenParkingItem,
  resolveParkingItem,
  sortQuestions,
  updateQuestion,
} from '../../../shared/workshopMode';
import { ParticipantSelect } from '../capture/AnnotationCards';
import { applyCapture } from '../capture/captureActions';
import { currentSessionId, useCaptureView } from '../capture/captureStore';
import { QuickAdd } from '../capture/StepAnnotations';
import { useEditor } from '../editor/editorStore';
import { todayIsoDate } from '../ui/format';
import { CommitText } from '../editor/fields';
import { captureContext } from '../editor/useEditContext';
import { writeRequirements } from '../db/backlogRepository';
import { useDatabase } from '../db/DatabaseContext';
import { validRows } from '../db/rowProblems';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';


/** 確認事項 and 保留事項: what the room could not answer, and what was off topic — listed for the whole workshop. */
export function RoomPanel({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const questions = useEditor((state) => state.model.questions);
  const parking = useEditor((state) => state.model.parkingItems);
  const quick = useCaptureView((state) => state.quick);
  const speakerId = useCaptureView((state) => state.speakerId);
  const sorted = useMemo(() => sortQuestions(questions.values()), [questions]);
  const parked = useMemo(() => [...parking.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [parking]);
  return (
    <div className="inspector-section room-panel" data-testid="room-panel">
      <h2>{t('workshopMode.questions')}</h2>
      <QuickAdd
        placeholder={t('workshopMode.addQuestion')}
        testId="quick-question"
        onSubmit={(text) => {
          const ctx = captureContext();
          applyCapture(addQuestion(ctx, { text, processId: ctx.processId, sessionId: currentSessionId() }).patch);
        }}
      />
      {sorted.length === 0 ? <p className="secondary">{t('workshopMode.noQuestions')}</p> : null}
      <ul className="annotation-cards">
        {sorted.map((question) => (
          <QuestionCard key={question.id} question={question} participants={participants} />
        ))}
      </ul>
      <h2>{t('workshopMode.parkingLot')}</h2>
      <QuickAdd
        placeholder={t('workshopMode.addParking')}
        autoFocus={quick === 'parking'}
        returnToCanvas={quick === 'parking'}
        testId="quick-parking"
        onSubmit={(text) => {
          const ctx = captureContext();
          applyCapture(addParkingItem(ctx, { text, processId: ctx.processId, raisedBy: speakerId }).patch);
        }}
      />
      {parked.length === 0 ? <p className="secondary">{t('workshopMode.noParking')}</p> : null}
      <ul className="annotation-cards">
        {parked.map((item) => (
          <ParkingCard key={item.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

function QuestionCard({ question, participants }: { question: Question; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const id = useId();
  const change = (changes: Parameters<typeof updateQuestion>[2]) => applyCapture(updateQuestion(useEditor.getState().model, question.id, changes, nowTimestamp()));
  const overdue = isOverdue(question, todayIsoDate());
  return (
    <li className={`annotation-card is-open question-${question.status}`} data-testid="question-card">
      <div className="annotation-fields">
        <CommitText label={t('workshopMode.questions')} value={question.text} multiline onCommit={(text) => text.trim() && change({ text: text.trim() })} />
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-side`}>{t('workshopMode.ownerSide')}</label>
            <select id={`${id}-side`} value={question.ownerSide} onChange={(event) => change({ ownerSide: questionOwnerSideSchema.parse(event.target.value) })}>
              {questionOwnerSideSchema.options.map((side) => (
                <option key={side} value={side}>
                  {t(`workshopMode.ownerSides.${side}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('workshopMode.questionStatus')}</label>
            <select id={`${id}-status`} value={question.status} onChange={(event) => change({ status: questionStatusSchema.parse(event.target.value) })}>
              {questionStatusSchema.options.map((status) => (
                <option key={status} value={status}>
                  {t(`workshopMode.questionStatuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <ParticipantSelect label={t('workshopMode.assignee')} value={question.assigneeId} participants={participants} onChange={(assigneeId) => change({ assigneeId })} />
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('workshopMode.dueDate')}</label>
            <input id={`${id}-due`} type="date" value={question.dueDate ?? ''} aria-invalid={overdue || undefined} onChange={(event) => change({ dueDate: event.target.value || null })} />
          </div>
        </div>
        <CommitText label={t('workshopMode.answer')} value={question.answer} multiline onCommit={(answer) => change({ answer })} />
        <div className="button-row">
          <button type="button" className="danger-text" onClick={() => applyCapture(deleteQuestion(useEditor.getState().model, question.id, nowTimestamp()))}>
            {t('capture.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}

function ParkingCard({ item }: { item: ParkingItem }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const notify = useNotices((state) => state.show);
  const model = () => useEditor.getState().model;
  /** Requirements live outside the editor: the new one is written first, then the item marked converted. */
  const toRequirement = async () => {
    const requirements = validRows('requirements', await db.requirements.where('workshopId').equals(item.workshopId).toArray());
    const result = parkingItemToRequirement(model(), requirements, item.id, nowTimestamp());
    if (!result.requirement) return;
    await writeRequirements(db, item.workshopId, [result.requirement]);
    applyCapture(result.patch);
    notify(t('workshopMode.converted', { what: result.requirement.key }));
  };
  const open = item.status === 'open';
  return (
    <li className={`annotation-card parking-${item.status}`} data-testid="parking-card">
      <div className="annotation-summary">
        <span className="annotation-title">{item.text}</span>
        <span className="annotation-meta">{t(`workshopMode.parkingStatuses.${item.status}`)}</span>
      </div>
      <div className="note-actions parking-actions">
        {open ? (
          <>
            <button type="button" onClick={() => applyCapture(resolveParkingItem(model(), item.id, nowTimestamp()))}>
              {t('workshopMode.resolve')}
            </button>
            <button type="button" onClick={() => applyCapture(parkingItemToQuestion(model(), item.id, nowTimestamp()).patch)}>
              {t('workshopMode.toQuestion')}
            </button>
            <button
              type="button"
              onClick={() => {
                const ctx = captureContext();
                applyCapture(parkingItemToPainPoint(model(), ctx, item.id, { kind: 'map', mapId: ctx.mapId }).patch);
              }}
            >
              {t('workshopMode.toPainPoint')}
            </button>
            <button type="button" onClick={() => void toRequirement().catch((error: unknown) => notify(errorText(error)))}>
              {t('workshopMode.toRequirement')}
            </button>
          </>
        ) : item.status === 'resolved' ? (
          <button type="button" onClick={() => applyCapture(reopenParkingItem(model(), item.id, nowTimestamp()))}>
            {t('workshopMode.parkingStatuses.open')}
          </button>
        ) : null}
        <button type="button" className="danger-text" aria-label={t('capture.delete')} onClick={() => applyCapture(deleteParkingItem(model(), item.id))}>
          ×
        </button>
      </div>
    </li>
  );
}
