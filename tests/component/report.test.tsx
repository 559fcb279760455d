import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { backlogCoverage, indexWorkshop, listedRequirements } from '../../shared/backlog';
import { workshopChildTables, type WorkshopDocument } from '../../shared/model';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { createWorkshop } from '../../renderer/src/db/workshopRepository';
import { routeHash } from '../../renderer/src/routing';
import { backlogDocumentWithRequirements } from '../fixtures/backlogDocument';
import { renderApp } from './renderApp';

let count = 0;

async function databaseWith(document: WorkshopDocument): Promise<KakehashiDatabase> {
  const db = new KakehashiDatabase(`report-test-${++count}`);
  await db.open();
  await db.workshops.add(document.workshop);
  for (const table of workshopChildTables) {
    const rows = document[table] as unknown[];
    if (rows.length > 0) await (db[table] as Table).bulkAdd(rows);
  }
  return db;
}

async function openReport(document: WorkshopDocument, language: 'ja' | 'en' = 'ja') {
  const db = await databaseWith(document);
  window.location.hash = routeHash({ name: 'report', workshopId: document.workshop.id });
  const view = renderApp({ db, language });
  const report = await screen.findByTestId('report');
  return { ...view, report };
}

/** The SVG inside a diagram's image source. */
const svgOf = (image: HTMLElement): string => decodeURIComponent((image.getAttribute('src') ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));

const sectionTitled = (report: HTMLElement, title: string): HTMLElement => {
  const heading = within(report).getByRole('heading', { level: 2, name: title });
  return heading.closest('section') as HTMLElement;
};

describe('the workshop report', () => {
  it('has a cover, participants, every process with its As-Is and To-Be diagrams, and the captured findings', async () => {
    // Given the accounts-payable workshop with its backlog
    const document = backlogDocumentWithRequirements('ja');
    const { report } = await openReport(document);

    // Then the cover names the workshop, the organisation and the dates
    expect(within(report).getByRole('heading', { level: 1 }).textContent).toBe('買掛金業務 改善ワークショップ');
    expect(report.textContent).toContain('業務フロー・ワークショップ報告書');
    expect(report.textContent).toContain('株式会社サンプル商事');
    expect(report.textContent).toContain('経理・財務（買掛金）');
    expect(report.textContent).toMatch(/2026.*11.*18/);

    // the sections, in order
    const titles = within(report)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(['目次', '参加者', '業務フロー', '困りごと（深刻度別）', '例外処理', '承認ルール', 'KPI', '要件バックログの概要']);

    // participants
    const participants = sectionTitled(report, '参加者');
    for (const participant of document.workshop.participants) expect(participants.textContent).toContain(participant.name);
    expect(participants.textContent).toContain('経理課長');

    // each process: As-Is and To-Be drawn with every step
    const process = within(report).getByTestId('report-process');
    expect(within(process).getByRole('heading', { level: 3 }).textContent).toBe('買掛金支払');
    const [asIs, toBe] = within(process).getAllByTestId('report-diagram');
    expect(asIs!.getAttribute('alt')).toBe('買掛金支払 の現状 (As-Is)のフロー図');
    for (const step of document.steps.filter((candidate) => candidate.mapId === document.processes[0]!.asIsMapId)) {
      expect(svgOf(asIs!)).toContain(`<title>${step.label}</title>`);
    }
    expect(svgOf(toBe!)).toContain('三点照合（自動）');
    expect(process.textContent).toMatch(/As-Is → To-Be: 削除 \d+・追加 \d+・変更 \d+・自動化 \d+/);

    // pain points from the most severe down
    const painSection = sectionTitled(report, '困りごと（深刻度別）');
    const severities = [...painSection.querySelectorAll('[data-severity]')].map((group) => Number(group.getAttribute('data-severity')));
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(painSection.querySelectorAll('tbody tr')).toHaveLength(document.painPoints.length);
    for (const painPoint of document.painPoints) expect(painSection.textContent).toContain(painPoint.title);

    // exceptions, approval rules, KPIs
    const exceptions = sectionTitled(report, '例外処理');
    expect(exceptions.querySelectorAll('tbody tr')).toHaveLength(document.exceptions.length);
    for (const exception of document.exceptions) expect(exceptions.textContent).toContain(exception.trigger);
    const rules = sectionTitled(report, '承認ルール');
    expect(rules.querySelectorAll('tbody tr')).toHaveLength(document.approvalRules.length);
    for (const rule of document.approvalRules) expect(rules.textContent).toContain(rule.approverRole);
    const kpis = sectionTitled(report, 'KPI');
    for (const kpi of document.kpis) expect(kpis.textContent).toContain(kpi.name);

    // the backlog: counts by type and priority, and coverage
    const backlog = sectionTitled(report, '要件バックログの概要');
    const listed = listedRequirements(indexWorkshop(document));
    expect(backlog.textContent).toContain(`要件 ${listed.length} 件`);
    const table = within(backlog).getByTestId('report-backlog');
    expect(table.querySelector('tfoot td:last-child')?.textContent).toBe(String(listed.length));
    const must = listed.filter((requirement) => requirement.priority === 'must').length;
    expect(table.querySelector('tfoot td:nth-of-type(1)')?.textContent).toBe(String(must));
    const coverage = backlogCoverage(document);
    expect(within(backlog).getByTestId('report-coverage').textContent).toContain(
      `困りごと ${coverage.painPoints.covered} / ${coverage.painPoints.total} 件をカバー`,
    );
  });

  it('is in English when the UI is', async () => {
    const document = backlogDocumentWithRequirements('en');
    const { report } = await openReport(document, 'en');
    expect(report.textContent).toContain('Business-flow workshop report');
    expect(within(report).getByRole('heading', { level: 2, name: 'Pain points by severity' })).toBeTruthy();
    const coverage = backlogCoverage(document);
    expect(report.textContent).toContain(`${coverage.painPoints.covered} / ${coverage.painPoints.total} pain points covered`);
    const [asIs] = within(report).getAllByTestId('report-diagram');
    expect(svgOf(asIs!)).toContain('Department');
    expect(screen.getByRole('button', { name: 'Print / Save as PDF' })).toBeTruthy();
  });

  it('prints through the platform bridge as an A4 PDF named after the workshop', async () => {
    const user = userEvent.setup();
    const { bridge } = await openReport(backlogDocumentWithRequirements('ja'));
    await user.click(screen.getByRole('button', { name: '印刷 / PDF に保存' }));
    expect(bridge.printToPDF).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ suggestedName: '買掛金業務 改善ワークショップ-報告書.pdf', filters: [{ name: 'PDF 文書', extensions: ['pdf'] }] }),
    );
    expect(await screen.findByText('「買掛金業務 改善ワークショップ-報告書.pdf」を保存しました。')).toBeTruthy();
  });

  it('says what is missing in a workshop with nothing captured yet, and is linked from the workshop screen', async () => {
    const user = userEvent.setup();
    const db = new KakehashiDatabase(`report-test-${++count}`);
    await db.open();
    const workshop = await createWorkshop(db, { name: '空のワークショップ' });
    window.location.hash = routeHash({ name: 'workshop', workshopId: workshop.id });
    renderApp({ db });
    await user.click(await screen.findByRole('link', { name: '報告書' }));
    const report = await screen.findByTestId('report');
    await waitFor(() => expect(window.location.hash).toBe(routeHash({ name: 'report', workshopId: workshop.id })));
    for (const text of ['参加者は登録されていません。', '業務プロセスはまだありません。', '困りごとは記録されていません。', '例外処理は記録されていません。', 'KPI は設定されていません。', '要件はまだありません。']) {
      expect(report.textContent).toContain(text);
    }
    expect(report.textContent).toContain('困りごと 0 / 0 件をカバー');
  });

  it('writes user text as text', async () => {
    const document = backlogDocumentWithRequirements('ja');
    const hostile = { ...document, workshop: { ...document.workshop, name: '<img src=x onerror=alert(1)>' } };
    const { report } = await openReport(hostile);
    expect(within(report).getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(report.querySelector('img[src="x"]')).toBeNull();
  });
});
