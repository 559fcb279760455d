import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkshopDocument, type WorkshopId } from '../../../shared/model';
import { KakehashiDatabase } from '../../../renderer/src/db/database';
import { useRowProblems, validRows } from '../../../renderer/src/db/rowProblems';
import { useSaveStatus } from '../../../renderer/src/db/saveStatus';
import {
  addProcess,
  createWorkshop,
  deleteProcess,
  deleteWorkshopForever,
  duplicateWorkshop,
  emptyTrash,
  loadWorkshopDocument,
  moveWorkshopToTrash,
  renameProcess,
  restoreWorkshop,
  updateWorkshopDetails,
} from '../../../renderer/src/db/workshopRepository';

let db: KakehashiDatabase;
let databaseCount = 0;

beforeEach(async () => {
  db = new KakehashiDatabase(`repository-test-${++databaseCount}`);
  await db.open();
  useSaveStatus.setState({ pending: 0, lastSavedAt: null, failure: null });
  useRowProblems.setState({ problems: new Map() });
});
afterEach(async () => {
  await db.delete();
});

async function workshopWithProcess(): Promise<{ workshopId: WorkshopId }> {
  const workshop = await createWorkshop(db, { name: '買掛金業務' });
  await addProcess(db, workshop.id, '買掛金支払');
  return { workshopId: workshop.id };
}

describe('workshop library writes', () => {
  it('given a new workshop, it is stored and the indicator says saved only after the commit', async () => {
    const writing = createWorkshop(db, { name: '月次決算' });
    expect(useSaveStatus.getState().pending).toBe(1);
    expect(useSaveStatus.getState().lastSavedAt).toBeNull();
    const workshop = await writing;
    expect(useSaveStatus.getState()).toMatchObject({ pending: 0, failure: null });
    expect(useSaveStatus.getState().lastSavedAt).not.toBeNull();
    expect(await db.workshops.get(workshop.id)).toMatchObject({ name: '月次決算', deletedAt: null });
  });

  it('a rename writes the workshop row only', async () => {
    const { workshopId } = await workshopWithProcess();
    const processesBefore = await db.processes.toArray();
    await updateWorkshopDetails(db, workshopId, { name: '  買掛金業務（改）  ' });
    expect((await db.workshops.get(workshopId))?.name).toBe('買掛金業務（改）');
    expect(await db.processes.toArray()).toEqual(processesBefore);
  });

  it('a new process comes with an empty As-Is map', async () => {
    const { workshopId } = await workshopWithProcess();
    const [process] = await db.processes.where('workshopId').equals(workshopId).toArray();
    const map = await db.maps.get(process!.asIsMapId);
    expect(map).toMatchObject({ processId: process!.id, variant: 'asIs' });
    expect(await db.steps.where('mapId').equals(map!.id).count()).toBe(0);
  });

  it('trash keeps everything; restore brings it back; emptying the trash deletes every record of it', async () => {
    const { workshopId } = await workshopWithProcess();
    const keep = await createWorkshop(db, { name: '経費精算' });
    await moveWorkshopToTrash(db, workshopId);
    expect((await db.workshops.get(workshopId))?.deletedAt).not.toBeNull();
    expect(await db.processes.where('workshopId').equals(workshopId).count()).toBe(1);
    await restoreWorkshop(db, workshopId);
    expect((await db.workshops.get(workshopId))?.deletedAt).toBeNull();

    await moveWorkshopToTrash(db, workshopId);
    expect(await emptyTrash(db)).toBe(1);
    expect(await db.workshops.get(workshopId)).toBeUndefined();
    expect(await db.processes.where('workshopId').equals(workshopId).count()).toBe(0);
    expect(await db.maps.where('workshopId').equals(workshopId).count()).toBe(0);
    expect(await db.workshops.get(keep.id)).toBeDefined();
  });

  it('deleting one workshop forever leaves the others alone', async () => {
    const { workshopId } = await workshopWithProcess();
    const other = await workshopWithProcess();
    await deleteWorkshopForever(db, workshopId);
    expect(await db.processes.count()).toBe(1);
    expect((await db.processes.toArray())[0]?.workshopId).toBe(other.workshopId);
  });

  it('duplicating copies every record under new ids, as a valid document', async () => {
    const { workshopId } = await workshopWithProcess();
    const copy = await duplicateWorkshop(db, workshopId, '買掛金業務 のコピー');
    expect(copy?.name).toBe('買掛金業務 のコピー');
    const document = await loadWorkshopDocument(db, copy!.id);
    expect(document && readWorkshopDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true);
    expect(document?.processes).toHaveLength(1);
    expect(document?.maps).toHaveLength(1);
    expect(await db.processes.count()).toBe(2);
  });

  it('renaming and deleting a process; deleting removes its maps too', async () => {
    const { workshopId } = await workshopWithProcess();
    const [process] = await db.processes.toArray();
    await renameProcess(db, workshopId, process!.id, '支払業務');
    expect((await db.processes.get(process!.id))?.name).toBe('支払業務');
    await deleteProcess(db, workshopId, process!.id);
    expect(await db.processes.count()).toBe(0);
    expect(await db.maps.count()).toBe(0);
  });
});

describe('write failures', () => {
  it('a failed write is reported with its reason, keeps no "saved" state, and can be retried', async () => {
    const workshop = await createWorkshop(db, { name: '月次決算' });
    useSaveStatus.setState({ lastSavedAt: null });
    const realUpdate = db.workshops.update.bind(db.workshops);
    let failNext = true;
    db.workshops.update = ((...args: Parameters<typeof realUpdate>) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return realUpdate(...args);
    }) as typeof realUpdate;

    await expect(updateWorkshopDetails(db, workshop.id, { name: '新しい名前' })).rejects.toThrow();
    const failure = useSaveStatus.getState().failure;
    expect(failure?.reason).toBe('quota');
    expect(useSaveStatus.getState().lastSavedAt).toBeNull();
    expect((await db.workshops.get(workshop.id))?.name).toBe('月次決算');

    await failure!.retry();
    expect(useSaveStatus.getState().failure).toBeNull();
    expect((await db.workshops.get(workshop.id))?.name).toBe('新しい名前');
  });
});

describe('rows read back', () => {
  it('an invalid row is reported with its table, id and reason, not silently dropped', async () => {
    const workshop = await createWorkshop(db, { name: '月次決算' });
    await db.workshops.put({ ...workshop, id: 'workshop:brokenRow1' as WorkshopId, name: '' });
    const rows = validRows('workshops', await db.workshops.toArray());
    expect(rows.map((row) => row.id)).toEqual([workshop.id]);
    const problem = useRowProblems.getState().problems.get('workshops/workshop:brokenRow1');
    expect(problem?.message).toContain('name');
  });
});
