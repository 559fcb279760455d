import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bulkUpdateRequirements,
  editRequirement,
  mergeRequirements,
  moveRequirement,
  compareKeys,
  sortBacklog,
  sourceLabel,
  splitRequirement,
  type BulkChange,
  type DecidedStatus,
  type RequirementChanges,
  type WorkshopIndex,
} from '../../../shared/backlog';
import {
  foldForSearch,
  moscowSchema,
  nowTimestamp,
  requirementOwnerSchema,
  requirementTypeSchema,
  type Requirement,
  type RequirementId,
  type WorkshopDocument,
} from '../../../shared/model';
import { languageSchema } from '../../../shared/platform/bridge';
import { writeRequirements } from '../db/backlogRepository';
import { useDatabase } from '../db/DatabaseContext';
import { CommitText } from '../editor/fields';
import { errorText } from '../ui/errors';
import { useNotices } from '../ui/notices';
import { sourceHref } from './sourceLinks';

const DECIDED: readonly DecidedStatus[] = ['draft', 'agreed', 'rejected'];

interface Filter {
  readonly query: string;
  readonly type: string;
  readonly priority: string;
  readonly owner: string;
  readonly status: string;
}

const NO_FILTER: Filter = { query: '', type: '', priority: '', owner: '', status: '' };

/** `order` is the backlog's own order (the one ↑/↓ change); the others sort a view of it. */
type SortKey = 'order' | 'key' | 'title' | 'type' | 'priority' | 'owner' | 'status' | 'sources';

const RANKS: Partial<Record<SortKey, readonly string[]>> = {
  type: requirementTypeSchema.options,
  priority: moscowSchema.options,
  owner: requirementOwnerSchema.options,
  status: ['draft', 'agreed', 'sourceRemoved', 'rejected', 'merged'],
};

function compareBy(key: SortKey): (a: Requirement, b: Requirement) => number {
  const ranks = RANKS[key];
  if (ranks) return (a, b) => ranks.indexOf(a[key as 'type']) - ranks.indexOf(b[key as 'type']);
  if (key === 'key') return (a, b) => compareKeys(a.key, b.key);
  if (key === 'title') return (a, b) => a.title.localeCompare(b.title, 'ja');
  if (key === 'sources') return (a, b) => a.sources.length - b.sources.length;
  return () => 0;
}

function matches(requirement: Requirement, filter: Filter): boolean {
  const needle = foldForSearch(filter.query.trim());
  return (
    (!filter.type || requirement.type === filter.type) &&
    (!filter.priority || requirement.priority === filter.priority) &&
    (!filter.owner || requirement.owner === filter.owner) &&
    (!filter.status || requirement.status === filter.status) &&
    (!needle || foldForSearch(`${requirement.key} ${requirement.title} ${requirement.description} ${requirement.acceptanceCriteria.join(' ')}`).includes(needle))
  );
}

/** The backlog as a table: filter, search, edit in place, reorder, bulk-change, merge, split. */
export function BacklogTable({ document, index }: { document: WorkshopDocument; index: WorkshopIndex }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const notify = useNotices((state) => state.show);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<RequirementId>>(new Set());
  const [openId, setOpenId] = useState<RequirementId | null>(null);
  const all = useMemo(() => sortBacklog(document.requirements), [document.requirements]);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'order', descending: false });
  const shown = useMemo(() => {
    const filtered = all.filter((requirement) => matches(requirement, filter));
    if (sort.key === 'order') return filtered;
    const compare = compareBy(sort.key);
    // Stable: ties keep the backlog order.
    return [...filtered].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  }, [all, filter, sort]);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort(sort.key === key ? (sort.descending ? { key: 'order', descending: false } : { key, descending: true }) : { key, descending: false })}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const keyOf = (id: string | null) => all.find((requirement) => requirement.id === id)?.key ?? '';

  const write = (put: readonly Requirement[]) => {
    if (put.length > 0) void writeRequirements(db, document.workshop.id, put).catch((error: unknown) => notify(errorText(error)));
  };
  const edit = (requirement: Requirement, changes: RequirementChanges) => write(editRequirement(requirement, changes, nowTimestamp()));
  const bulk = (change: BulkChange) => write(bulkUpdateRequirements(all, [...selected], change, nowTimestamp()));
  const move = (requirement: Requirement, offset: -1 | 1) => {
    const at = shown.indexOf(requirement) + offset;
    const neighbour = shown[at];
    if (neighbour) write(moveRequirement(all, requirement.id, all.indexOf(neighbour), nowTimestamp()));
  };
  const mergeSelected = () => {
    const [kept, absorbed] = shown.filter((requirement) => selected.has(requirement.id));
    if (!kept || !absorbed) return;
    write(mergeRequirements(all, kept.id, absorbed.id, nowTimestamp()));
    setSelected(new Set());
  };
  const toggle = (id: RequirementId) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const select = (label: string, value: string, options: readonly string[], labelOf: (option: string) => string, onChange: (value: string) => void) => (
    <label className="filter-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('backlog.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </label>
  );

  if (all.length === 0) return <p className="empty-state">{t('backlog.empty')}</p>;

  return (
    <section className="backlog-table-section" data-testid="backlog-table">
      <div className="list-controls backlog-filters">
        <input type="search" value={filter.query} placeholder={t('backlog.search')} aria-label={t('backlog.search')} onChange={(event) => setFilter({ ...filter, query: event.target.value })} />
        {select(t('backlog.filterType'), filter.type, requirementTypeSchema.options, (option) => t(`requirementType.${option}`), (type) => setFilter({ ...filter, type }))}
        {select(t('backlog.filterPriority'), filter.priority, moscowSchema.options, (option) => t(`moscow.${option}`), (priority) => setFilter({ ...filter, priority }))}
        {select(t('backlog.filterOwner'), filter.owner, requirementOwnerSchema.options, (option) => t(`requirementOwner.${option}`), (owner) => setFilter({ ...filter, owner }))}
        {select(t('backlog.filterStatus'), filter.status, ['draft', 'agreed', 'rejected', 'sourceRemoved', 'merged'], (option) => t(`requirementStatus.${option}`), (status) => setFilter({ ...filter, status }))}
        <span className="secondary" aria-live="polite">
          {t('backlog.count', { shown: shown.length, total: all.length })}
        </span>
      </div>
      {selected.size > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label={t('backlog.selected', { count: selected.size })}>
          <strong>{t('backlog.selected', { count: selected.size })}</strong>
          {select(t('backlog.bulkPriority'), '', moscowSchema.options, (option) => t(`moscow.${option}`), (priority) => priority && bulk({ priority: moscowSchema.parse(priority) }))}
          {select(t('backlog.bulkOwner'), '', requirementOwnerSchema.options, (option) => t(`requirementOwner.${option}`), (owner) => owner && bulk({ owner: requirementOwnerSchema.parse(owner) }))}
          {select(t('backlog.bulkStatus'), '', DECIDED, (option) => t(`requirementStatus.${option}`), (status) => status && bulk({ status: status as DecidedStatus }))}
          <button type="button" disabled={selected.size !== 2} onClick={mergeSelected}>
            {t('backlog.merge')}
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            {t('backlog.clearSelection')}
          </button>
        </div>
      ) : null}
      <table className="data-table backlog-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('backlog.selectAll')}
                checked={shown.length > 0 && shown.every((requirement) => selected.has(requirement.id))}
                onChange={(event) => setSelected(event.target.checked ? new Set(shown.map((requirement) => requirement.id)) : new Set())}
              />
            </th>
            {header('key', t('backlog.key'))}
            {header('title', t('backlog.reqTitle'))}
            {header('type', t('backlog.type'))}
            {header('priority', t('backlog.priority'))}
            {header('owner', t('backlog.owner'))}
            {header('status', t('backlog.status'))}
            {header('sources', t('backlog.sources'))}
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((requirement, position) => (
            <RequirementRow
              key={requirement.id}
              requirement={requirement}
              index={index}
              open={openId === requirement.id}
              selected={selected.has(requirement.id)}
              first={position === 0 || sort.key !== 'order'}
              last={position === shown.length - 1 || sort.key !== 'order'}
              mergedIntoKey={keyOf(requirement.mergedIntoId)}
              onToggle={() => toggle(requirement.id)}
              onOpen={() => setOpenId(openId === requirement.id ? null : requirement.id)}
              onEdit={(changes) => edit(requirement, changes)}
              onMove={(offset) => move(requirement, offset)}
              onSplit={(title, movedCriteria) => write(splitRequirement(all, requirement.id, { title, movedCriteria }, nowTimestamp()))}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface RowProps {
  readonly requirement: Requirement;
  readonly index: WorkshopIndex;
  readonly open: boolean;
  readonly selected: boolean;
  readonly first: boolean;
  readonly last: boolean;
  readonly mergedIntoKey: string;
  onToggle(): void;
  onOpen(): void;
  onEdit(changes: RequirementChanges): void;
  onMove(offset: -1 | 1): void;
  onSplit(title: string, movedCriteria: number[]): void;
}

function RequirementRow({ requirement, index, open, selected, first, last, mergedIntoKey, onToggle, onOpen, onEdit, onMove, onSplit }: RowProps) {
  const { t } = useTranslation();
  const readOnly = requirement.status === 'merged';
  const enumSelect = <V extends string>(label: string, value: V, options: readonly V[], labelOf: (option: V) => string, onChange: (value: V) => void) => (
    <select aria-label={`${requirement.key} ${label}`} value={value} disabled={readOnly} onChange={(event) => onChange(event.target.value as V)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <tr className={`requirement-row status-${requirement.status}${selected ? ' is-selected' : ''}`} data-testid="requirement-row" data-key={requirement.key}>
        <td>
          <input type="checkbox" aria-label={t('backlog.select', { key: requirement.key })} checked={selected} onChange={onToggle} />
        </td>
        <td className="requirement-key">{requirement.key}</td>
        <td className="requirement-title">
          {readOnly ? (
            <span>
              {requirement.title} <span className="secondary">({t('backlog.mergedInto', { key: mergedIntoKey })})</span>
            </span>
          ) : (
            <CommitText label={`${requirement.key} ${t('backlog.reqTitle')}`} value={requirement.title} onCommit={(title) => title.trim() && onEdit({ title: title.trim() })} />
          )}
        </td>
        <td>{enumSelect(t('backlog.type'), requirement.type, requirementTypeSchema.options, (option) => t(`requirementType.${option}`), (type) => onEdit({ type }))}</td>
        <td>{enumSelect(t('backlog.priority'), requirement.priority, moscowSchema.options, (option) => t(`moscow.${option}`), (priority) => onEdit({ priority }))}</td>
        <td>{enumSelect(t('backlog.owner'), requirement.owner, requirementOwnerSchema.options, (option) => t(`requirementOwner.${option}`), (owner) => onEdit({ owner }))}</td>
        <td>
          {readOnly || requirement.status === 'sourceRemoved' ? (
            <span className={`status-tag status-${requirement.status}`}>{t(`requirementStatus.${requirement.status}`)}</span>
          ) : null}
          {readOnly ? null : enumSelect(t('backlog.status'), requirement.status === 'sourceRemoved' ? 'draft' : (requirement.status as DecidedStatus), DECIDED, (option) => t(`requirementStatus.${option}`), (status) => onEdit({ status }))}
        </td>
        <td>{requirement.sources.length}</td>
        <td className="row-actions">
          <button type="button" aria-label={`${requirement.key} ${t('backlog.moveUp')}`} disabled={first} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" aria-label={`${requirement.key} ${t('backlog.moveDown')}`} disabled={last} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" aria-expanded={open} onClick={onOpen}>
            {t('backlog.details')}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="requirement-details">
          <td colSpan={9}>
            <RequirementDetails requirement={requirement} index={index} readOnly={readOnly} onEdit={onEdit} onSplit={onSplit} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RequirementDetails({
  requirement,
  index,
  readOnly,
  onEdit,
  onSplit,
}: {
  requirement: Requirement;
  index: WorkshopIndex;
  readOnly: boolean;
  onEdit: (changes: RequirementChanges) => void;
  onSplit: (title: string, movedCriteria: number[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = languageSchema.catch('ja').parse(i18n.language);
  const [splitTitle, setSplitTitle] = useState('');
  const [moved, setMoved] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="requirement-detail-grid" data-testid="requirement-details">
      <div>
        <CommitText label={t('backlog.description')} value={requirement.description} multiline onCommit={(description) => !readOnly && onEdit({ description })} />
        <CommitText
          label={t('backlog.acceptanceCriteria')}
          value={requirement.acceptanceCriteria.join('\n')}
          multiline
          onCommit={(text) =>
            !readOnly &&
            onEdit({
              acceptanceCriteria: text
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line.length > 0),
            })
          }
        />
      </div>
      <div>
        <h3>{t('backlog.sourceList')}</h3>
        {requirement.sources.length === 0 ? <p className="secondary">{t('backlog.noSources')}</p> : null}
        <ul className="link-list">
          {requirement.sources.map((source) => {
            const href = sourceHref(index, source);
            const label = sourceLabel(index, source, lang) || t('backlog.sourceGone');
            return (
              <li key={`${source.kind}:${source.id}`}>
                <span className="annotation-kind-label">{t(`backlog.sourceKind.${source.kind}`)}</span> {href ? <a href={href}>{label}</a> : <span>{label}</span>}
              </li>
            );
          })}
        </ul>
        {readOnly ? null : (
          <details className="split-form">
            <summary>{t('backlog.split')}</summary>
            <div className="field">
              <label htmlFor={`split-${requirement.id}`}>{t('backlog.splitTitle')}</label>
              <input id={`split-${requirement.id}`} value={splitTitle} onChange={(event) => setSplitTitle(event.target.value)} />
            </div>
            {requirement.acceptanceCriteria.length > 0 ? (
              <fieldset className="field">
                <legend>{t('backlog.splitCriteria')}</legend>
                {requirement.acceptanceCriteria.map((criterion, position) => (
                  <label key={`${position}-${criterion}`} className="checkbox">
                    <input
                      type="checkbox"
                      checked={moved.has(position)}
                      onChange={() => {
                        const next = new Set(moved);
                        if (next.has(position)) next.delete(position);
                        else next.add(position);
                        setMoved(next);
                      }}
                    />
                    <span>{criterion}</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <button
              type="button"
              disabled={!splitTitle.trim()}
              onClick={() => {
                onSplit(splitTitle, [...moved]);
                setSplitTitle('');
                setMoved(new Set());
              }}
            >
              {t('backlog.splitDo')}
            </button>
          </details>
        )}
      </div>
    </div>
  );
}
