import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutLanes, stepBox } from '../../../shared/editor/geometry';
import { stickyColorSchema, nowTimestamp, type Participant, type StepId, type StickyNote } from '../../../shared/model';
import {
  deleteStickyNote,
  STICKY_NOTE_SIZE,
  stickyNoteToException,
  stickyNoteToPainPoint,
  stickyNoteToQuestion,
  stickyNoteToStep,
  updateStickyNote,
} from '../../../shared/workshopMode';
import { ParticipantSelect } from '../capture/AnnotationCards';
import { applyCapture } from '../capture/captureActions';
import { useEditor } from '../editor/editorStore';
import { CommitText } from '../editor/fields';
import { useNotices } from '../ui/notices';
import { STICKY_COLORS } from './StickyNode';

/** Steps of the map, nearest to the note first: where its pain point or exception most likely belongs. */
function stepsByDistance(note: StickyNote): { id: StepId; label: string }[] {
  const { model } = useEditor.getState();
  const layout = layoutLanes(model.lanes.values(), model.steps.values());
  const centre = { x: note.position.x + STICKY_NOTE_SIZE.width / 2, y: note.position.y + STICKY_NOTE_SIZE.height / 2 };
  return [...model.steps.values()]
    .map((step) => {
      const box = stepBox(step, layout);
      return { id: step.id, label: step.label, distance: Math.hypot(box.x + box.width / 2 - centre.x, box.y + box.height / 2 - centre.y) };
    })
    .sort((a, b) => a.distance - b.distance);
}

/** A selected sticky note: its text, colour and author, and what it can become. */
export function StickyPanel({ note, participants }: { note: StickyNote; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const id = useId();
  const steps = useEditor((state) => state.model.steps);
  const notify = useNotices((state) => state.show);
  const nearby = useMemo(() => stepsByDistance(note), [note, steps]);
  const [stepId, setStepId] = useState<StepId | ''>(nearby[0]?.id ?? '');
  const model = () => useEditor.getState().model;
  const done = (what: string, converted: boolean) => {
    if (converted) notify(t('workshopMode.converted', { what }));
  };
  return (
    <div className="inspector-section" data-testid="sticky-panel">
      <h2>{t('workshopMode.stickyPanel')}</h2>
      <CommitText label={t('workshopMode.stickyText')} value={note.text} multiline onCommit={(text) => applyCapture(updateStickyNote(model(), note.id, { text: text.trim() }, nowTimestamp()))} />
      <fieldset className="field">
        <legend>{t('workshopMode.color')}</legend>
        <div className="swatches">
          {stickyColorSchema.options.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch${color === note.color ? ' is-current' : ''}`}
              style={{ background: STICKY_COLORS[color] }}
              aria-label={t(`workshopMode.colors.${color}`)}
              aria-pressed={color === note.color}
              onClick={() => applyCapture(updateStickyNote(model(), note.id, { color }, nowTimestamp()))}
            />
          ))}
        </div>
      </fieldset>
      <ParticipantSelect label={t('workshopMode.author')} value={note.authorId} participants={participants} onChange={(authorId) => applyCapture(updateStickyNote(model(), note.id, { authorId }, nowTimestamp()))} />
      <h3>{t('workshopMode.convertTo')}</h3>
      <div className="field">
        <label htmlFor={`${id}-step`}>{t('workshopMode.nearestStep')}</label>
        <select id={`${id}-step`} value={stepId} onChange={(event) => setStepId(event.target.value as StepId)}>
          {nearby.map((step) => (
            <option key={step.id} value={step.id}>
              {step.label || t('editor.untitled')}
            </option>
          ))}
        </select>
      </div>
      <div className="button-grid convert-buttons">
        <button
          type="button"
          onClick={() => {
            const result = stickyNoteToStep(model(), note.id, nowTimestamp());
            applyCapture(result.patch);
            if (result.stepId) useEditor.getState().select([result.stepId]);
            done(t('workshopMode.toStep'), result.stepId !== null);
          }}
        >
          {t('workshopMode.toStep')}
        </button>
        <button
          type="button"
          onClick={() => {
            const target = stepId ? ({ kind: 'step', stepId } as const) : ({ kind: 'map', mapId: note.mapId } as const);
            const result = stickyNoteToPainPoint(model(), note.id, target, nowTimestamp());
            applyCapture(result.patch);
            if (stepId && result.id) useEditor.getState().select([stepId]);
            done(t('capture.painPoints'), result.id !== null);
          }}
        >
          {t('workshopMode.toPainPoint')}
        </button>
        <button
          type="button"
          disabled={!stepId}
          onClick={() => {
            if (!stepId) return;
            const result = stickyNoteToException(model(), note.id, stepId, nowTimestamp());
            applyCapture(result.patch);
            if (result.id) useEditor.getState().select([stepId]);
            done(t('capture.exceptions'), result.id !== null);
          }}
        >
          {t('workshopMode.toException')}
        </button>
        <button
          type="button"
          onClick={() => {
            const result = stickyNoteToQuestion(model(), note.id, nowTimestamp());
            applyCapture(result.patch);
            done(t('workshopMode.questions'), result.id !== null);
          }}
        >
          {t('workshopMode.toQuestion')}
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="danger-text" onClick={() => applyCapture(deleteStickyNote(model(), note.id))}>
          {t('workshopMode.deleteSticky')}
        </button>
      </div>
    </div>
  );
}
