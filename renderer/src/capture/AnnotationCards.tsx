import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePainPoint } from '../../../shared/capture';
import { patch } from '../../../shared/editor';
import {
  nowTimestamp,
  painCategorySchema,
  painStatusSchema,
  type ApprovalRule,
  type ExceptionCase,
  type PainPoint,
  type Participant,
  type ParticipantId,
  type ReportField,
} from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { CommitText, parseAmount } from '../editor/fields';
import { applyCapture, updateAnnotation } from './captureActions';
import { useCaptureView } from './captureStore';
import { severityColor } from './heatColors';

const numberText = (value: number | null) => (value === null ? '' : String(value));

export function ParticipantSelect({
  label,
  value,
  participants,
  onChange,
}: {
  label: string;
  value: ParticipantId | null;
  participants: readonly Participant[];
  onChange: (participantId: ParticipantId | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as ParticipantId))}>
        <option value="">{t('capture.nobody')}</option>
        {participants.map((participant) => (
          <option key={participant.id} value={participant.id}>
            {participant.name}
            {participant.role ? ` · ${participant.role}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A card that shows a one-line summary and opens into its fields; one card is open at a time. */
function Card({ id, summary, children, testId }: { id: string; summary: ReactNode; children: ReactNode; testId: string }) {
  const expandedId = useCaptureView((state) => state.expandedId);
  const expand = useCaptureView((state) => state.expand);
  const open = expandedId === id;
  return (
    <li className={`annotation-card${open ? ' is-open' : ''}`} data-testid={testId} data-annotation-id={id}>
      <button type="button" className="annotation-summary" aria-expanded={open} onClick={() => expand(open ? null : id)}>
        {summary}
      </button>
      {open ? <div className="annotation-fields">{children}</div> : null}
    </li>
  );
}

function SeverityPicker({ value, onChange }: { value: number; onChange: (severity: number) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field severity-picker">
      <legend>{t('capture.severity')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('capture.severity')}>
        {[1, 2, 3, 4, 5].map((severity) => (
          <button
            key={severity}
            type="button"
            role="radio"
            aria-checked={severity === value}
            aria-label={t('capture.severityValue', { value: severity })}
            className={severity === value ? 'is-current' : undefined}
            style={severity === value ? { background: severityColor(severity), color: severity >= 5 ? '#fff' : '#3b1d00' } : undefined}
            onClick={() => onChange(severity)}
          >
            {severity}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function SeverityChip({ severity }: { severity: number }) {
  const { t } = useTranslation();
  return (
    <span className="severity-chip" style={{ background: severityColor(severity), color: severity >= 5 ? '#fff' : '#3b1d00' }} title={t('capture.severityValue', { value: severity })}>
      {severity}
    </span>
  );
}

function DeleteButton({ onDelete }: { onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="button" className="danger-text" onClick={onDelete}>
        {t('capture.delete')}
      </button>
    </div>
  );
}

export function PainPointCard({ painPoint, participants }: { painPoint: PainPoint; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const id = useId();
  const change = (changes: Partial<PainPoint>) => updateAnnotation('painPoints', painPoint.id, changes);
  const raisedBy = participants.find((participant) => participant.id === painPoint.raisedBy);
  return (
    <Card
      id={painPoint.id}
      testId="pain-point-card"
      summary={
        <>
          <SeverityChip severity={painPoint.severity} />
          <span className="annotation-title">{painPoint.title || t('editor.untitled')}</span>
          <span className="annotation-meta">
            {t(`painCategory.${painPoint.category}`)} · {t(`painStatus.${painPoint.status}`)}
            {raisedBy ? ` · ${raisedBy.name}` : ''}
          </span>
        </>
      }
    >
      <CommitText label={t('capture.title')} value={painPoint.title} onCommit={(title) => change({ title: title.trim() })} testId="pain-title-field" />
      <CommitText label={t('capture.description')} value={painPoint.description} multiline onCommit={(description) => change({ description })} />
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('capture.category')}</label>
        <select id={`${id}-category`} value={painPoint.category} onChange={(event) => change({ category: painCategorySchema.parse(event.target.value) })}>
          {painCategorySchema.options.map((category) => (
            <option key={category} value={category}>
              {t(`painCategory.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <SeverityPicker value={painPoint.severity} onChange={(severity) => change({ severity })} />
      <CommitText label={t('capture.frequency')} placeholder={t('capture.frequencyPlaceholder')} value={painPoint.frequency} onCommit={(frequency) => change({ frequency })} />
      <div className="field-row">
        <CommitText
          label={t('capture.hoursLost')}
          type="number"
          value={numberText(painPoint.hoursLostPerMonth)}
          onCommit={(text) => change({ hoursLostPerMonth: parseAmount(text) })}
          testId="pain-hours-field"
        />
        <CommitText
          label={t('capture.peopleAffected')}
          type="number"
          value={numberText(painPoint.peopleAffected)}
          onCommit={(text) => {
            const people = parseAmount(text);
            change({ peopleAffected: people === null ? null : Math.round(people) });
          }}
        />
      </div>
      <ParticipantSelect label={t('capture.raisedBy')} value={painPoint.raisedBy} participants={participants} onChange={(raisedBy) => change({ raisedBy })} />
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('capture.status')}</label>
        <select id={`${id}-status`} value={painPoint.status} onChange={(event) => change({ status: painStatusSchema.parse(event.target.value) })}>
          {painStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {t(`painStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {painPoint.status === 'deferred' ? (
        <>
          <CommitText label={t('capture.deferReason')} value={painPoint.deferReason} multiline onCommit={(deferReason) => change({ deferReason })} />
          {painPoint.deferReason.trim() === '' ? <p className="field-error">{t('capture.deferReasonMissing')}</p> : null}
        </>
      ) : null}
      <DeleteButton onDelete={() => applyCapture(deletePainPoint(useEditor.getState().model, painPoint.id, nowTimestamp()))} />
    </Card>
  );
}

export function ExceptionCard({ exception, participants }: { exception: ExceptionCase; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const change = (changes: Partial<ExceptionCase>) => updateAnnotation('exceptions', exception.id, changes);
  return (
    <Card
      id={exception.id}
      testId="exception-card"
      summary={
        <>
          <span className="annotation-kind">⤳</span>
          <span className="annotation-title">{exception.trigger || t('editor.untitled')}</span>
          {exception.frequency ? <span className="annotation-meta">{exception.frequency}</span> : null}
        </>
      }
    >
      <CommitText label={t('capture.trigger')} value={exception.trigger} multiline onCommit={(trigger) => change({ trigger })} />
      <CommitText label={t('capture.currentHandling')} value={exception.currentHandling} multiline onCommit={(currentHandling) => change({ currentHandling })} />
      <ParticipantSelect label={t('capture.handledBy')} value={exception.handledBy} participants={participants} onChange={(handledBy) => change({ handledBy })} />
      <CommitText label={t('capture.frequency')} placeholder={t('capture.frequencyPlaceholder')} value={exception.frequency} onCommit={(frequency) => change({ frequency })} />
      <CommitText label={t('capture.desiredHandling')} value={exception.desiredHandling} multiline onCommit={(desiredHandling) => change({ desiredHandling })} />
      <ParticipantSelect label={t('capture.raisedBy')} value={exception.raisedBy} participants={participants} onChange={(raisedBy) => change({ raisedBy })} />
      <DeleteButton onDelete={() => applyCapture(patch({ remove: { exceptions: [exception.id] } }))} />
    </Card>
  );
}

function amountBand(rule: ApprovalRule): string {
  const format = (value: number) => value.toLocaleString('ja-JP');
  if (rule.minAmount === null && rule.maxAmount === null) return '';
  return `¥${rule.minAmount === null ? '0' : format(rule.minAmount)}〜${rule.maxAmount === null ? '' : `¥${format(rule.maxAmount)}`}`;
}

export function ApprovalRuleCard({ rule }: { rule: ApprovalRule }) {
  const { t } = useTranslation();
  const change = (changes: Partial<ApprovalRule>) => updateAnnotation('approvalRules', rule.id, changes);
  return (
    <Card
      id={rule.id}
      testId="approval-rule-card"
      summary={
        <>
          <span className="annotation-kind">✓</span>
          <span className="annotation-title">{rule.approverRole || t('editor.untitled')}</span>
          <span className="annotation-meta">{amountBand(rule)}</span>
        </>
      }
    >
      <CommitText label={t('capture.approverRole')} value={rule.approverRole} onCommit={(approverRole) => change({ approverRole: approverRole.trim() })} />
      <div className="field-row">
        <CommitText label={t('capture.minAmount')} value={numberText(rule.minAmount)} onCommit={(text) => change({ minAmount: parseAmount(text) })} />
        <CommitText label={t('capture.maxAmount')} value={numberText(rule.maxAmount)} onCommit={(text) => change({ maxAmount: parseAmount(text) })} />
      </div>
      <CommitText label={t('capture.deputy')} value={rule.deputy} onCommit={(deputy) => change({ deputy })} />
      <CommitText label={t('capture.evidenceRequired')} value={rule.evidenceRequired} multiline onCommit={(evidenceRequired) => change({ evidenceRequired })} />
      <DeleteButton onDelete={() => applyCapture(patch({ remove: { approvalRules: [rule.id] } }))} />
    </Card>
  );
}

export function ReportFieldCard({ field }: { field: ReportField }) {
  const { t } = useTranslation();
  const change = (changes: Partial<ReportField>) => updateAnnotation('reportFields', field.id, changes);
  return (
    <Card
      id={field.id}
      testId="report-field-card"
      summary={
        <>
          <span className="annotation-kind">▤</span>
          <span className="annotation-title">{field.name || t('editor.untitled')}</span>
          {field.requiredInNewSystem ? <span className="annotation-meta">{t('capture.requiredInNewSystem')}</span> : null}
        </>
      }
    >
      <CommitText label={t('capture.fieldName')} value={field.name} onCommit={(name) => change({ name: name.trim() })} />
      <CommitText label={t('capture.fieldSource')} value={field.source} onCommit={(source) => change({ source })} />
      <CommitText label={t('capture.fieldFormat')} value={field.format} onCommit={(format) => change({ format })} />
      <CommitText label={t('capture.fieldUsedBy')} value={field.usedBy} onCommit={(usedBy) => change({ usedBy })} />
      <label className="checkbox">
        <input type="checkbox" checked={field.requiredInNewSystem} onChange={(event) => change({ requiredInNewSystem: event.target.checked })} />
        <span>{t('capture.requiredInNewSystem')}</span>
      </label>
      <DeleteButton onDelete={() => applyCapture(patch({ remove: { reportFields: [field.id] } }))} />
    </Card>
  );
}
