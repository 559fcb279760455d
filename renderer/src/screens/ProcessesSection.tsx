import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Process, WorkshopId } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { useProcessSummaries } from '../db/queries';
import { addProcess, deleteProcess, moveProcess, renameProcess, type InitialMapContent } from '../db/workshopRepository';
import { ForkToBeButton } from '../editor/ForkToBeButton';
import { BpmnImportButton } from '../bpmn/BpmnImport';
import { blankMapLanes, findTemplate, instantiateTemplate, processTemplates, type ProcessTemplateId } from '../../../shared/templates';
import { languageSchema } from '../../../shared/platform/bridge';
import { routeHash } from '../routing';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorText } from '../ui/errors';
import { TextField } from '../ui/TextField';
import { nameErrorMessage } from '../ui/validation';

export function ProcessesSection({ workshopId }: { workshopId: WorkshopId }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const summaries = useProcessSummaries(workshopId);
  const [newName, setNewName] = useState('');
  const [templateId, setTemplateId] = useState<ProcessTemplateId | ''>('');
  const language = languageSchema.catch('ja').parse(i18n.language);
  const [showError, setShowError] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: Process['id']; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Process | null>(null);
  const [dragged, setDragged] = useState<Process['id'] | null>(null);
  const newNameError = nameErrorMessage(t, newName);

  if (summaries === undefined) return <section className="panel loading" aria-busy="true" />;

  const add = async () => {
    setShowError(true);
    if (newNameError) return;
    const template = templateId === '' ? undefined : findTemplate(templateId);
    const initialContent: InitialMapContent = (ids) =>
      template ? instantiateTemplate(template, language, ids) : { lanes: blankMapLanes(language, ids), steps: [], connections: [] };
    try {
      await addProcess(db, workshopId, newName, initialContent);
      setNewName('');
      setTemplateId('');
      setShowError(false);
      setSubmitError(null);
    } catch (error) {
      setSubmitError(errorText(error));
    }
  };
  const commitRename = async () => {
    if (!renaming || nameErrorMessage(t, renaming.name)) return;
    try {
      await renameProcess(db, workshopId, renaming.id, renaming.name);
      setRenaming(null);
    } catch (error) {
      setSubmitError(errorText(error));
    }
  };
  const move = (id: Process['id'], toIndex: number) => void moveProcess(db, workshopId, id, toIndex).catch(() => undefined);
  const onItemKeyDown = (event: KeyboardEvent, id: Process['id'], index: number) => {
    if (!event.altKey || event.target !== event.currentTarget) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(id, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(id, index + 1);
    }
  };
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragged) move(dragged, index);
    setDragged(null);
  };

  return (
    <section className="panel" aria-labelledby="processes-title">
      <h2 id="processes-title">{t('workshop.processesTitle')}</h2>
      {summaries.length === 0 ? <p className="empty-state">{t('workshop.processesEmpty')}</p> : null}
      <ol className="process-list">
        {summaries.map(({ process, asIsStepCount, toBeStepCount }, index) => (
          <li
            key={process.id}
            data-testid="process-item"
            tabIndex={0}
            draggable={renaming?.id !== process.id}
            onDragStart={() => setDragged(process.id)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, index)}
            onKeyDown={(event) => onItemKeyDown(event, process.id, index)}
            className={dragged === process.id ? 'dragging' : undefined}
          >
            <span className="drag-handle" aria-hidden="true">
              ⋮⋮
            </span>
            <div className="process-main">
              {renaming?.id === process.id ? (
                <TextField
                  label={t('workshop.processName')}
                  hideLabel
                  value={renaming.name}
                  onChange={(name) => setRenaming({ id: process.id, name })}
                  onCommit={() => void commitRename()}
                  onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                  onBlur={() => void commitRename()}
                  error={nameErrorMessage(t, renaming.name)}
                  autoFocus
                />
              ) : (
                <a className="process-name" href={routeHash({ name: 'map', workshopId, processId: process.id, variant: 'asIs' })}>
                  {process.name}
                </a>
              )}
              <span className="secondary">
                {t('workshop.processSummary', {
                  steps: asIsStepCount,
                  toBe: toBeStepCount === null ? t('workshop.toBeNone') : t('workshop.toBeSteps', { count: toBeStepCount }),
                })}
              </span>
            </div>
            <div className="row-actions">
              <a className="button" href={routeHash({ name: 'map', workshopId, processId: process.id, variant: 'asIs' })}>
                {t('workshop.openAsIs')}
              </a>
              {process.toBeMapId ? (
                <>
                  <a className="button" href={routeHash({ name: 'map', workshopId, processId: process.id, variant: 'toBe' })}>
                    {t('workshop.openToBe')}
                  </a>
                  <a className="button" href={routeHash({ name: 'compare', workshopId, processId: process.id })}>
                    {t('workshop.compare')}
                  </a>
                </>
              ) : (
                <ForkToBeButton process={process} className="secondary" />
              )}
              <button type="button" onClick={() => setRenaming({ id: process.id, name: process.name })}>
                {t('workshop.rename')}
              </button>
              <button type="button" disabled={index === 0} aria-label={`${t('workshop.moveUp')}: ${process.name}`} onClick={() => move(process.id, index - 1)}>
                ↑
              </button>
              <button
                type="button"
                disabled={index === summaries.length - 1}
                aria-label={`${t('workshop.moveDown')}: ${process.name}`}
                onClick={() => move(process.id, index + 1)}
              >
                ↓
              </button>
              <button type="button" className="danger-text" onClick={() => setDeleting(process)}>
                {t('workshop.deleteProcess')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <div className="field template-field">
          <label htmlFor="process-template">{t('templates.label')}</label>
          <select
            id="process-template"
            value={templateId}
            onChange={(event) => {
              const chosen = event.target.value === '' ? undefined : findTemplate(event.target.value as ProcessTemplateId);
              setTemplateId(chosen?.id ?? '');
              if (chosen && newName.trim() === '') setNewName(chosen.name[language]);
            }}
          >
            <option value="">{t('templates.blank')}</option>
            {processTemplates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name[language]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('workshop.processName')}
          placeholder={t('workshop.newProcessPlaceholder')}
          value={newName}
          onChange={setNewName}
          onCommit={() => void add()}
          error={showError ? newNameError : null}
        />
        <button type="button" className="primary" onClick={() => void add()}>
          {t('workshop.newProcess')}
        </button>
        <BpmnImportButton workshopId={workshopId} />
      </div>
      <p className="secondary">{t('workshop.templateHint')}</p>
      {submitError ? (
        <p className="field-error" role="alert">
          {submitError}
        </p>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('workshop.confirmDeleteProcessTitle')}
          body={t('workshop.confirmDeleteProcessBody', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={() => deleteProcess(db, workshopId, deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
