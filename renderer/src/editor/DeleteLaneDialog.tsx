import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteLane } from '../../../shared/editor';
import { sortLanes } from '../../../shared/editor/geometry';
import type { LaneId } from '../../../shared/model';
import { Modal } from '../ui/Modal';
import { useEditor } from './editorStore';

/** Deleting a lane with steps asks where they go: another lane, or away with the lane. Never silently. */
export function DeleteLaneDialog({ laneId, onClose }: { laneId: LaneId; onClose: () => void }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const apply = useEditor((state) => state.apply);
  const lane = model.lanes.get(laneId);
  const others = sortLanes(model.lanes.values()).filter((candidate) => candidate.id !== laneId);
  const stepCount = [...model.steps.values()].filter((step) => step.laneId === laneId).length;
  const [choice, setChoice] = useState<'move' | 'delete'>(others.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState<LaneId | undefined>(others[0]?.id);
  if (!lane) return null;

  const confirm = () => {
    if (stepCount > 0 && choice === 'move' && target) apply(deleteLane(model, laneId, { kind: 'moveSteps', toLaneId: target }));
    else apply(deleteLane(model, laneId, { kind: 'deleteSteps' }));
    onClose();
  };

  return (
    <Modal
      title={t('editor.deleteLaneTitle', { name: lane.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={confirm} disabled={stepCount > 0 && choice === 'move' && !target}>
            {t('editor.deleteLane')}
          </button>
        </>
      }
    >
      {stepCount === 0 ? (
        <p>{t('editor.deleteEmptyLane')}</p>
      ) : (
        <fieldset className="choice-group">
          <legend>{t('editor.deleteLaneSteps', { count: stepCount })}</legend>
          {others.length > 0 ? (
            <label className="choice">
              <input type="radio" name="lane-steps" checked={choice === 'move'} onChange={() => setChoice('move')} />
              <span>{t('editor.moveStepsTo')}</span>
              <select aria-label={t('editor.targetLane')} value={target} onChange={(event) => setTarget(event.target.value as LaneId)} disabled={choice !== 'move'}>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="choice">
            <input type="radio" name="lane-steps" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
            <span>{t('editor.deleteStepsToo', { count: stepCount })}</span>
          </label>
        </fieldset>
      )}
    </Modal>
  );
}
