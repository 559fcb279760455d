import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedMap, UnmappedElement } from '../../../shared/bpmn';
import { normaliseName, type ProcessId, type WorkshopId } from '../../../shared/model';
import type { Problem } from '../../../shared/model/problems';
import { languageSchema } from '../../../shared/platform/bridge';
import { useDatabase } from '../db/DatabaseContext';
import { usePlatform } from '../platform/platform';
import { routeHash } from '../routing';
import { errorText } from '../ui/errors';
import { Modal } from '../ui/Modal';
import { TextField } from '../ui/TextField';
import { nameErrorMessage } from '../ui/validation';
import { addImportedProcess, BPMN_EXTENSIONS, readBpmnFile } from './importBpmn';
import '../images/images.css';

interface FileLabel {
  readonly name: string;
  readonly path: string | null;
}

type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'reading' }
  | { readonly step: 'problems'; readonly file: FileLabel; readonly problems: readonly Problem[] }
  | { readonly step: 'review'; readonly file: FileLabel; readonly imported: ImportedMap; readonly name: string; readonly error: string | null; readonly saving: boolean }
  | { readonly step: 'done'; readonly file: FileLabel; readonly imported: ImportedMap; readonly name: string; readonly processId: ProcessId };

/** More would not help anyone read the list; the first ones show what kind of damage it is. */
const PROBLEMS_SHOWN = 50;

/**
 * 「BPMN を取り込む…」: a BPMN 2.0 file from Camunda Modeler, bpmn.io or Signavio becomes a new
 * process with the file's diagram as its As-Is map. A file that cannot be read is explained
 * (file, place, reason) and nothing changes. Otherwise the name can be edited before anything
 * is written, and what the import leaves out is listed before and after, never dropped silently.
 */
export function BpmnImportButton({ workshopId }: { workshopId: WorkshopId }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const lang = languageSchema.catch('ja').parse(i18n.language);

  const choose = async () => {
    let file;
    try {
      file = await bridge.openFile({ title: t('bpmn.openTitle'), filters: [{ name: t('bpmn.filterName'), extensions: [...BPMN_EXTENSIONS] }] });
    } catch (error) {
      setState({ step: 'problems', file: { name: '', path: null }, problems: [{ path: '', message: errorText(error) }] });
      return;
    }
    if (!file) return;
    const label = { name: file.name, path: file.path };
    setState({ step: 'reading' });
    const read = await readBpmnFile(file, workshopId, lang);
    if (!read.ok) {
      setState({ step: 'problems', file: label, problems: read.problems });
      return;
    }
    setState({ step: 'review', file: label, imported: read.value, name: normaliseName(read.value.processName), error: null, saving: false });
  };

  const save = async () => {
    if (state.step !== 'review' || state.saving || nameErrorMessage(t, state.name)) return;
    setState({ ...state, saving: true, error: null });
    try {
      const processId = await addImportedProcess(db, workshopId, state.name, state.imported);
      setState({ step: 'done', file: state.file, imported: state.imported, name: normaliseName(state.name), processId });
    } catch (error) {
      setState({ ...state, saving: false, error: t('bpmn.failed', { message: errorText(error) }) });
    }
  };

  const close = () => setState({ step: 'idle' });

  return (
    <>
      <button type="button" onClick={() => void choose()} disabled={state.step === 'reading'} aria-busy={state.step === 'reading' || undefined}>
        {state.step === 'reading' ? t('bpmn.reading') : t('bpmn.import')}
      </button>
      {state.step === 'problems' ? (
        <Modal
          title={t('bpmn.problemsTitle')}
          onClose={close}
          footer={
            <button type="button" className="primary" onClick={close} data-autofocus>
              {t('common.close')}
            </button>
          }
        >
          <div role="alert" data-testid="bpmn-problems">
            {state.file.name ? <p>{t('bpmn.problemsFile', { name: state.file.name })}</p> : null}
            {state.file.path ? <p className="secondary">{t('bpmn.problemsPath', { path: state.file.path })}</p> : null}
            <ul className="file-problems">
              {state.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                <li key={index}>
                  {problem.path ? <code>{problem.path}</code> : null}
                  {problem.path ? ': ' : null}
                  {problem.message}
                </li>
              ))}
            </ul>
            {state.problems.length > PROBLEMS_SHOWN ? <p>{t('bpmn.problemsMore', { count: state.problems.length - PROBLEMS_SHOWN })}</p> : null}
            <p>{t('bpmn.problemsUnchanged')}</p>
          </div>
        </Modal>
      ) : null}
      {state.step === 'review' ? (
        <Modal
          title={t('bpmn.reviewTitle')}
          onClose={close}
          footer={
            <>
              <button type="button" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="button" className="primary" onClick={() => void save()} disabled={state.saving || nameErrorMessage(t, state.name) !== null}>
                {t('bpmn.importButton')}
              </button>
            </>
          }
        >
          <div data-testid="bpmn-review">
            <p>
              {t('bpmn.reviewSummary', {
                file: state.file.name,
                lanes: state.imported.lanes.length,
                steps: state.imported.steps.length,
                connections: state.imported.connections.length,
              })}
            </p>
            <TextField
              label={t('bpmn.processName')}
              value={state.name}
              onChange={(name) => setState({ ...state, name })}
              onCommit={() => void save()}
              error={nameErrorMessage(t, state.name)}
              data-autofocus
            />
            <ImportFindings imported={state.imported} />
            {state.error ? (
              <p className="field-error" role="alert">
                {state.error}
              </p>
            ) : null}
          </div>
        </Modal>
      ) : null}
      {state.step === 'done' ? (
        <Modal
          title={t('bpmn.doneTitle')}
          onClose={close}
          footer={
            <>
              <a className="button" href={routeHash({ name: 'map', workshopId, processId: state.processId, variant: 'asIs' })} onClick={close}>
                {t('bpmn.openMap')}
              </a>
              <button type="button" className="primary" onClick={close} data-autofocus>
                {t('common.close')}
              </button>
            </>
          }
        >
          <div data-testid="bpmn-done">
            <p role="status">{t('bpmn.done', { name: state.name, steps: state.imported.steps.length })}</p>
            <ImportFindings imported={state.imported} />
          </div>
        </Modal>
      ) : null}
    </>
  );
}

/** What the import left out and what it changed on the way in. */
function ImportFindings({ imported }: { imported: ImportedMap }) {
  const { t } = useTranslation();
  return (
    <div className="bpmn-findings">
      <h3>{t('bpmn.unmappedTitle', { count: imported.unmapped.length })}</h3>
      {imported.unmapped.length === 0 ? (
        <p className="secondary">{t('bpmn.unmappedNone')}</p>
      ) : (
        <div className="bpmn-findings-scroll">
          <table className="data-table" data-testid="bpmn-unmapped">
            <thead>
              <tr>
                <th scope="col">{t('bpmn.elementType')}</th>
                <th scope="col">{t('bpmn.elementName')}</th>
                <th scope="col">{t('bpmn.elementId')}</th>
                <th scope="col">{t('bpmn.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {imported.unmapped.map((element: UnmappedElement, index) => (
                <tr key={`${element.elementId}-${index}`}>
                  <td>
                    <code>{element.type}</code>
                  </td>
                  <td>{element.name || t('bpmn.unnamed')}</td>
                  <td>
                    <code>{element.elementId}</code>
                  </td>
                  <td>{element.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {imported.warnings.length > 0 ? (
        <>
          <h3>{t('bpmn.warningsTitle', { count: imported.warnings.length })}</h3>
          <ul data-testid="bpmn-warnings">
            {imported.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
