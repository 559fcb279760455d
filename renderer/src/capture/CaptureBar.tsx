import { useTranslation } from 'react-i18next';
import { HEAT_MODES, isFiltering, NO_FILTER, type HeatMode } from '../../../shared/capture';
import { painCategorySchema, painStatusSchema, type PainCategory, type PainPoint, type Participant, type ParticipantId } from '../../../shared/model';
import { AgendaTimer } from '../workshopMode/AgendaPanel';
import { usePresentation } from '../workshopMode/presentationStore';
import { useCaptureView } from './captureStore';

/** Heatmap mode and the filters that apply to the canvas badges, the heatmap and the list. */
export function CaptureBar({ participants, onAddSticky }: { participants: readonly Participant[]; onAddSticky: () => void }) {
  const { t } = useTranslation();
  const heatMode = useCaptureView((state) => state.heatMode);
  const setHeatMode = useCaptureView((state) => state.setHeatMode);
  const filter = useCaptureView((state) => state.filter);
  const setFilter = useCaptureView((state) => state.setFilter);
  const presenting = usePresentation((state) => state.presenting);
  const togglePresentation = usePresentation((state) => state.toggle);
  return (
    <div className="capture-bar" role="toolbar" aria-label={t('capture.heatmap')}>
      <button type="button" className={presenting ? 'primary' : undefined} aria-pressed={presenting} onClick={togglePresentation} data-testid="presentation-toggle">
        {presenting ? t('presentation.stop') : t('presentation.start')}
      </button>
      <button type="button" onClick={onAddSticky} data-testid="add-sticky">
        {t('workshopMode.addSticky')}
      </button>
      <AgendaTimer />
      <label>
        <span>{t('capture.heatmap')}</span>
        <select value={heatMode ?? ''} onChange={(event) => setHeatMode(event.target.value === '' ? null : (event.target.value as HeatMode))} data-testid="heatmap-mode">
          <option value="">{t('capture.heatOff')}</option>
          {HEAT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`capture.heatMode.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('capture.filterCategory')}</span>
        <select
          value={filter.categories[0] ?? ''}
          onChange={(event) => setFilter({ ...filter, categories: event.target.value === '' ? [] : [event.target.value as PainCategory] })}
          data-testid="filter-category"
        >
          <option value="">{t('capture.all')}</option>
          {painCategorySchema.options.map((category) => (
            <option key={category} value={category}>
              {t(`painCategory.${category}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('capture.filterStatus')}</span>
        <select
          value={filter.statuses[0] ?? ''}
          onChange={(event) => setFilter({ ...filter, statuses: event.target.value === '' ? [] : [event.target.value as PainPoint['status']] })}
          data-testid="filter-status"
        >
          <option value="">{t('capture.all')}</option>
          {painStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {t(`painStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('capture.filterParticipant')}</span>
        <select
          value={filter.participantId ?? ''}
          onChange={(event) => setFilter({ ...filter, participantId: event.target.value === '' ? null : (event.target.value as ParticipantId) })}
          data-testid="filter-participant"
        >
          <option value="">{t('capture.all')}</option>
          {participants.map((participant) => (
            <option key={participant.id} value={participant.id}>
              {participant.name}
            </option>
          ))}
        </select>
      </label>
      {isFiltering(filter) ? (
        <button type="button" onClick={() => setFilter(NO_FILTER)}>
          {t('capture.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
