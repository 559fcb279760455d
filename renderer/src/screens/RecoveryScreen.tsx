import { useTranslation } from 'react-i18next';

/** Shown instead of the library when the database cannot be opened: an empty library would look like data loss. */
export function RecoveryScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen recovery" role="alert">
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.body')}</p>
      <p className="secondary">{t('recovery.detail', { message })}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('recovery.retry')}
      </button>
    </main>
  );
}
