import { describe, expect, it } from 'vitest';
import { assembleWorkshopDocument, newId, readWorkshopDocument, workshopChildTables, type WorkshopDocument } from '../../../shared/model';
import { planOpenAsNew, planOpenOver, type WorkshopWritePlan } from '../../../shared/workshopFile';
import { documentFixture } from './files';

const file = documentFixture('v2-every-table.kakehashi');
const now = '2026-12-01T10:00:00.000Z';

/** The document a plan leaves in the library for its workshop. */
const documentOf = (plan: WorkshopWritePlan): WorkshopDocument => assembleWorkshopDocument(plan.workshop, plan.put, file.app, now);
const idsIn = (value: unknown) => new Set(JSON.stringify(value).match(/"[a-z]+:[A-Za-z0-9_-]{6,64}"/g));

describe('opening a workshop file as a new workshop', () => {
  const plan = planOpenAsNew(file, '買掛金業務（読み込み）', now);

  it('gives every record and participant a new id, sharing none with the file', () => {
    const original = idsIn(file);
    const opened = idsIn(documentOf(plan));
    expect(opened.size).toBe(original.size);
    for (const id of opened) expect(original.has(id)).toBe(false);
  });

  it('keeps the content, under the given name, and removes nothing', () => {
    expect(plan.workshop).toMatchObject({ name: '買掛金業務（読み込み）', createdAt: now, deletedAt: null, organisation: file.workshop.organisation });
    expect(plan.put.steps.map((step) => step.label)).toEqual(file.steps.map((step) => step.label));
    for (const table of workshopChildTables) expect(plan.remove[table]).toEqual([]);
    expect(readWorkshopDocument(documentOf(plan)).ok).toBe(true);
  });

  it('never collides with an earlier copy of the same file', () => {
    const again = planOpenAsNew(file, '買掛金業務（読み込み）', now);
    const first = idsIn(documentOf(plan));
    for (const id of idsIn(documentOf(again))) expect(first.has(id)).toBe(false);
  });
});

describe('opening a workshop file over the library copy of the same workshop', () => {
  it('keeps the ids, puts every record of the file and removes the rows the file no longer has', () => {
    const extraStep = { ...file.steps[0]!, id: newId('step') };
    const extraNote = { ...file.interviewNotes[0]!, id: newId('interviewNote') };
    const inLibrary = { ...file, steps: [...file.steps, extraStep], interviewNotes: [...file.interviewNotes, extraNote] };
    const plan = planOpenOver(file, inLibrary);
    expect(plan.workshop.id).toBe(file.workshop.id);
    expect(plan.put.steps).toEqual(file.steps);
    expect(plan.remove.steps).toEqual([extraStep.id]);
    expect(plan.remove.interviewNotes).toEqual([extraNote.id]);
    expect(workshopChildTables.filter((table) => plan.remove[table].length > 0)).toEqual(['steps', 'interviewNotes']);
  });

  it('removes nothing when the library does not have the workshop, and restores it from the trash', () => {
    const plan = planOpenOver({ ...file, workshop: { ...file.workshop, deletedAt: now } });
    for (const table of workshopChildTables) expect(plan.remove[table]).toEqual([]);
    expect(plan.workshop.deletedAt).toBeNull();
    expect(documentOf(plan)).toEqual({ ...file, savedAt: now });
  });
});
