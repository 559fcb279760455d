import { describe, expect, it } from 'vitest';
import { addStickyNote, addQuestion, openVote } from '../../shared/workshopMode';
import { addPainPoint } from '../../shared/capture';
import { nowTimestamp, readWorkshopDocument, type WorkshopId } from '../../shared/model';
import { findTemplate, instantiateTemplate } from '../../shared/templates';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { addProcess, createWorkshop, deleteProcess, loadWorkshopDocument } from '../../renderer/src/db/workshopRepository';

describe('deleting a process', () => {
  it('takes its map, remarks and sticky notes, keeps the workshop-wide questions and votes, and leaves a readable workshop', async () => {
    const db = new KakehashiDatabase('delete-process-test');
    await db.open();
    const workshop = await createWorkshop(db, { name: '買掛金業務' });
    const processId = await addProcess(db, workshop.id, '買掛金支払', (ids) => instantiateTemplate(findTemplate('accountsPayable')!, 'ja', ids));
    const process = (await db.processes.get(processId))!;
    const ctx = { workshopId: workshop.id as WorkshopId, processId, mapId: process.asIsMapId, now: nowTimestamp() };
    const pain = addPainPoint(ctx, { kind: 'map', mapId: process.asIsMapId }, { title: '二重入力' });
    await db.painPoints.bulkPut([...pain.patch.put.painPoints]);
    await db.stickyNotes.bulkPut([...addStickyNote(ctx, { position: { x: 0, y: 0 }, text: '付箋' }).patch.put.stickyNotes]);
    await db.questions.bulkPut([...addQuestion(ctx, { text: '承認権限は？', processId }).patch.put.questions]);
    await db.votes.bulkPut([...openVote(ctx, { title: '優先度', subject: 'painPoints', itemIds: [pain.id], processId }).patch.put.votes]);

    await deleteProcess(db, workshop.id, processId);

    expect(await db.stickyNotes.count()).toBe(0);
    expect(await db.painPoints.count()).toBe(0);
    expect((await db.questions.toArray()).map((question) => question.processId)).toEqual([null]);
    expect((await db.votes.toArray()).map((vote) => vote.processId)).toEqual([null]);
    const document = await loadWorkshopDocument(db, workshop.id);
    expect(readWorkshopDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true);
    await db.delete();
  });
});
