import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/platform/bridge';
import { readWorkshopFile } from '../../../shared/workshopFile';
import { useDatabase } from '../db/DatabaseContext';
import type { WorkshopSummary } from '../db/queries';
import { usePlatform } from '../platform/platform';
import { navigate } from '../routing';
import { errorText } from '../ui/errors';
import { useDateTimeFormat } from '../ui/format';
import { Modal } from '../ui/Modal';
import { useNotices } from '../ui/notices';
import { useBackupStatus } from './automaticBackups';
import { BackupList, useBackups } from './BackupList';
import { derivedName, nameInBackupFileName } from './names';
import { openAsCopy } from './openFlow';

/**
 * The automatic backups, per workshop, newest first; one is restored as a copy next to its
 * workshop (never over it), so looking at an old version costs nothing.
 */
export function BackupsDialog({ summaries, onClose }: { summaries: readonly WorkshopSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const formatDateTime = useDateTimeFormat();
  const state = useBackups(bridge);
  const failure = useBackupStatus((status) => status.failure);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = new Map<string, string>(summaries.map(({ workshop }) => [workshop.id, workshop.name]));

  const restore = async (backup: BackupEntry) => {
    setBusy(true);
    setError(null);
    try {
      const file = await bridge.readBackup(backup.fileName);
      const read = readWorkshopFile(file.data, file.name);
      if (!read.ok) throw new Error(read.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
      const name = derivedName((base) => t('workshopFile.restoredName', { name: base, time: formatDateTime(backup.savedAt) }), read.value.workshop.name);
      const workshop = await openAsCopy(db, read.value, name);
      notify(t('workshopFile.restored', { name: workshop.name }));
      onClose();
      navigate({ name: 'workshop', workshopId: workshop.id });
    } catch (caught) {
      setError(t('workshopFile.restoreFailed', { message: errorText(caught) }));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('workshopFile.backupsTitle')}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="secondary">{t('workshopFile.backupsHelp')}</p>
      {failure ? (
        <p className="field-error" role="alert">
          {t('workshopFile.backupFailure', { message: failure })}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <BackupList
        state={state}
        workshopName={(backup) => names.get(backup.workshopId) ?? nameInBackupFileName(backup.fileName)}
        action={(backup) => (
          <button type="button" disabled={busy} onClick={() => void restore(backup)}>
            {t('workshopFile.restoreCopy')}
          </button>
        )}
      />
    </Modal>
  );
}
