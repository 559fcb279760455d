import { useTranslation } from 'react-i18next';
import { Modal } from '../ui/Modal';
import type { FileLabel, FileProblem } from './openFlow';

/** More would not help anyone read the list; the first ones show what kind of damage it is. */
const PROBLEMS_SHOWN = 50;

/** Why a file was not opened: which file, where it is, what is wrong where — and that nothing changed. */
export function FileProblemsDialog({ file, problems, onClose }: { file: FileLabel; problems: readonly FileProblem[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('workshopFile.problemsTitle')}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      }
    >
      <div role="alert">
        {file.name ? <p>{t('workshopFile.problemsFile', { name: file.name })}</p> : null}
        {file.path ? <p className="secondary">{t('workshopFile.problemsPath', { path: file.path })}</p> : null}
        <ul className="file-problems">
          {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
            <li key={index}>
              {problem.path ? <code>{problem.path}</code> : null}
              {problem.path ? ': ' : null}
              {problem.message}
            </li>
          ))}
        </ul>
        {problems.length > PROBLEMS_SHOWN ? <p>{t('workshopFile.problemsMore', { count: problems.length - PROBLEMS_SHOWN })}</p> : null}
        <p>{t('workshopFile.problemsUnchanged')}</p>
      </div>
    </Modal>
  );
}
