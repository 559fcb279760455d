import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KakehashiDatabase } from '../../../renderer/src/db/database';
import { validRows } from '../../../renderer/src/db/rowProblems';
import { readFixture } from '../../fixtures/documents';

describe('database upgrades run the document migrations on stored rows', () => {
  it('a database written by schema 1 opens with its steps migrated to schema 2', async () => {
    const name = 'upgrade-from-1';
    const fixture = readFixture('v1-accounts-payable.kakehashi');
    // Given a database as schema 1 of the app left it…
    const old = new Dexie(name);
    old.version(1).stores({ workshops: 'id, updatedAt', steps: 'id, workshopId, mapId, laneId' });
    await old.open();
    await old.table('workshops').add(fixture.workshop);
    await old.table('steps').bulkAdd(fixture.steps as object[]);
    old.close();

    // …when the current app opens it…
    const db = new KakehashiDatabase(name);
    await db.open();

    // …then every step is valid under the current schema and nothing else changed.
    const steps = validRows('steps', await db.steps.toArray());
    expect(steps).toHaveLength(2);
    expect(steps.find((step) => step.label === '請求書発行')).toMatchObject({ notes: '紙または PDF', performers: [], touchMinutes: null, inputs: [] });
    expect(await db.workshops.get('workshop:fixtureAP01')).toEqual(fixture.workshop);
    await db.delete();
  });
});
