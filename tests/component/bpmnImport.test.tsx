import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { addProcess, createWorkshop } from '../../renderer/src/db/workshopRepository';
import { routeHash } from '../../renderer/src/routing';
import { bpmnFixtures } from '../fixtures/bpmn';
import { renderApp } from './renderApp';

let count = 0;

/** Given a workshop with one process, its screen open. */
async function openWorkshop() {
  const db = new KakehashiDatabase(`bpmn-import-test-${++count}`);
  await db.open();
  const workshop = await createWorkshop(db, { name: '買掛金業務' });
  await addProcess(db, workshop.id, '既存のプロセス');
  window.location.hash = routeHash({ name: 'workshop', workshopId: workshop.id });
  const view = renderApp({ db });
  await screen.findByText('既存のプロセス');
  return { ...view, workshopId: workshop.id };
}

const fileOf = (name: keyof typeof bpmnFixtures, path: string | null = `/home/keiri/${name}`) => ({
  name,
  path,
  data: new TextEncoder().encode(bpmnFixtures[name]),
});

async function rowCounts(db: KakehashiDatabase) {
  return { processes: await db.processes.count(), maps: await db.maps.count(), lanes: await db.lanes.count(), steps: await db.steps.count(), connections: await db.connections.count() };
}

describe('importing a BPMN file as a new process', () => {
  it.each(['truncated.bpmn', 'not-bpmn.xml', 'not-xml.bpmn', 'empty.bpmn'] as const)(
    'shows why %s cannot be imported — file, place, reason — and changes nothing',
    async (name) => {
      // Given
      const user = userEvent.setup();
      const { db, bridge } = await openWorkshop();
      const before = await rowCounts(db);
      bridge.openFile.mockResolvedValueOnce(fileOf(name));

      // When
      await user.click(screen.getByRole('button', { name: 'BPMN を取り込む…' }));

      // Then
      const dialog = await screen.findByRole('dialog', { name: 'BPMN ファイルを取り込めませんでした' });
      expect(dialog.textContent).toContain(`ファイル: ${name}`);
      expect(dialog.textContent).toContain(`場所: /home/keiri/${name}`);
      expect(within(dialog).getAllByRole('listitem').length).toBeGreaterThan(0);
      expect(dialog.textContent).toContain('ワークショップは何も変更していません。');
      expect(await rowCounts(db)).toEqual(before);
      expect(bridge.openFile).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'BPMN 2.0 ファイル', extensions: ['bpmn', 'xml'] }] }));

      await user.click(within(dialog).getByRole('button', { name: '閉じる' }));
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(await rowCounts(db)).toEqual(before);
    },
  );

  it('says where a truncated file breaks off', async () => {
    const user = userEvent.setup();
    const { bridge } = await openWorkshop();
    bridge.openFile.mockResolvedValueOnce(fileOf('truncated.bpmn'));
    await user.click(screen.getByRole('button', { name: 'BPMN を取り込む…' }));
    const dialog = await screen.findByRole('dialog', { name: 'BPMN ファイルを取り込めませんでした' });
    expect(dialog.textContent).toMatch(/line \d+, column \d+/);
  });

  it('writes nothing when the review is cancelled', async () => {
    const user = userEvent.setup();
    const { db, bridge } = await openWorkshop();
    const before = await rowCounts(db);
    bridge.openFile.mockResolvedValueOnce(fileOf('camunda-modeler-5.bpmn'));
    await user.click(screen.getByRole('button', { name: 'BPMN を取り込む…' }));
    const review = await screen.findByRole('dialog', { name: 'BPMN を取り込む' });
    await user.click(within(review).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await rowCounts(db)).toEqual(before);
  });

  it('adds a process named from the file (the name editable) with the As-Is map, and lists what was not imported before and after', async () => {
    // Given a file with elements Kakehashi cannot map
    const user = userEvent.setup();
    const { db, bridge, workshopId } = await openWorkshop();
    bridge.openFile.mockResolvedValueOnce(fileOf('unmappable-elements.bpmn'));

    // When it is chosen
    await user.click(screen.getByRole('button', { name: 'BPMN を取り込む…' }));

    // Then the review names the process after the file and lists each element left out, with its reason
    const review = await screen.findByRole('dialog', { name: 'BPMN を取り込む' });
    const name = within(review).getByLabelText('業務プロセス名') as HTMLInputElement;
    expect(name.value).toBe('買掛金支払');
    const unmapped = within(review).getByTestId('bpmn-unmapped');
    expect(within(unmapped).getAllByRole('row')).toHaveLength(1 + 6);
    expect(unmapped.textContent).toContain('BoundaryEvent_Overdue');
    expect(unmapped.textContent).toContain('3日経過');
    expect(unmapped.textContent).toContain('請求書スキャン');
    expect(within(review).getByTestId('bpmn-warnings').textContent).toContain('parallel gateway');
    expect(await db.processes.count()).toBe(1);

    // When the name is changed (an IME conversion's Enter does not import) and the import confirmed
    fireEvent.change(name, { target: { value: '買掛金支払（BPMN）' } });
    fireEvent.keyDown(name, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(await db.processes.count()).toBe(1);
    await user.click(within(review).getByRole('button', { name: '取り込む' }));

    // Then the process is there with its As-Is map holding every imported lane, step and connection
    const done = await screen.findByRole('dialog', { name: 'BPMN を取り込みました' });
    expect(done.textContent).toContain('業務プロセス「買掛金支払（BPMN）」を追加しました');
    expect(within(done).getByTestId('bpmn-unmapped').textContent).toContain('SubProcess_Pay');
    const process = (await db.processes.where('workshopId').equals(workshopId).toArray()).find((candidate) => candidate.name === '買掛金支払（BPMN）');
    if (!process) throw new Error('no imported process');
    expect(process.toBeMapId).toBeNull();
    const steps = await db.steps.where('mapId').equals(process.asIsMapId).toArray();
    expect(steps.map((step) => step.label)).toEqual(expect.arrayContaining(['請求書スキャン', '発注データ照会', '支払処理', '送金', '取引先マスタ']));
    const lanes = await db.lanes.where('mapId').equals(process.asIsMapId).toArray();
    expect(lanes.length).toBeGreaterThan(0);
    expect(steps.every((step) => lanes.some((lane) => lane.id === step.laneId))).toBe(true);
    expect(await db.connections.where('mapId').equals(process.asIsMapId).count()).toBeGreaterThan(0);
    expect(await db.maps.get(process.asIsMapId)).toMatchObject({ processId: process.id, variant: 'asIs' });

    // And the workshop lists it, and the dialog leads to its map
    await waitFor(() => expect(screen.getAllByTestId('process-item').map((item) => item.querySelector('.process-name')?.textContent)).toContain('買掛金支払（BPMN）'));
    expect(within(done).getByRole('link', { name: 'マップを開く' }).getAttribute('href')).toBe(
      routeHash({ name: 'map', workshopId, processId: process.id, variant: 'asIs' }),
    );
  });

  it('says so when everything in the file could be imported', async () => {
    const user = userEvent.setup();
    const { bridge } = await openWorkshop();
    bridge.openFile.mockResolvedValueOnce(fileOf('camunda-modeler-5.bpmn', null));
    await user.click(screen.getByRole('button', { name: 'BPMN を取り込む…' }));
    const review = await screen.findByRole('dialog', { name: 'BPMN を取り込む' });
    expect(review.textContent).toContain('取り込まれない要素 (0)');
    expect(review.textContent).toContain('ファイルの要素はすべて取り込まれます。');
    await user.click(within(review).getByRole('button', { name: '取り込む' }));
    expect(await screen.findByRole('dialog', { name: 'BPMN を取り込みました' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('process-item')).toHaveLength(2));
  });

  it('reads the file in the UI language', async () => {
    const db = new KakehashiDatabase(`bpmn-import-test-${++count}`);
    await db.open();
    const workshop = await createWorkshop(db, { name: 'AP' });
    window.location.hash = routeHash({ name: 'workshop', workshopId: workshop.id });
    const { bridge } = renderApp({ db, language: 'en' });
    const user = userEvent.setup();
    bridge.openFile.mockResolvedValueOnce(fileOf('bpmn-io-demo.bpmn'));
    await user.click(await screen.findByRole('button', { name: 'Import BPMN…' }));
    const review = await screen.findByRole('dialog', { name: 'Import BPMN' });
    expect(within(review).getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});
