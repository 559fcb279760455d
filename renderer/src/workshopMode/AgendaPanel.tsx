import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nowTimestamp, type AgendaItem } from '../../../shared/model';
import {
  addAgendaItem,
  agendaStatus,
  deleteAgendaItem,
  moveAgendaItem,
  nextAgendaItem,
  sortAgenda,
  startAgendaItem,
  stopAgendaItem,
  updateAgendaItem,
} from '../../../shared/workshopMode';
import { applyCapture } from '../capture/captureActions';
import { useEditor } from '../editor/editorStore';
import { CommitText } from '../editor/fields';
import { captureContext } from '../editor/useEditContext';
import { isCommitEnter, isImeEnter } from '../ui/ime';

/** mm:ss (or h:mm:ss) of a number of seconds. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Re-renders every second while something runs: the countdown. */
export function useNow(running: boolean): string {
  const [now, setNow] = useState(nowTimestamp);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(nowTimestamp()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return running ? now : nowTimestamp();
}

/** The countdown of the running agenda item: shown above the canvas and in presentation mode, never taking the focus. */
export function AgendaTimer() {
  const { t } = useTranslation();
  const items = useEditor((state) => state.model.agendaItems);
  const running = [...items.values()].some((item) => item.startedAt !== null && item.finishedAt === null);
  const now = useNow(running);
  const status = useMemo(() => agendaStatus(items.values(), now), [items, now]);
  if (!status.current) return null;
  const { item, remainingSeconds, overrunSeconds } = status.current;
  return (
    <span className={`agenda-timer${overrunSeconds > 0 ? ' is-over' : ''}`} role="timer" aria-live="off" data-testid="agenda-timer">
      {item.title} · {overrunSeconds > 0 ? t('workshopMode.overrun', { time: clock(overrunSeconds) }) : t('workshopMode.remaining', { time: clock(remainingSeconds) })}
    </span>
  );
}

/** The workshop's agenda: timeboxed items, started, moved on and stopped with one click. */
export function AgendaPanel() {
  const { t } = useTranslation();
  const id = useId();
  const items = useEditor((state) => state.model.agendaItems);
  const workshopId = useEditor((state) => state.workshopId);
  const sorted = useMemo(() => sortAgenda(items.values()), [items]);
  const running = sorted.some((item) => item.startedAt !== null && item.finishedAt === null);
  const now = useNow(running);
  const status = useMemo(() => agendaStatus(items.values(), now), [items, now]);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(30);
  const model = () => useEditor.getState().model;
  const add = () => {
    if (!title.trim()) return;
    applyCapture(addAgendaItem(model(), captureContext(), { title, minutes }).patch);
    setTitle('');
  };
  return (
    <div className="inspector-section agenda-panel" data-testid="agenda-panel">
      <h2>{t('workshopMode.agenda')}</h2>
      {sorted.length === 0 ? <p className="secondary">{t('workshopMode.agendaEmpty')}</p> : null}
      <ol className="annotation-cards">
        {sorted.map((item, index) => (
          <AgendaRow key={item.id} item={item} index={index} count={sorted.length} seconds={status.items.find((entry) => entry.item.id === item.id)} />
        ))}
      </ol>
      <div className="field-row agenda-new">
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('workshopMode.agendaItemTitle')}</label>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => {
              if (isImeEnter(event)) return;
              if (isCommitEnter(event)) {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('workshopMode.agendaMinutes')}</label>
          <input id={`${id}-minutes`} type="number" min={1} max={600} value={minutes} onChange={(event) => setMinutes(Math.min(600, Math.max(1, Math.round(Number(event.target.value) || 1))))} />
        </div>
      </div>
      <div className="button-row">
        <button type="button" onClick={add} disabled={!title.trim()}>
          {t('workshopMode.addAgendaItem')}
        </button>
        {workshopId ? (
          <>
            <button type="button" className="primary" disabled={!status.next} onClick={() => applyCapture(nextAgendaItem(model(), workshopId, nowTimestamp()))}>
              {running ? t('workshopMode.next') : t('workshopMode.start')}
            </button>
            <button type="button" disabled={!running} onClick={() => applyCapture(stopAgendaItem(model(), workshopId, nowTimestamp()))}>
              {t('workshopMode.stop')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function AgendaRow({ item, index, count, seconds }: { item: AgendaItem; index: number; count: number; seconds: ReturnType<typeof agendaStatus>['items'][number] | undefined }) {
  const { t } = useTranslation();
  const model = () => useEditor.getState().model;
  const running = seconds?.state === 'running';
  return (
    <li className={`annotation-card agenda-item${running ? ' is-open' : ''}`} data-testid="agenda-item">
      <div className="annotation-fields">
        <div className="field-row">
          <CommitText label={t('workshopMode.agendaItemTitle')} value={item.title} onCommit={(title) => title.trim() && applyCapture(updateAgendaItem(model(), item.id, { title: title.trim() }, nowTimestamp()))} />
          <CommitText
            label={t('workshopMode.agendaMinutes')}
            type="number"
            value={String(item.minutes)}
            onCommit={(text) => {
              const minutes = Math.round(Number(text.normalize('NFKC')));
              if (minutes >= 1) applyCapture(updateAgendaItem(model(), item.id, { minutes }, nowTimestamp()));
            }}
          />
        </div>
        {seconds && seconds.state !== 'pending' ? (
          <p className="secondary">{seconds.overrunSeconds > 0 ? t('workshopMode.overrun', { time: clock(seconds.overrunSeconds) }) : t('workshopMode.remaining', { time: clock(seconds.remainingSeconds) })}</p>
        ) : null}
        <div className="note-actions">
          <button type="button" onClick={() => applyCapture(startAgendaItem(model(), item.id, nowTimestamp()))}>
            {t('workshopMode.start')}
          </button>
          <button type="button" aria-label={`${item.title} ${t('backlog.moveUp')}`} disabled={index === 0} onClick={() => applyCapture(moveAgendaItem(model(), item.id, index - 1, nowTimestamp()))}>
            ↑
          </button>
          <button type="button" aria-label={`${item.title} ${t('backlog.moveDown')}`} disabled={index === count - 1} onClick={() => applyCapture(moveAgendaItem(model(), item.id, index + 1, nowTimestamp()))}>
            ↓
          </button>
          <button type="button" className="danger-text" aria-label={t('capture.delete')} onClick={() => applyCapture(deleteAgendaItem(model(), item.id))}>
            ×
          </button>
        </div>
      </div>
    </li>
  );
}
