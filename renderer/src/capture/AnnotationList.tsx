import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annotationRows, searchAnnotationRows, sortAnnotationRows, type AnnotationRow, type AnnotationSort } from '../../../shared/capture';
import type { LaneId, Participant, PainPoint } from '../../../shared/model';
import { useEditor } from '../editor/editorStore';
import { SeverityChip } from './AnnotationCards';
import { useCaptureView } from './captureStore';
import { useJumpTo } from './useRevealStep';

const SORTS: readonly AnnotationSort[] = ['severity', 'hoursLost', 'where', 'kind', 'createdAt'];

/** Every remark on the map in one sortable, searchable list; a click jumps to where it is and opens it. */
export function AnnotationList({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const mapId = useEditor((state) => state.mapId);
  const filter = useCaptureView((state) => state.filter);
  const expand = useCaptureView((state) => state.expand);
  const setPanel = useCaptureView((state) => state.setPanel);
  const [query, setQuery] = useState('');
  const [sortBy, setSortBy] = useState<AnnotationSort>('severity');
  const [descending, setDescending] = useState(true);
  const jumpTo = useJumpTo();

  const rows = useMemo(() => {
    if (!mapId) return [];
    const all = annotationRows(model, mapId, filter, t('capture.onMap'));
    return sortAnnotationRows(searchAnnotationRows(all, query), sortBy, descending);
  }, [model, mapId, filter, query, sortBy, descending, t]);

  const open = (row: AnnotationRow) => {
    const painPoint = row.kind === 'painPoint' ? model.painPoints.get(row.id as PainPoint['id']) : undefined;
    const laneId = painPoint?.target.kind === 'lane' ? (painPoint.target.laneId as LaneId) : null;
    if (row.stepId === null && laneId === null) useEditor.getState().select([]);
    jumpTo({ stepId: row.stepId, laneId });
    expand(row.id);
    setPanel('inspector');
  };
  const nameOf = (id: string | null) => participants.find((participant) => participant.id === id)?.name;

  return (
    <div className="inspector-section annotation-list" data-testid="annotation-list">
      <div className="list-controls">
        <input type="search" value={query} placeholder={t('capture.listSearch')} aria-label={t('capture.listSearch')} onChange={(event) => setQuery(event.target.value)} />
        <label>
          <span className="visually-hidden">{t('capture.sortBy')}</span>
          <select value={sortBy} aria-label={t('capture.sortBy')} onChange={(event) => setSortBy(event.target.value as AnnotationSort)}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`capture.sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={descending} onChange={(event) => setDescending(event.target.checked)} />
          <span>{t('capture.descending')}</span>
        </label>
      </div>
      <p className="secondary" aria-live="polite">
        {t('capture.listCount', { count: rows.length })}
      </p>
      {rows.length === 0 ? <p className="empty-state">{t('capture.listEmpty')}</p> : null}
      <ul className="annotation-rows">
        {rows.map((row) => (
          <li key={row.id}>
            <button type="button" className={`annotation-row kind-${row.kind}`} onClick={() => open(row)} title={t('capture.jumpTo', { where: row.where })} data-testid="annotation-row">
              <span className="annotation-kind-label">{t(`capture.kind.${row.kind}`)}</span>
              {row.severity !== null ? <SeverityChip severity={row.severity} /> : null}
              <span className="annotation-title">{row.title || t('editor.untitled')}</span>
              <span className="annotation-meta">
                {row.where}
                {row.hoursLost !== null ? ` · ${t('capture.heatUnit.hoursLost', { value: row.hoursLost })}` : ''}
                {row.status ? ` · ${t(`painStatus.${row.status}`)}` : ''}
                {nameOf(row.who) ? ` · ${nameOf(row.who)}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
