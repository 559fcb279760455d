import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addApprovalRule, addException, addPainPoint, addReportField } from '../../../shared/capture';
import type { AnnotationTarget, Participant, Step } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { captureContext } from '../editor/useEditContext';
import { isCommitEnter, isImeEnter } from '../ui/ime';
import { ApprovalRuleCard, ExceptionCard, PainPointCard, ReportFieldCard } from './AnnotationCards';
import { applyCapture, focusCanvas } from './captureActions';
import { useCaptureView } from './captureStore';

/**
 * A one-line field that adds an item on Enter. The Enter that confirms a Japanese conversion
 * does not submit; Escape gives the keyboard back to the canvas.
 */
export function QuickAdd({
  placeholder,
  onSubmit,
  autoFocus = false,
  testId,
  returnToCanvas = false,
}: {
  placeholder: string;
  onSubmit: (text: string) => void;
  autoFocus?: boolean;
  testId?: string;
  /** After adding, the canvas gets the keyboard back (quick capture while people talk). */
  returnToCanvas?: boolean;
}) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  const endQuick = useCaptureView((state) => state.endQuick);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isImeEnter(event)) return;
    if (event.key === 'Escape') {
      setText('');
      endQuick();
      focusCanvas();
    } else if (isCommitEnter(event) && text.trim()) {
      event.preventDefault();
      onSubmit(text.trim());
      setText('');
      endQuick();
      if (returnToCanvas) focusCanvas();
    }
  };
  return (
    <input
      ref={ref}
      className="quick-add"
      value={text}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => endQuick()}
      data-testid={testId}
    />
  );
}

/** Pain points on a step, connection, lane or the map, with the quick field the P key opens. */
export function PainPointSection({ target, participants }: { target: AnnotationTarget; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const painPoints = useEditor((state) => state.model.painPoints);
  const quick = useCaptureView((state) => state.quick);
  const speakerId = useCaptureView((state) => state.speakerId);
  const expand = useCaptureView((state) => state.expand);
  const onTarget = [...painPoints.values()].filter((painPoint) => sameTarget(painPoint.target, target));
  return (
    <section className="annotation-section" data-testid="pain-point-section">
      <h3>
        {t('capture.painPoints')} <span className="count">{onTarget.length}</span>
      </h3>
      <ul className="annotation-cards">
        {onTarget.map((painPoint) => (
          <PainPointCard key={painPoint.id} painPoint={painPoint} participants={participants} />
        ))}
      </ul>
      <QuickAdd
        placeholder={t('capture.quickPainPlaceholder')}
        autoFocus={quick === 'painPoint'}
        returnToCanvas={quick === 'painPoint'}
        testId="quick-pain-point"
        onSubmit={(title) => {
          const result = addPainPoint(captureContext(), target, { title, raisedBy: speakerId });
          applyCapture(result.patch);
          expand(result.id);
        }}
      />
    </section>
  );
}

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  switch (a.kind) {
    case 'step':
      return b.kind === 'step' && a.stepId === b.stepId;
    case 'connection':
      return b.kind === 'connection' && a.connectionId === b.connectionId;
    case 'lane':
      return b.kind === 'lane' && a.laneId === b.laneId;
    case 'map':
      return b.kind === 'map' && a.mapId === b.mapId;
  }
}

/** Everything noted on one step: pain points, exceptions, and approval rules or report fields where the step type has them. */
export function StepAnnotations({ step, participants }: { step: Step; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const quick = useCaptureView((state) => state.quick);
  const speakerId = useCaptureView((state) => state.speakerId);
  const expand = useCaptureView((state) => state.expand);
  const exceptions = [...model.exceptions.values()].filter((exception) => exception.stepId === step.id);
  const rules = [...model.approvalRules.values()].filter((rule) => rule.stepId === step.id);
  const fields = [...model.reportFields.values()].filter((field) => field.stepId === step.id);
  const showRules = step.type === 'approval' || rules.length > 0;
  const showFields = step.type === 'document' || step.type === 'spreadsheet' || fields.length > 0;
  return (
    <div className="inspector-section step-annotations" data-testid="step-annotations">
      <h2 className="step-annotations-title">{step.label || t('editor.untitled')}</h2>
      <PainPointSection target={{ kind: 'step', stepId: step.id }} participants={participants} />
      <section className="annotation-section" data-testid="exception-section">
        <h3>
          {t('capture.exceptions')} <span className="count">{exceptions.length}</span>
        </h3>
        <ul className="annotation-cards">
          {exceptions.map((exception) => (
            <ExceptionCard key={exception.id} exception={exception} participants={participants} />
          ))}
        </ul>
        <QuickAdd
          placeholder={t('capture.quickExceptionPlaceholder')}
          autoFocus={quick === 'exception'}
          returnToCanvas={quick === 'exception'}
          testId="quick-exception"
          onSubmit={(trigger) => {
            const result = addException(captureContext(), step.id, { trigger, raisedBy: speakerId });
            applyCapture(result.patch);
            expand(result.id);
          }}
        />
      </section>
      {showRules ? (
        <section className="annotation-section" data-testid="approval-rule-section">
          <h3>
            {t('capture.approvalRules')} <span className="count">{rules.length}</span>
          </h3>
          <ul className="annotation-cards">
            {rules.map((rule) => (
              <ApprovalRuleCard key={rule.id} rule={rule} />
            ))}
          </ul>
          <QuickAdd
            placeholder={t('capture.approverPlaceholder')}
            testId="quick-approval-rule"
            onSubmit={(role) => {
              const result = addApprovalRule(captureContext(), step.id, role);
              applyCapture(result.patch);
              expand(result.id);
            }}
          />
        </section>
      ) : null}
      {showFields ? (
        <section className="annotation-section" data-testid="report-field-section">
          <h3>
            {t('capture.reportFields')} <span className="count">{fields.length}</span>
          </h3>
          <ul className="annotation-cards">
            {fields.map((field) => (
              <ReportFieldCard key={field.id} field={field} />
            ))}
          </ul>
          <QuickAdd
            placeholder={t('capture.fieldNamePlaceholder')}
            testId="quick-report-field"
            onSubmit={(name) => {
              const result = addReportField(captureContext(), step.id, name);
              applyCapture(result.patch);
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
