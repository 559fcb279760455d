import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addPainPoint } from '../../shared/capture';
import { writeBacklogJson, backlogEnvelope, exportContext } from '../../shared/export';
import { nowTimestamp, type StepId, type WorkshopId } from '../../shared/model';
import { findTemplate, instantiateTemplate } from '../../shared/templates';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { addProcess, createWorkshop, loadWorkshopDocument } from '../../renderer/src/db/workshopRepository';
import { routeHash } from '../../renderer/src/routing';
import { renderApp } from './renderApp';

let count = 0;

/** A workshop whose 買掛金支払 As-Is map has two pain points, its backlog screen open. */
async function openBacklog() {
  const db = new KakehashiDatabase(`backlog-test-${++count}`);
  await db.open();
  const workshop = await createWorkshop(db, { name: '買掛金業務' });
  const template = findTemplate('accountsPayable')!;
  const processId = await addProcess(db, workshop.id, '買掛金支払', (ids) => instantiateTemplate(template, 'ja', ids));
  const process = (await db.processes.get(processId))!;
  const steps = await db.steps.where('mapId').equals(process.asIsMapId).toArray();
  const on = (label: string) => steps.find((step) => step.label === label)!.id as StepId;
  const ctx = { workshopId: workshop.id as WorkshopId, processId, mapId: process.asIsMapId, now: nowTimestamp() };
  for (const [label, title] of [
    ['支払依頼書作成', 'Excel から二重入力'],
    ['部門長承認', '承認が遅い'],
  ] as const) {
    await db.painPoints.bulkPut([...addPainPoint(ctx, { kind: 'step', stepId: on(label) }, { title, severity: 4 }).patch.put.painPoints]);
  }
  window.location.hash = routeHash({ name: 'backlog', workshopId: workshop.id });
  const view = renderApp({ db });
  await screen.findByRole('button', { name: 'マップから下書きを生成' });
  return { db, view, workshopId: workshop.id };
}

const rows = () => screen.getAllByTestId('requirement-row');

describe('backlog screen', () => {
  it('generates drafts with keys and shows the coverage figure', async () => {
    const { db } = await openBacklog();
    expect(screen.getByTestId('coveredPainPoints').textContent).toBe('困りごと 0 / 2 件をカバー');
    await userEvent.click(screen.getByRole('button', { name: 'マップから下書きを生成' }));
    await waitFor(() => expect(rows().length).toBe(2));
    expect(rows().map((row) => row.dataset.key)).toEqual(['REQ-001', 'REQ-002']);
    expect(screen.getByTestId('coveredPainPoints').textContent).toBe('困りごと 2 / 2 件をカバー');
    expect((await db.requirements.toArray()).every((requirement) => requirement.priority === 'must')).toBe(true);
    await db.delete();
  });

  it('sorts by a column header, and back to the backlog order on the third click', async () => {
    const { db } = await openBacklog();
    await userEvent.click(screen.getByRole('button', { name: 'マップから下書きを生成' }));
    await waitFor(() => expect(rows().length).toBe(2));
    const keyHeader = () => screen.getByRole('button', { name: /^キー/ });
    await userEvent.click(keyHeader());
    expect(rows().map((row) => row.dataset.key)).toEqual(['REQ-001', 'REQ-002']);
    await userEvent.click(keyHeader());
    expect(rows().map((row) => row.dataset.key)).toEqual(['REQ-002', 'REQ-001']);
    expect(within(rows()[0]!).getByRole('button', { name: 'REQ-002 上へ' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(keyHeader());
    expect(rows().map((row) => row.dataset.key)).toEqual(['REQ-001', 'REQ-002']);
    await db.delete();
  });

  it('changes priority, owner and status of the selected requirements at once, and merges two', async () => {
    const { db } = await openBacklog();
    await userEvent.click(screen.getByRole('button', { name: 'マップから下書きを生成' }));
    await waitFor(() => expect(rows().length).toBe(2));
    await userEvent.click(screen.getByLabelText('すべて選択'));
    const bar = screen.getByRole('toolbar', { name: '2 件を選択中' });
    await userEvent.selectOptions(within(bar).getByLabelText('担当を一括変更'), 'accounting');
    await waitFor(async () => expect((await db.requirements.toArray()).every((requirement) => requirement.owner === 'accounting')).toBe(true));
    await userEvent.click(within(bar).getByRole('button', { name: '2 件を統合（上の要件に残す）' }));
    await waitFor(async () => expect((await db.requirements.toArray()).map((requirement) => requirement.status).sort()).toEqual(['draft', 'merged']));
    const merged = (await db.requirements.toArray()).find((requirement) => requirement.status !== 'merged')!;
    expect(merged.sources).toHaveLength(4);
    await waitFor(() => expect(screen.getByText(/REQ-001 に統合済み/)).toBeTruthy());
    await db.delete();
  });

  it('splits a requirement, moving the chosen acceptance criteria to the new one', async () => {
    const { db } = await openBacklog();
    await userEvent.click(screen.getByRole('button', { name: 'マップから下書きを生成' }));
    await waitFor(() => expect(rows().length).toBe(2));
    await userEvent.click(within(rows()[0]!).getByRole('button', { name: '詳細' }));
    const details = screen.getByTestId('requirement-details');
    await userEvent.click(within(details).getByText('分割'));
    await userEvent.type(within(details).getByLabelText('新しい要件の件名'), '承認ルートの設定');
    const criteria = within(details).queryAllByRole('checkbox');
    if (criteria[0]) await userEvent.click(criteria[0]);
    await userEvent.click(within(details).getByRole('button', { name: '分割する' }));
    await waitFor(() => expect(rows().length).toBe(3));
    expect(rows().map((row) => row.dataset.key)).toEqual(['REQ-001', 'REQ-003', 'REQ-002']);
    await db.delete();
  });

  it('imports its own JSON back after confirmation, and refuses a bad file naming the problem, changing nothing', async () => {
    const { db, view, workshopId } = await openBacklog();
    await userEvent.click(screen.getByRole('button', { name: 'マップから下書きを生成' }));
    await waitFor(() => expect(rows().length).toBe(2));
    const document = (await loadWorkshopDocument(db, workshopId as WorkshopId))!;
    const json = writeBacklogJson(backlogEnvelope(exportContext(document, { lang: 'ja', now: nowTimestamp(), app: 'test' })));
    const before = await db.requirements.toArray();

    view.bridge.openFile.mockResolvedValueOnce({ name: 'broken.json', path: null, data: new TextEncoder().encode(json.replace('"REQ-002"', '"REQ-1"')) });
    await userEvent.click(screen.getByRole('button', { name: 'JSON を読み込む' }));
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toMatch(/requirements\[1\]\.key/);
    expect(await db.requirements.toArray()).toEqual(before);
    await userEvent.click(screen.getByRole('button', { name: 'キャンセル' }));

    await db.requirements.clear();
    view.bridge.openFile.mockResolvedValueOnce({ name: 'backlog.json', path: null, data: new TextEncoder().encode(json) });
    await userEvent.click(screen.getByRole('button', { name: 'JSON を読み込む' }));
    await userEvent.click(await screen.findByRole('button', { name: '置き換える' }));
    await waitFor(async () => expect((await db.requirements.toArray()).sort((a, b) => a.key.localeCompare(b.key))).toEqual(before.sort((a, b) => a.key.localeCompare(b.key))));
    await db.delete();
  });
});
