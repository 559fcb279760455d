import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { mapToSvg } from '../../../shared/diagram';
import type { FullMapRecords } from '../../../shared/editor';
import type { MapVariant, Participant, WorkshopId } from '../../../shared/model';
import { moscowSchema, requirementTypeSchema } from '../../../shared/model/requirement';
import { languageSchema, type Language } from '../../../shared/platform/bridge';
import { workshopReport, type ReportLocation, type WorkshopReport } from '../../../shared/report';
import { useWorkshopDocument } from '../db/queries';
import { fileNameFor } from '../exportWorkshop';
import { usePlatform } from '../platform/platform';
import { routeHash } from '../routing';
import { errorText } from '../ui/errors';
import { useDateFormat } from '../ui/format';
import { useNotices } from '../ui/notices';
import './report.css';

/** The SVG drawing of a map as an image source: the picture, never markup, enters the page. */
const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

const variantLabel = (t: TFunction, variant: MapVariant): string => t(variant === 'asIs' ? 'editor.asIs' : 'editor.toBe');

/**
 * The workshop report: a document for management and for IT, in the UI language — cover,
 * participants, each process's As-Is and To-Be flows (the same drawings as the image export),
 * pain points by severity, exceptions, approval rules, KPIs and the backlog's figures. Printed
 * through the platform: PDF on the desktop, the browser's print dialog otherwise. A print
 * stylesheet hides the app around it and starts each part on a new A4 page.
 */
export function ReportScreen({ workshopId }: { workshopId: WorkshopId }) {
  const { t, i18n } = useTranslation();
  const document = useWorkshopDocument(workshopId);
  const lang = languageSchema.catch('ja').parse(i18n.language);
  const report = useMemo(() => (document ? workshopReport(document) : null), [document]);

  if (document === undefined) return <div className="loading" aria-busy="true" />;
  if (!report) {
    return (
      <main className="screen">
        <a href={routeHash({ name: 'library' })} className="back-link">
          ← {t('workshop.back')}
        </a>
        <p className="empty-state">{t('report.notFound')}</p>
      </main>
    );
  }
  return (
    <main className="report-screen">
      <div className="report-toolbar">
        <a href={routeHash({ name: 'workshop', workshopId })} className="back-link">
          ← {report.workshop.name}
        </a>
        <PrintButton workshopName={report.workshop.name} />
      </div>
      <Report report={report} lang={lang} />
    </main>
  );
}

function PrintButton({ workshopName }: { workshopName: string }) {
  const { t } = useTranslation();
  const bridge = usePlatform();
  const notify = useNotices((state) => state.show);
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    setPrinting(true);
    try {
      const saved = await bridge.printToPDF({
        title: t('report.printTitle'),
        suggestedName: fileNameFor(t('report.fileName', { name: workshopName }), 'pdf'),
        filters: [{ name: t('report.pdfFilter'), extensions: ['pdf'] }],
      });
      if (saved) notify(t('report.saved', { name: saved.name }));
    } catch (error) {
      notify(t('report.failed', { message: errorText(error) }));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <button type="button" className="primary" onClick={() => void print()} disabled={printing} aria-busy={printing || undefined}>
      {printing ? t('report.printing') : t('report.print')}
    </button>
  );
}

function Report({ report, lang }: { report: WorkshopReport; lang: Language }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const { workshop } = report;
  const period =
    workshop.startDate || workshop.endDate
      ? `${workshop.startDate ? formatDate(workshop.startDate) : '…'} – ${workshop.endDate ? formatDate(workshop.endDate) : '…'}`
      : t('report.noValue');
  const sections = [
    ['report-participants', t('report.participantsTitle')],
    ['report-processes', t('report.processesTitle')],
    ['report-pain-points', t('report.painPointsTitle')],
    ['report-exceptions', t('report.exceptionsTitle')],
    ['report-approval-rules', t('report.approvalRulesTitle')],
    ['report-kpis', t('report.kpisTitle')],
    ['report-backlog', t('report.backlogTitle')],
  ] as const;

  return (
    <article className="report" lang={lang} data-testid="report">
      <section className="report-cover" aria-labelledby="report-title">
        <p className="report-kind">{t('report.title')}</p>
        <h1 id="report-title">{workshop.name}</h1>
        <dl className="report-facts">
          <div>
            <dt>{t('report.organisation')}</dt>
            <dd>{workshop.organisation || t('report.noValue')}</dd>
          </div>
          <div>
            <dt>{t('report.businessArea')}</dt>
            <dd>{workshop.businessArea || t('report.noValue')}</dd>
          </div>
          <div>
            <dt>{t('report.period')}</dt>
            <dd>{period}</dd>
          </div>
          <div>
            <dt>{t('report.created')}</dt>
            <dd>{formatDate(new Date().toISOString().slice(0, 10))}</dd>
          </div>
        </dl>
        <nav className="report-contents" aria-label={t('report.contents')}>
          <h2>{t('report.contents')}</h2>
          <ol>
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`} onClick={(event) => jumpTo(event, id)}>
                  {title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </section>

      <ReportSection id="report-participants" title={t('report.participantsTitle')}>
        {workshop.participants.length === 0 ? (
          <p className="empty-state">{t('report.participantsEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.participantName')}</th>
                <th scope="col">{t('report.participantDepartment')}</th>
                <th scope="col">{t('report.participantRole')}</th>
              </tr>
            </thead>
            <tbody>
              {workshop.participants.map((participant) => (
                <tr key={participant.id}>
                  <td>{participant.name}</td>
                  <td>{t(`department.${participant.department}`)}</td>
                  <td>{participant.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>

      <ReportSection id="report-processes" title={t('report.processesTitle')}>
        {report.processes.length === 0 ? <p className="empty-state">{t('report.processesEmpty')}</p> : null}
        {report.processes.map(({ process, asIs, toBe, comparison }) => (
          <section key={process.id} className="report-process" aria-label={process.name} data-testid="report-process">
            <h3>{process.name}</h3>
            <Diagram name={process.name} variant="asIs" records={asIs} participants={workshop.participants} lang={lang} />
            {toBe ? (
              <Diagram name={process.name} variant="toBe" records={toBe} participants={workshop.participants} lang={lang} />
            ) : (
              <p className="secondary">{t('report.noToBe')}</p>
            )}
            {comparison ? <p className="report-comparison">{t('report.comparisonCounts', { ...comparison })}</p> : null}
          </section>
        ))}
      </ReportSection>

      <ReportSection id="report-pain-points" title={t('report.painPointsTitle')}>
        {report.painPointsBySeverity.length === 0 ? <p className="empty-state">{t('report.painPointsEmpty')}</p> : null}
        {report.painPointsBySeverity.map(({ severity, items }) => (
          <section key={severity} className="report-severity" data-severity={severity} aria-label={t('report.severityHeading', { severity, count: items.length })}>
            <h3>{t('report.severityHeading', { severity, count: items.length })}</h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.painTitle')}</th>
                  <th scope="col">{t('report.process')}</th>
                  <th scope="col">{t('report.where')}</th>
                  <th scope="col">{t('report.category')}</th>
                  <th scope="col">{t('report.status')}</th>
                  <th scope="col" className="numeric">
                    {t('report.hoursLost')}
                  </th>
                  <th scope="col">{t('report.raisedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map(({ painPoint, processName, where, raisedBy }) => (
                  <tr key={painPoint.id}>
                    <td>
                      <strong>{painPoint.title || t('editor.untitled')}</strong>
                      {painPoint.description ? <p className="report-quote">{painPoint.description}</p> : null}
                    </td>
                    <td>{processName}</td>
                    <td>{locationText(t, where)}</td>
                    <td>{t(`painCategory.${painPoint.category}`)}</td>
                    <td>
                      {t(`painStatus.${painPoint.status}`)}
                      {painPoint.status === 'deferred' && painPoint.deferReason ? <p className="secondary">{painPoint.deferReason}</p> : null}
                    </td>
                    <td className="numeric">{painPoint.hoursLostPerMonth ?? t('report.noValue')}</td>
                    <td>{personText(t, raisedBy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </ReportSection>

      <ReportSection id="report-exceptions" title={t('report.exceptionsTitle')}>
        {report.exceptions.length === 0 ? (
          <p className="empty-state">{t('report.exceptionsEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.process')}</th>
                <th scope="col">{t('report.step')}</th>
                <th scope="col">{t('report.trigger')}</th>
                <th scope="col">{t('report.currentHandling')}</th>
                <th scope="col">{t('report.desiredHandling')}</th>
                <th scope="col">{t('report.handledBy')}</th>
                <th scope="col">{t('report.frequency')}</th>
              </tr>
            </thead>
            <tbody>
              {report.exceptions.map(({ exception, processName, stepLabel, handledBy }) => (
                <tr key={exception.id}>
                  <td>{processName}</td>
                  <td>{stepLabel || t('editor.untitled')}</td>
                  <td>{exception.trigger}</td>
                  <td>{exception.currentHandling}</td>
                  <td>{exception.desiredHandling}</td>
                  <td>{personText(t, handledBy)}</td>
                  <td>{exception.frequency || t('report.noValue')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>

      <ReportSection id="report-approval-rules" title={t('report.approvalRulesTitle')}>
        {report.approvalRules.length === 0 ? (
          <p className="empty-state">{t('report.approvalRulesEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.process')}</th>
                <th scope="col">{t('report.step')}</th>
                <th scope="col">{t('report.approverRole')}</th>
                <th scope="col">{t('report.amountBand')}</th>
                <th scope="col">{t('report.deputy')}</th>
                <th scope="col">{t('report.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {report.approvalRules.map(({ rule, processName, stepLabel }) => (
                <tr key={rule.id}>
                  <td>{processName}</td>
                  <td>{stepLabel || t('editor.untitled')}</td>
                  <td>{rule.approverRole || t('report.noValue')}</td>
                  <td>{amountBand(t, lang, rule.minAmount, rule.maxAmount)}</td>
                  <td>{rule.deputy || t('report.noValue')}</td>
                  <td>{rule.evidenceRequired || t('report.noValue')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>

      <ReportSection id="report-kpis" title={t('report.kpisTitle')}>
        {report.kpis.length === 0 ? (
          <p className="empty-state">{t('report.kpisEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.process')}</th>
                <th scope="col">{t('report.kpiName')}</th>
                <th scope="col">{t('report.unit')}</th>
                <th scope="col" className="numeric">
                  {t('report.baseline')}
                </th>
                <th scope="col" className="numeric">
                  {t('report.target')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.kpis.map(({ kpi, processName }) => (
                <tr key={kpi.id}>
                  <td>{processName}</td>
                  <td>{kpi.name || t('editor.untitled')}</td>
                  <td>{kpi.unit || t('report.noValue')}</td>
                  <td className="numeric">{kpi.baseline === null ? t('report.noValue') : formatNumber(lang, kpi.baseline)}</td>
                  <td className="numeric">{kpi.target === null ? t('report.noValue') : formatNumber(lang, kpi.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportSection>

      <ReportSection id="report-backlog" title={t('report.backlogTitle')}>
        <BacklogSummaryView report={report} />
      </ReportSection>
    </article>
  );
}

/** Scrolls within the screen instead of changing the URL hash, which names the screen. */
function jumpTo(event: React.MouseEvent, id: string) {
  event.preventDefault();
  window.document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
}

function ReportSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Diagram({
  name,
  variant,
  records,
  participants,
  lang,
}: {
  name: string;
  variant: MapVariant;
  records: FullMapRecords;
  participants: readonly Participant[];
  lang: Language;
}) {
  const { t } = useTranslation();
  const source = useMemo(() => svgDataUrl(mapToSvg(records, { lang, participants })), [records, participants, lang]);
  return (
    <figure className="report-diagram" data-variant={variant}>
      <figcaption>
        {variantLabel(t, variant)} — {t('report.processSummary', { steps: records.steps.length, lanes: records.lanes.length })}
      </figcaption>
      <img src={source} alt={t('report.diagramAlt', { name, variant: variantLabel(t, variant) })} data-testid="report-diagram" />
    </figure>
  );
}

function BacklogSummaryView({ report }: { report: WorkshopReport }) {
  const { t } = useTranslation();
  const { backlog } = report;
  const { painPoints, exceptions, systemSteps } = backlog.coverage;
  return (
    <>
      <h3>{t('report.coverageTitle')}</h3>
      <ul className="report-coverage" data-testid="report-coverage">
        <li>
          <strong>{t('report.coveragePainPoints', { ...painPoints })}</strong>
          <Meter figure={painPoints} />
        </li>
        <li>
          {t('report.coverageExceptions', { ...exceptions })}
          <Meter figure={exceptions} />
        </li>
        <li>
          {t('report.coverageSystemSteps', { ...systemSteps })}
          <Meter figure={systemSteps} />
        </li>
      </ul>
      {backlog.total === 0 ? (
        <p className="empty-state">{t('report.backlogEmpty')}</p>
      ) : (
        <>
          <p>{t('report.requirementCount', { count: backlog.total })}</p>
          <table className="data-table report-backlog-table" data-testid="report-backlog">
            <thead>
              <tr>
                <th scope="col">{t('report.type')}</th>
                {moscowSchema.options.map((priority) => (
                  <th key={priority} scope="col" className="numeric">
                    {t(`moscow.${priority}`)}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t('report.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {requirementTypeSchema.options.map((type) => {
                const counts = backlog.byType[type];
                const total = moscowSchema.options.reduce((sum, priority) => sum + counts[priority], 0);
                if (total === 0) return null;
                return (
                  <tr key={type} data-type={type}>
                    <th scope="row">{t(`requirementType.${type}`)}</th>
                    {moscowSchema.options.map((priority) => (
                      <td key={priority} className="numeric">
                        {counts[priority]}
                      </td>
                    ))}
                    <td className="numeric">
                      <strong>{total}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                {moscowSchema.options.map((priority) => (
                  <td key={priority} className="numeric">
                    <strong>{backlog.byPriority[priority]}</strong>
                  </td>
                ))}
                <td className="numeric">
                  <strong>{backlog.total}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </>
  );
}

/** A bar that also prints (a background colour may be dropped by the printer; a border is not). */
function Meter({ figure }: { figure: { covered: number; total: number } }) {
  const share = figure.total === 0 ? 1 : figure.covered / figure.total;
  return (
    <span className="report-meter" aria-hidden="true">
      <span style={{ width: `${Math.round(share * 100)}%` }} />
    </span>
  );
}

function locationText(t: TFunction, where: ReportLocation): string {
  switch (where.kind) {
    case 'step':
      return t('report.whereStep', { label: where.label || t('editor.untitled'), variant: variantLabel(t, where.variant) });
    case 'connection':
      return t('report.whereConnection', { from: where.from || t('editor.untitled'), to: where.to || t('editor.untitled'), variant: variantLabel(t, where.variant) });
    case 'lane':
      return t('report.whereLane', { name: where.name, variant: variantLabel(t, where.variant) });
    case 'map':
      return t('report.whereMap', { variant: variantLabel(t, where.variant) });
    case 'unknown':
      return t('report.noValue');
  }
}

function personText(t: TFunction, participant: Participant | null): string {
  if (!participant) return t('report.noValue');
  return participant.role ? t('report.person', { name: participant.name, role: participant.role }) : participant.name;
}

const formatNumber = (lang: Language, value: number): string => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value);

function amountBand(t: TFunction, lang: Language, min: number | null, max: number | null): string {
  const format = (value: number) => formatNumber(lang, value);
  if (min !== null && max !== null) return t('report.amountBetween', { min: format(min), max: format(max) });
  if (min !== null) return t('report.amountFrom', { min: format(min) });
  if (max !== null) return t('report.amountUpTo', { max: format(max) });
  return t('report.amountAny');
}
