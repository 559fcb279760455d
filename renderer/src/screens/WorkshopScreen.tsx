import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopId } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { useWorkshop } from '../db/queries';
import { restoreWorkshop, updateWorkshopDetails } from '../db/workshopRepository';
import { routeHash } from '../routing';
import { useDateFormat } from '../ui/format';
import { ParticipantsSection } from './ParticipantsSection';
import { ProcessesSection } from './ProcessesSection';
import { WorkshopFormDialog } from './WorkshopFormDialog';

export function WorkshopScreen({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const workshop = useWorkshop(workshopId);
  const formatDate = useDateFormat();
  const [editing, setEditing] = useState(false);

  if (workshop === undefined) return <div className="loading" aria-busy="true" />;
  const back = (
    <a href={routeHash({ name: 'library' })} className="back-link">
      ← {t('workshop.back')}
    </a>
  );
  if (workshop === null) {
    return (
      <main className="screen">
        {back}
        <p className="empty-state">{t('workshop.notFound')}</p>
      </main>
    );
  }
  const period =
    workshop.startDate || workshop.endDate
      ? `${workshop.startDate ? formatDate(workshop.startDate) : '…'} – ${workshop.endDate ? formatDate(workshop.endDate) : '…'}`
      : t('workshop.noValue');

  return (
    <main className="screen workshop">
      <div className="screen-header">
        {back}
        <h1>{workshop.name}</h1>
        <div className="toolbar">
          <a className="button primary" href={routeHash({ name: 'backlog', workshopId: workshop.id })}>
            {t('backlog.open')}
          </a>
          <a className="button" href={routeHash({ name: 'report', workshopId: workshop.id })}>
            {t('report.open')}
          </a>
          <button type="button" onClick={() => setEditing(true)}>
            {t('workshop.editDetails')}
          </button>
        </div>
      </div>
      {workshop.deletedAt !== null ? (
        <div className="banner banner-warning">
          <span>{t('workshop.inTrash')}</span>
          <button type="button" onClick={() => void restoreWorkshop(db, workshop.id).catch(() => undefined)}>
            {t('trash.restore')}
          </button>
        </div>
      ) : null}
      <dl className="workshop-details">
        <div>
          <dt>{t('workshop.organisation')}</dt>
          <dd>{workshop.organisation || t('workshop.noValue')}</dd>
        </div>
        <div>
          <dt>{t('workshop.businessArea')}</dt>
          <dd>{workshop.businessArea || t('workshop.noValue')}</dd>
        </div>
        <div>
          <dt>{t('workshop.period')}</dt>
          <dd>{period}</dd>
        </div>
      </dl>
      <div className="workshop-columns">
        <ProcessesSection workshopId={workshop.id} />
        <ParticipantsSection workshop={workshop} />
      </div>
      {editing ? (
        <WorkshopFormDialog
          mode="edit"
          initial={workshop}
          onClose={() => setEditing(false)}
          onSubmit={(details) => updateWorkshopDetails(db, workshop.id, details)}
        />
      ) : null}
    </main>
  );
}
