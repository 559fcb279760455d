import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forkToBe } from '../../../shared/editor';
import { nowTimestamp, type Process } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { loadMap, loadMapRecords, saveToBeMap } from '../db/mapRepository';
import { navigate } from '../routing';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';

/** "Create To-Be from As-Is": a copy in which every step remembers the As-Is step it came from. */
export function ForkToBeButton({ process, className }: { process: Process; className?: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const notify = useNotices((state) => state.show);
  const [busy, setBusy] = useState(false);
  const fork = async () => {
    setBusy(true);
    try {
      const asIsMap = await loadMap(db, process.asIsMapId);
      if (!asIsMap) throw new Error(`map ${process.asIsMapId} not found`);
      const records = await loadMapRecords(db, process.asIsMapId);
      await saveToBeMap(db, process, forkToBe(records, asIsMap, nowTimestamp()));
      navigate({ name: 'map', workshopId: process.workshopId, processId: process.id, variant: 'toBe' });
    } catch (error) {
      notify(t('editor.forkFailed', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={className ?? 'primary'} disabled={busy} onClick={() => void fork()}>
      {t('editor.createToBe')}
    </button>
  );
}
