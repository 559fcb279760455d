import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dutyConflicts, keyPersonSteps, type Actor } from '../../../shared/capture';
import type { Participant } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { useJumpTo } from './useRevealStep';

/** The map's key-person risks and segregation-of-duties conflicts, each a link to its step. */
export function RiskLists({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const jumpTo = useJumpTo();
  const keyPerson = useMemo(() => keyPersonSteps(model), [model]);
  const conflicts = useMemo(() => dutyConflicts(model, participants), [model, participants]);
  const actorName = (actor: Actor) =>
    actor.kind === 'role' ? actor.role : (participants.find((participant) => participant.id === actor.participantId)?.name ?? '?');
  const label = (stepId: string) => model.steps.get(stepId as never)?.label || t('editor.untitled');
  return (
    <>
      <section className="annotation-section" data-testid="key-person-list">
        <h3>
          {t('capture.keyPersonTitle')} <span className="count">{keyPerson.length}</span>
        </h3>
        {keyPerson.length === 0 ? <p className="secondary">{t('capture.keyPersonNone')}</p> : null}
        <ul className="link-list">
          {keyPerson.map((step) => (
            <li key={step.id}>
              <button type="button" className="link-button" onClick={() => jumpTo({ stepId: step.id })}>
                {step.label || t('editor.untitled')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="annotation-section" data-testid="duty-conflict-list">
        <h3>
          {t('capture.dutyTitle')} <span className="count">{conflicts.length}</span>
        </h3>
        {conflicts.length === 0 ? <p className="secondary">{t('capture.dutyNone')}</p> : null}
        <ul className="link-list">
          {conflicts.map((conflict) => (
            <li key={`${conflict.approvalStepId}-${conflict.preparedAtStepId}-${JSON.stringify(conflict.actor)}`}>
              <button type="button" className="link-button" onClick={() => jumpTo({ stepId: conflict.approvalStepId })}>
                {t('capture.dutyItem', { who: actorName(conflict.actor), prepared: label(conflict.preparedAtStepId), approval: label(conflict.approvalStepId) })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
