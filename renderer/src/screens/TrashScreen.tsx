import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { useWorkshopSummaries } from '../db/queries';
import { deleteWorkshopForever, emptyTrash, restoreWorkshop } from '../db/workshopRepository';
import { routeHash } from '../routing';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useDateTimeFormat } from '../ui/format';
import { useNotices } from '../ui/notices';

type Confirm = { kind: 'empty'; count: number } | { kind: 'deleteOne'; workshop: Workshop } | null;

/** Deleted workshops wait here, whole, until restored or until the user empties the trash. */
export function TrashScreen() {
  const { t } = useTranslation();
  const db = useDatabase();
  const summaries = useWorkshopSummaries();
  const notify = useNotices((state) => state.show);
  const formatDateTime = useDateTimeFormat();
  const [confirm, setConfirm] = useState<Confirm>(null);

  if (summaries === undefined) return <div className="loading" aria-busy="true" />;
  const trashed = summaries
    .filter((summary) => summary.workshop.deletedAt !== null)
    .sort((a, b) => (b.workshop.deletedAt ?? '').localeCompare(a.workshop.deletedAt ?? ''));

  const restore = async (workshop: Workshop) => {
    await restoreWorkshop(db, workshop.id);
    notify(t('trash.restored', { name: workshop.name }));
  };

  return (
    <main className="screen trash">
      <div className="screen-header">
        <a href={routeHash({ name: 'library' })} className="back-link">
          ← {t('trash.back')}
        </a>
        <h1>{t('trash.title')}</h1>
        <div className="toolbar">
          <button type="button" className="danger" disabled={trashed.length === 0} onClick={() => setConfirm({ kind: 'empty', count: trashed.length })}>
            {t('trash.emptyTrash')}
          </button>
        </div>
      </div>
      {trashed.length === 0 ? (
        <p className="empty-state">{t('trash.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('library.columns.name')}</th>
              <th scope="col">{t('library.columns.organisation')}</th>
              <th scope="col">{t('trash.deletedAt')}</th>
              <th scope="col" className="numeric">
                {t('library.columns.processes')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('library.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trashed.map(({ workshop, processCount }) => (
              <tr key={workshop.id} data-testid="trash-row">
                <td>{workshop.name}</td>
                <td>{workshop.organisation}</td>
                <td>{workshop.deletedAt ? <time dateTime={workshop.deletedAt}>{formatDateTime(workshop.deletedAt)}</time> : null}</td>
                <td className="numeric">{processCount}</td>
                <td>
                  <div className="row-actions" role="group" aria-label={t('library.rowActions', { name: workshop.name })}>
                    <button type="button" onClick={() => void restore(workshop).catch(() => undefined)}>
                      {t('trash.restore')}
                    </button>
                    <button type="button" className="danger-text" onClick={() => setConfirm({ kind: 'deleteOne', workshop })}>
                      {t('trash.deleteForever')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm?.kind === 'empty' ? (
        <ConfirmDialog
          title={t('trash.confirmEmptyTitle')}
          body={t('trash.confirmEmptyBody', { count: confirm.count })}
          confirmLabel={t('trash.emptyTrash')}
          danger
          onConfirm={async () => {
            await emptyTrash(db);
          }}
          onClose={() => setConfirm(null)}
        />
      ) : null}
      {confirm?.kind === 'deleteOne' ? (
        <ConfirmDialog
          title={t('trash.confirmDeleteTitle')}
          body={t('trash.confirmDeleteBody', { name: confirm.workshop.name })}
          confirmLabel={t('trash.deleteForever')}
          danger
          onConfirm={() => deleteWorkshopForever(db, confirm.workshop.id)}
          onClose={() => setConfirm(null)}
        />
      ) : null}
    </main>
  );
}
