import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/platform/bridge';
import { WORKSHOP_FILE_EXTENSION, WORKSHOP_FILE_MIME } from '../exportWorkshop';
import { usePlatform } from '../platform/platform';
import { errorText } from '../ui/errors';
import { BackupList, useBackups } from '../workshopFile/BackupList';
import { nameInBackupFileName } from '../workshopFile/names';

/**
 * Shown instead of the library when the database cannot be opened: an empty library would
 * look like data loss. The automatic backups live outside that database, so they are listed
 * here, each to be saved as a workshop file that opens anywhere.
 */
export function RecoveryScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const bridge = usePlatform();
  const backups = useBackups(bridge);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  const saveBackup = async (backup: BackupEntry) => {
    try {
      const file = await bridge.readBackup(backup.fileName);
      const saved = await bridge.saveFile({
        suggestedName: file.name,
        filters: [{ name: t('exportFile.filterName'), extensions: [WORKSHOP_FILE_EXTENSION] }],
        mimeType: WORKSHOP_FILE_MIME,
        data: file.data,
      });
      if (saved) setOutcome({ ok: true, text: t('workshopFile.backupSaved', { name: saved.name }) });
    } catch (error) {
      setOutcome({ ok: false, text: t('exportFile.failed', { message: errorText(error) }) });
    }
  };

  return (
    <main className="screen recovery">
      <div role="alert">
        <h1>{t('recovery.title')}</h1>
        <p>{t('recovery.body')}</p>
        <p className="secondary">{t('recovery.detail', { message })}</p>
        <button type="button" className="primary" onClick={onRetry}>
          {t('recovery.retry')}
        </button>
      </div>
      <section aria-labelledby="recovery-backups-title">
        <h2 id="recovery-backups-title">{t('workshopFile.recoveryTitle')}</h2>
        <p>{t('workshopFile.recoveryBody')}</p>
        {outcome ? (
          <p className={outcome.ok ? 'secondary' : 'field-error'} role="status">
            {outcome.text}
          </p>
        ) : null}
        <BackupList
          state={backups}
          workshopName={(backup) => nameInBackupFileName(backup.fileName)}
          action={(backup) => (
            <button type="button" onClick={() => void saveBackup(backup)}>
              {t('workshopFile.saveBackup')}
            </button>
          )}
        />
      </section>
    </main>
  );
}
