import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/model';
import { AnnotationList } from './AnnotationList';
import { useCaptureView, type SidePanel as Panel } from './captureStore';
import { InterviewPane } from './InterviewPane';
import { KpiPane } from './KpiPane';
import { WalkPanel } from '../workshopMode/PresentationMode';
import { AgendaPanel } from '../workshopMode/AgendaPanel';
import { RoomPanel } from '../workshopMode/RoomPanel';
import { VotePanel } from '../workshopMode/VotePanel';

const PANELS: readonly Panel[] = ['inspector', 'list', 'interview', 'kpi', 'room', 'vote', 'agenda'];
/** In front of the room: the walk, the selection (a sticky note to convert), questions, the vote, the agenda. */
const PRESENTING_PANELS: readonly Panel[] = ['walk', 'inspector', 'room', 'vote', 'agenda'];

/** The right-hand panel: the selection's attributes and remarks, the list of all remarks, the interview notes or the KPIs. */
export function SidePanel({ participants, inspector, presenting = false }: { participants: readonly Participant[]; inspector: ReactNode; presenting?: boolean }) {
  const { t } = useTranslation();
  const panel = useCaptureView((state) => state.panel);
  const setPanel = useCaptureView((state) => state.setPanel);
  const panels = presenting ? PRESENTING_PANELS : PANELS;
  const shown = panels.includes(panel) ? panel : (panels[0] as Panel);
  return (
    <aside className={`side-panel${presenting ? ' side-panel-presenting' : ''}`} aria-label={t('capture.panelTabs')}>
      <div className="side-tabs" role="tablist" aria-label={t('capture.panelTabs')}>
        {panels.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={`side-tab-${candidate}`}
            aria-selected={shown === candidate}
            aria-controls="side-panel-body"
            className={shown === candidate ? 'is-current' : undefined}
            onClick={() => setPanel(candidate)}
          >
            {t(candidate === 'walk' || candidate === 'room' || candidate === 'vote' || candidate === 'agenda' ? `workshopMode.tabs.${candidate}` : `capture.tabs.${candidate}`)}
          </button>
        ))}
      </div>
      <div className="side-panel-body" id="side-panel-body" role="tabpanel" aria-labelledby={`side-tab-${shown}`}>
        {shown === 'walk' ? <WalkPanel /> : null}
        {shown === 'inspector' ? inspector : null}
        {shown === 'list' ? <AnnotationList participants={participants} /> : null}
        {shown === 'interview' ? <InterviewPane participants={participants} /> : null}
        {shown === 'kpi' ? <KpiPane /> : null}
        {shown === 'room' ? <RoomPanel participants={participants} /> : null}
        {shown === 'vote' ? <VotePanel participants={participants} /> : null}
        {shown === 'agenda' ? <AgendaPanel /> : null}
      </div>
    </aside>
  );
}
