import { useCallback, useEffect, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { walkOrder } from '../../../shared/editor';
import type { StepId } from '../../../shared/model';
import { useCaptureView } from '../capture/captureStore';
import { useJumpTo } from '../capture/useRevealStep';
import { useEditor } from '../editor/editorStore';
import { usePresentation } from './presentationStore';

/**
 * While presenting: full screen when the platform allows it, and the guided walk — arrow keys
 * step through the flow in order, the current step centred and selected, what was said about
 * it shown large beside the canvas.
 */
export function usePresentationMode(root: RefObject<HTMLElement | null>): (key: string) => boolean {
  const presenting = usePresentation((state) => state.presenting);
  const jumpTo = useJumpTo();

  useEffect(() => {
    document.body.classList.toggle('presenting', presenting);
    const element = root.current;
    if (presenting && element && !document.fullscreenElement) void element.requestFullscreen?.().catch(() => undefined);
    if (!presenting && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    return () => document.body.classList.remove('presenting');
  }, [presenting, root]);

  useEffect(() => {
    // Esc leaves full screen in the browser itself; presentation mode follows it out.
    const onChange = () => {
      if (!document.fullscreenElement && usePresentation.getState().presenting) usePresentation.getState().stop();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  /** Handles a walk key; true when it was one. */
  return useCallback(
    (key: string) => {
      if (!usePresentation.getState().presenting) return false;
      const step = key === 'ArrowRight' || key === 'ArrowDown' || key === ' ' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0;
      if (step === 0) return false;
      const order = walkOrder(useEditor.getState().model);
      const current = usePresentation.getState().walkStepId;
      const at = current ? order.indexOf(current) : -1;
      const next = order[at < 0 ? 0 : Math.min(Math.max(at + step, 0), order.length - 1)];
      if (next) {
        usePresentation.getState().walkTo(next);
        useCaptureView.getState().setPanel('walk');
        jumpTo({ stepId: next });
      }
      return true;
    },
    [jumpTo],
  );
}

/** What the room confirms at the current step, in type readable from the back. */
export function WalkPanel() {
  const { t } = useTranslation();
  const walkStepId = usePresentation((state) => state.walkStepId);
  const model = useEditor((state) => state.model);
  const order = useMemo(() => walkOrder(model), [model]);
  const step = walkStepId ? model.steps.get(walkStepId) : undefined;
  const on = <R extends { stepId: StepId }>(records: Iterable<R>) => [...records].filter((record) => record.stepId === walkStepId);
  const painPoints = [...model.painPoints.values()].filter((painPoint) => painPoint.target.kind === 'step' && painPoint.target.stepId === walkStepId);
  return (
    <aside className="walk-panel" aria-live="polite" data-testid="walk-panel">
      {step ? (
        <>
          <p className="walk-position">{t('presentation.position', { current: order.indexOf(step.id) + 1, total: order.length })}</p>
          <h2 data-testid="walk-step">{step.label || t('editor.untitled')}</h2>
          <p className="walk-type">{t(`stepType.${step.type}`)}</p>
          <WalkList title={t('capture.painPoints')} items={painPoints.map((painPoint) => `${painPoint.title}（${t('capture.severityValue', { value: painPoint.severity })}）`)} />
          <WalkList title={t('capture.exceptions')} items={on(model.exceptions.values()).map((exception) => exception.trigger)} />
          <WalkList title={t('capture.approvalRules')} items={on(model.approvalRules.values()).map((rule) => rule.approverRole)} />
        </>
      ) : (
        <p className="walk-hint">{t('presentation.walkHint')}</p>
      )}
      <p className="walk-keys">{t('presentation.keys')}</p>
    </aside>
  );
}

function WalkList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3>
        {title} ({items.length})
      </h3>
      <ul>
        {items.map((item, index) => (
          <li key={`${index}-${item}`}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
