import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesWorkshopQuery, type Workshop } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { useWorkshopSummaries } from '../db/queries';
import { createWorkshop, duplicateWorkshop, moveWorkshopToTrash, restoreWorkshop, updateWorkshopDetails } from '../db/workshopRepository';
import { exportWorkshopFile } from '../exportWorkshop';
import { usePlatform } from '../platform/platform';
import { navigate, routeHash } from '../routing';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';
import { TextField } from '../ui/TextField';
import { useDateTimeFormat } from '../ui/format';
import { BackupsDialog } from '../workshopFile/BackupsDialog';
import { pickWorkshopFile } from '../workshopFile/incomingFiles';
import { OpenWorkshopFileFlow } from '../workshopFile/OpenWorkshopFileFlow';
import { RecentFiles } from '../workshopFile/RecentFiles';
import { WorkshopFormDialog } from './WorkshopFormDialog';

type Dialog = { kind: 'create' } | { kind: 'rename'; workshop: Workshop } | { kind: 'backups' } | null;

export function LibraryScreen({ createRequested, onCreateHandled }: { createRequested: boolean; onCreateHandled: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const summaries = useWorkshopSummaries();
  const notify = useNotices((state) => state.show);
  const formatDateTime = useDateTimeFormat();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const activeDialog: Dialog = createRequested ? { kind: 'create' } : dialog;
  const closeDialog = () => {
    setDialog(null);
    onCreateHandled();
  };

  if (summaries === undefined) return <div className="loading" aria-busy="true" />;
  const active = summaries.filter((summary) => summary.workshop.deletedAt === null);
  const trashCount = summaries.length - active.length;
  const shown = active.filter((summary) => matchesWorkshopQuery(summary.workshop, query));

  const trash = async (workshop: Workshop) => {
    await moveWorkshopToTrash(db, workshop.id);
    notify(t('library.movedToTrash', { name: workshop.name }), {
      label: t('library.undoDelete'),
      run: () => void restoreWorkshop(db, workshop.id),
    });
  };
  const duplicate = async (workshop: Workshop) => {
    await duplicateWorkshop(db, workshop.id, t('library.copyName', { name: workshop.name }));
  };
  const exportFile = async (workshop: Workshop) => {
    try {
      const saved = await exportWorkshopFile(db, bridge, workshop.id, t('exportFile.filterName'));
      if (saved === null) return;
      const { path } = saved;
      notify(
        t('exportFile.saved', { name: saved.name }),
        path === null ? undefined : { label: t('exportFile.showInFolder'), run: () => void bridge.showInFolder(path).catch(() => undefined) },
      );
    } catch (error) {
      notify(t('exportFile.failed', { message: errorText(error) }));
    }
  };

  return (
    <main className="screen library">
      <div className="screen-header">
        <h1>{t('library.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('library.newWorkshop')}
          </button>
          <button type="button" onClick={() => void pickWorkshopFile(bridge, t)}>
            {t('workshopFile.open')}
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'backups' })}>
            {t('workshopFile.backups')}
          </button>
          <div className="search">
            <TextField
              type="search"
              label={t('library.search')}
              hideLabel
              placeholder={t('library.searchPlaceholder')}
              value={query}
              onChange={setQuery}
            />
          </div>
          <a className="button" href={routeHash({ name: 'trash' })}>
            {trashCount > 0 ? t('library.trashCount', { count: trashCount }) : t('library.trash')}
          </a>
        </div>
      </div>

      {active.length === 0 ? (
        <p className="empty-state">{t('library.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty-state">{t('library.noMatch', { query })}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('library.columns.name')}</th>
              <th scope="col">{t('library.columns.organisation')}</th>
              <th scope="col">{t('library.columns.updated')}</th>
              <th scope="col" className="numeric">
                {t('library.columns.processes')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('library.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ workshop, processCount }) => (
              <tr key={workshop.id} data-testid="workshop-row">
                <td>
                  <a href={routeHash({ name: 'workshop', workshopId: workshop.id })} className="workshop-name">
                    {workshop.name}
                  </a>
                  {workshop.businessArea ? <div className="secondary">{workshop.businessArea}</div> : null}
                </td>
                <td>{workshop.organisation}</td>
                <td>
                  <time dateTime={workshop.updatedAt}>{formatDateTime(workshop.updatedAt)}</time>
                </td>
                <td className="numeric">{processCount}</td>
                <td>
                  <div className="row-actions" role="group" aria-label={t('library.rowActions', { name: workshop.name })}>
                    <button type="button" onClick={() => setDialog({ kind: 'rename', workshop })}>
                      {t('library.rename')}
                    </button>
                    <button type="button" onClick={() => void duplicate(workshop).catch(() => undefined)}>
                      {t('library.duplicate')}
                    </button>
                    <button type="button" onClick={() => void exportFile(workshop)}>
                      {t('library.export')}
                    </button>
                    <button type="button" className="danger-text" onClick={() => void trash(workshop).catch(() => undefined)}>
                      {t('library.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <RecentFiles />
      <OpenWorkshopFileFlow />
      {activeDialog?.kind === 'backups' ? <BackupsDialog summaries={summaries} onClose={closeDialog} /> : null}
      {activeDialog?.kind === 'create' ? (
        <WorkshopFormDialog
          mode="create"
          onClose={closeDialog}
          onSubmit={async (details) => {
            const workshop = await createWorkshop(db, details);
            navigate({ name: 'workshop', workshopId: workshop.id });
          }}
        />
      ) : null}
      {activeDialog?.kind === 'rename' ? (
        <WorkshopFormDialog
          mode="rename"
          initial={activeDialog.workshop}
          onClose={closeDialog}
          onSubmit={(details) => updateWorkshopDetails(db, activeDialog.workshop.id, { name: details.name })}
        />
      ) : null}
    </main>
  );
}
