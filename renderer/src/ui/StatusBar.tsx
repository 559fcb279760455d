import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../db/DatabaseContext';
import { useRowProblems } from '../db/rowProblems';
import { useSaveStatus } from '../db/saveStatus';
import { exportAllWorkshops, exportWorkshopFile } from '../exportWorkshop';
import { usePlatform } from '../platform/platform';
import { useRoute } from '../routing';
import { errorText, writeFailureMessage } from './errors';
import { useNotices } from './notices';

/** 「保存済み」 appears only once a transaction committed; a failed write wins over everything. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const pending = useSaveStatus((state) => state.pending);
  const lastSavedAt = useSaveStatus((state) => state.lastSavedAt);
  const failed = useSaveStatus((state) => state.failure !== null);
  const [state, label] = failed
    ? ['failed', t('save.failed')]
    : pending > 0
      ? ['saving', t('save.saving')]
      : lastSavedAt !== null
        ? ['saved', t('save.saved')]
        : ['idle', t('save.idle')];
  return (
    <span className={`save-indicator save-${state}`} role="status" aria-live="polite" data-testid="save-indicator" data-state={state}>
      {label}
    </span>
  );
}

export function WriteFailureBanner() {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const route = useRoute();
  const failure = useSaveStatus((state) => state.failure);
  const dismiss = useSaveStatus((state) => state.dismissFailure);
  const notify = useNotices((state) => state.show);
  if (!failure) return null;
  const exportWork = async () => {
    try {
      const saved =
        route.name === 'workshop'
          ? await exportWorkshopFile(db, bridge, route.workshopId, t('exportFile.filterName'))
          : await exportAllWorkshops(db, bridge);
      if (saved) notify(t('exportFile.saved', { name: saved.name }));
    } catch (error) {
      notify(t('exportFile.failed', { message: errorText(error) }));
    }
  };
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <strong>{t('errors.writeFailedTitle')}</strong>
        <p>{writeFailureMessage(t, failure)}</p>
        <p>{t('errors.writeFailedHelp')}</p>
      </div>
      <div className="banner-actions">
        <button type="button" onClick={() => void failure.retry().catch(() => undefined)}>
          {t('errors.retry')}
        </button>
        <button type="button" onClick={() => void exportWork()}>
          {t('errors.exportBackup')}
        </button>
        <button type="button" onClick={dismiss}>
          {t('errors.dismiss')}
        </button>
      </div>
    </div>
  );
}

export function RowProblemsBanner() {
  const { t } = useTranslation();
  const problems = useRowProblems((state) => state.problems);
  if (problems.size === 0) return null;
  return (
    <details className="banner banner-warning" role="alert">
      <summary>{t('errors.invalidRowsTitle', { count: problems.size })}</summary>
      <p>{t('errors.invalidRowsHelp')}</p>
      <ul>
        {[...problems.values()].map((problem) => (
          <li key={`${problem.table}/${problem.id}`}>
            <code>
              {problem.table}/{problem.id}
            </code>
            : {problem.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

const NOTICE_MS = 8000;

export function NoticeArea() {
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  const { t } = useTranslation();
  useEffect(() => {
    const timers = notices.map((notice) => setTimeout(() => dismiss(notice.id), NOTICE_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <span>{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              onClick={() => {
                notice.action?.run();
                dismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="icon" aria-label={t('common.close')} onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
