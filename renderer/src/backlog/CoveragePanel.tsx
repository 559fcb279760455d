import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { backlogCoverage, type CoverageFigure, type WorkshopIndex } from '../../../shared/backlog';
import type { RequirementSource, WorkshopDocument } from '../../../shared/model';
import { sourceHref } from './sourceLinks';

/** "42 / 45 pain points covered", and what is not, each a link to its step. */
export function CoveragePanel({ document, index }: { document: WorkshopDocument; index: WorkshopIndex }) {
  const { t } = useTranslation();
  const coverage = useMemo(() => backlogCoverage(document), [document]);
  const figure = (key: 'coveredPainPoints' | 'coveredExceptions' | 'coveredSystemSteps', value: CoverageFigure) => (
    <li className={value.covered === value.total ? 'is-complete' : 'is-incomplete'} data-testid={key}>
      {t(`backlog.${key}`, { covered: value.covered, total: value.total })}
    </li>
  );
  const gaps: { title: string; items: { source: RequirementSource; label: string; note?: string }[] }[] = [
    {
      title: t('backlog.uncoveredPainPoints'),
      items: coverage.uncoveredPainPoints.map((gap) => ({
        source: { kind: 'painPoint', id: gap.painPoint.id },
        label: gap.painPoint.title,
        ...(gap.reason === 'deferredWithoutReason' ? { note: t('backlog.deferredWithoutReason') } : {}),
      })),
    },
    {
      title: t('backlog.exceptionsWithoutRequirement'),
      items: coverage.exceptionsWithoutRequirement.map((exception) => ({ source: { kind: 'exception', id: exception.id }, label: exception.trigger })),
    },
    {
      title: t('backlog.systemStepsWithoutRequirement'),
      items: coverage.systemStepsWithoutRequirement.map((step) => ({ source: { kind: 'toBeStep', id: step.id }, label: step.label })),
    },
  ];
  const open = gaps.filter((gap) => gap.items.length > 0);
  return (
    <section className="panel coverage-panel" data-testid="coverage">
      <h2>{t('backlog.coverage')}</h2>
      <ul className="coverage-figures">
        {figure('coveredPainPoints', coverage.painPoints)}
        {figure('coveredExceptions', coverage.exceptions)}
        {figure('coveredSystemSteps', coverage.systemSteps)}
      </ul>
      {open.length === 0 ? <p className="secondary">{t('backlog.allCovered')}</p> : null}
      {open.map((gap) => (
        <details key={gap.title} className="coverage-gap">
          <summary>
            {gap.title} ({gap.items.length})
          </summary>
          <ul className="link-list">
            {gap.items.map((item) => {
              const href = sourceHref(index, item.source);
              const label = item.label || t('editor.untitled');
              return (
                <li key={item.source.id}>
                  {href ? <a href={href}>{label}</a> : label}
                  {item.note ? <span className="secondary"> — {item.note}</span> : null}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
