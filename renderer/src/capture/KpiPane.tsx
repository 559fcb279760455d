import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addKpi } from '../../../shared/capture';
import { patch } from '../../../shared/editor';
import type { Kpi, PainPointId } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { CommitText, parseAmount } from '../editor/fields';
import { captureContext } from '../editor/useEditContext';
import { isCommitEnter, isImeEnter } from '../ui/ime';
import { applyCapture, updateAnnotation } from './captureActions';

const SUGGESTIONS = ['closeDays', 'manualHours', 'errors', 'invoices', 'leadTime'] as const;

/** The process's KPIs: what should improve, from what to what, and which pain points it measures. */
export function KpiPane() {
  const { t } = useTranslation();
  const kpis = useEditor((state) => state.model.kpis);
  const processId = useEditor((state) => state.processId);
  const ofProcess = useMemo(() => [...kpis.values()].filter((kpi) => kpi.processId === processId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [kpis, processId]);
  return (
    <div className="inspector-section kpi-pane" data-testid="kpi-pane">
      <h2>{t('capture.kpi.title')}</h2>
      {ofProcess.length === 0 ? <p className="secondary">{t('capture.kpi.none')}</p> : null}
      <ul className="annotation-cards">
        {ofProcess.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} />
        ))}
      </ul>
      <NewKpi />
    </div>
  );
}

function NewKpi() {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const suggestionFor = (typed: string) => SUGGESTIONS.find((key) => t(`capture.kpi.suggestions.${key}`) === typed.trim());
  const add = () => {
    if (!name.trim()) return;
    applyCapture(addKpi(captureContext(), name, unit).patch);
    setName('');
    setUnit('');
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (isImeEnter(event)) return;
    if (isCommitEnter(event)) {
      event.preventDefault();
      add();
    }
  };
  return (
    <div className="new-kpi">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('capture.kpi.name')}</label>
          <input
            id={`${id}-name`}
            list={`${id}-suggestions`}
            value={name}
            placeholder={t('capture.kpi.namePlaceholder')}
            onChange={(event) => {
              setName(event.target.value);
              const suggestion = suggestionFor(event.target.value);
              if (suggestion && unit === '') setUnit(t(`capture.kpi.suggestionUnits.${suggestion}`));
            }}
            onKeyDown={onKeyDown}
            data-testid="kpi-name"
          />
          <datalist id={`${id}-suggestions`}>
            {SUGGESTIONS.map((key) => (
              <option key={key} value={t(`capture.kpi.suggestions.${key}`)} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('capture.kpi.unit')}</label>
          <input id={`${id}-unit`} value={unit} placeholder={t('capture.kpi.unitPlaceholder')} onChange={(event) => setUnit(event.target.value)} onKeyDown={onKeyDown} />
        </div>
      </div>
      <button type="button" onClick={add} disabled={!name.trim()}>
        {t('capture.kpi.add')}
      </button>
    </div>
  );
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation();
  const painPoints = useEditor((state) => state.model.painPoints);
  const change = (changes: Partial<Kpi>) => updateAnnotation('kpis', kpi.id, changes);
  const ofProcess = [...painPoints.values()].filter((painPoint) => painPoint.processId === kpi.processId);
  const toggle = (painPointId: PainPointId) =>
    change({ painPointIds: kpi.painPointIds.includes(painPointId) ? kpi.painPointIds.filter((id) => id !== painPointId) : [...kpi.painPointIds, painPointId] });
  const number = (value: number | null) => (value === null ? '' : String(value));
  return (
    <li className="annotation-card is-open" data-testid="kpi-card">
      <div className="annotation-fields">
        <div className="field-row">
          <CommitText label={t('capture.kpi.name')} value={kpi.name} onCommit={(name) => name.trim() && change({ name: name.trim() })} />
          <CommitText label={t('capture.kpi.unit')} value={kpi.unit} onCommit={(unit) => change({ unit: unit.trim() })} />
        </div>
        <div className="field-row">
          <CommitText label={t('capture.kpi.baseline')} value={number(kpi.baseline)} onCommit={(text) => change({ baseline: parseAmount(text) })} />
          <CommitText label={t('capture.kpi.target')} value={number(kpi.target)} onCommit={(text) => change({ target: parseAmount(text) })} />
        </div>
        <fieldset className="field">
          <legend>{t('capture.kpi.relatedPainPoints')}</legend>
          {ofProcess.length === 0 ? <p className="secondary">{t('capture.kpi.noPainPoints')}</p> : null}
          {ofProcess.map((painPoint) => (
            <label key={painPoint.id} className="checkbox">
              <input type="checkbox" checked={kpi.painPointIds.includes(painPoint.id)} onChange={() => toggle(painPoint.id)} />
              <span>{painPoint.title || t('editor.untitled')}</span>
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="button" className="danger-text" onClick={() => applyCapture(patch({ remove: { kpis: [kpi.id] } }))}>
            {t('capture.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}
