import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/model';
import { AnnotationList } from './AnnotationList';
import { useCaptureView, type SidePanel as Panel } from './captureStore';
import { InterviewPane } from './InterviewPane';
import { KpiPane } from './KpiPane';

const PANELS: readonly Panel[] = ['inspector', 'list', 'interview', 'kpi'];

/** The right-hand panel: the selection's attributes and remarks, the list of all remarks, the interview notes or the KPIs. */
export function SidePanel({ participants, inspector }: { participants: readonly Participant[]; inspector: ReactNode }) {
  const { t } = useTranslation();
  const panel = useCaptureView((state) => state.panel);
  const setPanel = useCaptureView((state) => state.setPanel);
  return (
    <aside className="side-panel" aria-label={t('capture.panelTabs')}>
      <div className="side-tabs" role="tablist" aria-label={t('capture.panelTabs')}>
        {PANELS.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={`side-tab-${candidate}`}
            aria-selected={panel === candidate}
            aria-controls="side-panel-body"
            className={panel === candidate ? 'is-current' : undefined}
            onClick={() => setPanel(candidate)}
          >
            {t(`capture.tabs.${candidate}`)}
          </button>
        ))}
      </div>
      <div className="side-panel-body" id="side-panel-body" role="tabpanel" aria-labelledby={`side-tab-${panel}`}>
        {panel === 'inspector' ? inspector : null}
        {panel === 'list' ? <AnnotationList participants={participants} /> : null}
        {panel === 'interview' ? <InterviewPane participants={participants} /> : null}
        {panel === 'kpi' ? <KpiPane /> : null}
      </div>
    </aside>
  );
}
