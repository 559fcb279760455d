import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addRequirement, generateBacklog, indexWorkshop } from '../../../shared/backlog';
import { nowTimestamp, type WorkshopDocument, type WorkshopId } from '../../../shared/model';
import { languageSchema } from '../../../shared/platform/bridge';
import { writeRequirements } from '../db/backlogRepository';
import { useDatabase } from '../db/DatabaseContext';
import { useWorkshopDocument } from '../db/queries';
import { routeHash } from '../routing';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';
import { BacklogTable } from './BacklogTable';
import { CoveragePanel } from './CoveragePanel';
import { ExportPanel } from './ExportPanel';
import { ImportBacklogButton } from './ImportBacklog';
import { TraceView } from './TraceView';

type Tab = 'table' | 'trace';

/** The deliverable: requirements drafted from the maps, edited, traced and exported. */
export function BacklogScreen({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const document = useWorkshopDocument(workshopId);
  if (document === undefined) return <div className="loading" aria-busy="true" />;
  if (document === null) {
    return (
      <main className="screen">
        <a href={routeHash({ name: 'library' })} className="back-link">
          ← {t('workshop.back')}
        </a>
        <p className="empty-state">{t('workshop.notFound')}</p>
      </main>
    );
  }
  return <Backlog document={document} />;
}

function Backlog({ document }: { document: WorkshopDocument }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const notify = useNotices((state) => state.show);
  const [tab, setTab] = useState<Tab>('table');
  const [exporting, setExporting] = useState(false);
  const index = useMemo(() => indexWorkshop(document), [document]);
  const workshopId = document.workshop.id;
  const lang = languageSchema.catch('ja').parse(i18n.language);

  const generate = async () => {
    const result = generateBacklog(document, document.requirements, { lang, now: nowTimestamp() });
    try {
      await writeRequirements(db, workshopId, result.put);
      notify(
        result.put.length === 0
          ? t('backlog.nothingGenerated')
          : t('backlog.generated', { added: result.added.length, flagged: result.flagged.length, restored: result.restored.length }),
      );
    } catch (error) {
      notify(errorText(error));
    }
  };

  const addByHand = () =>
    void writeRequirements(db, workshopId, [
      addRequirement(
        document.requirements,
        workshopId,
        { title: t('backlog.newRequirementTitle'), description: '', type: 'functional', priority: 'should', owner: 'joint', acceptanceCriteria: [], sources: [] },
        nowTimestamp(),
      ),
    ]).catch((error: unknown) => notify(errorText(error)));

  return (
    <main className="screen backlog-screen">
      <a href={routeHash({ name: 'workshop', workshopId })} className="back-link">
        ← {document.workshop.name}
      </a>
      <div className="screen-header">
        <h1>{t('backlog.title')}</h1>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void generate()}>
            {t('backlog.generate')}
          </button>
          <button type="button" onClick={addByHand}>
            {t('backlog.addRequirement')}
          </button>
          <button type="button" onClick={() => setExporting((open) => !open)} aria-expanded={exporting}>
            {t('backlog.export')}
          </button>
          <ImportBacklogButton document={document} />
        </div>
      </div>
      {exporting ? <ExportPanel document={document} onClose={() => setExporting(false)} /> : null}
      <CoveragePanel document={document} index={index} />
      <div className="side-tabs backlog-tabs" role="tablist">
        {(['table', 'trace'] as const).map((candidate) => (
          <button key={candidate} type="button" role="tab" aria-selected={tab === candidate} className={tab === candidate ? 'is-current' : undefined} onClick={() => setTab(candidate)}>
            {t(`backlog.tabs.${candidate}`)}
          </button>
        ))}
      </div>
      {tab === 'table' ? <BacklogTable document={document} index={index} /> : <TraceView document={document} />}
    </main>
  );
}
