import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  duplicateWorkshopDocument,
  migrations,
  readWorkshopDocument,
  type Migration,
  type WorkshopDocument,
} from '../../shared/model';
import { readFixture } from '../fixtures/documents';

const now = '2026-11-24T10:00:00.000Z';

function readValid(raw: unknown): WorkshopDocument {
  const result = readWorkshopDocument(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('reading a workshop document', () => {
  it('reads the current-schema fixture as it was written', () => {
    const raw = readFixture('v5-every-table.kakehashi');
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeUndefined();
    expect(result.value).toEqual(raw);
    expect(result.value.workshop.name).toBe('買掛金業務 全項目ワークショップ');
    expect(result.value.stickyNotes.map((note) => note.text)).toEqual(['支払依頼書の様式が部門ごとに違う', '承認者が出張中のときは？', 'OCR の読み取り精度\n要検証']);
    expect(result.value.questions[0]).toMatchObject({ ownerSide: 'accounting', dueDate: '2026-11-30', source: { kind: 'stickyNote', id: 'sticky:fullNote02' } });
    expect(result.value.votes[0]?.ballots).toHaveLength(5);
    expect(result.value.agendaItems.map((item) => item.minutes)).toEqual([30, 20, 40]);
  });

  it('reads a schema 4 fixture, migrating it', () => {
    const result = readWorkshopDocument(readFixture('v4-accounts-payable.kakehashi'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(4);
    expect(result.value.workshop.name).toBe('買掛金業務 現状把握ワークショップ');
    expect(result.value.steps.map((step) => step.label)).toEqual(['請求書発行', '請求書受領・検収確認']);
    expect(result.value.steps[1]).toMatchObject({ touchMinutes: 15, waitMinutes: 240, tools: ['請求書受付台帳.xlsx'] });
    expect(result.value.painPoints[0]?.category).toBe('doubleEntry');
  });

  it('refuses a document of a newer schema with a reason naming both versions', () => {
    const raw = { ...readFixture('v3-accounts-payable.kakehashi'), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('schemaVersion');
    expect(result.problems[0]?.message).toContain(`schema ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(result.problems[0]?.message).toContain('newer version of Kakehashi');
  });

  it.each([
    ['not an object', [], '(document)'],
    ['a foreign JSON file', { name: 'package', version: '1.0.0' }, 'type'],
    ['no schema version', { type: 'kakehashi-workshop' }, 'schemaVersion'],
    ['schema version 0', { type: 'kakehashi-workshop', schemaVersion: 0 }, 'schemaVersion'],
  ])('refuses %s and says where', (_name, raw, path) => {
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe(path);
  });

  it('names the path of an invalid field', () => {
    const raw = readFixture('v3-accounts-payable.kakehashi');
    (raw.steps as Record<string, unknown>[])[1]!.type = 'teleport';
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain('steps[1].type');
  });

  it('reports a connection to a step that is not in the document', () => {
    const raw = readFixture('v3-accounts-payable.kakehashi');
    (raw.steps as unknown[]).pop();
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'connections[0].targetStepId', message: expect.stringContaining('step:receive1') });
  });

  it('reports a record that belongs to another workshop', () => {
    const raw = readFixture('v3-accounts-payable.kakehashi');
    (raw.painPoints as Record<string, unknown>[])[0]!.workshopId = 'workshop:someoneElse';
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('painPoints[0].workshopId');
  });
});

describe('migration 2: step attributes', () => {
  it('gives the steps of a schema 1 file empty attributes and keeps everything else', () => {
    const raw = readFixture('v1-accounts-payable.kakehashi');
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.value.steps[0]).toMatchObject({
      label: '請求書発行',
      notes: '紙または PDF',
      performers: [],
      system: '',
      tools: [],
      frequency: null,
      volume: '',
      touchMinutes: null,
      waitMinutes: null,
      inputs: [],
      outputs: [],
    });
  });

  it('leaves attributes that are already there alone', () => {
    const migrate = migrations.find((migration) => migration.version === 2)?.records.steps;
    expect(migrate?.({ id: 'step:abcdefgh', touchMinutes: 5, tools: ['a.xlsx'] })).toMatchObject({ touchMinutes: 5, tools: ['a.xlsx'], inputs: [] });
  });
});

describe('migration 3: where pain points and exceptions came from', () => {
  it('gives the pain points of a schema 2 file no source note and keeps the rest', () => {
    const result = readWorkshopDocument(readFixture('v2-accounts-payable.kakehashi'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(2);
    expect(result.value.painPoints[0]).toMatchObject({ category: 'doubleEntry', sourceNoteId: null });
  });

  it('gives exceptions no speaker and no source note unless they have them', () => {
    const migrate = migrations.find((migration) => migration.version === 3)?.records.exceptions;
    expect(migrate?.({ id: 'exception:abcdefgh' })).toMatchObject({ raisedBy: null, sourceNoteId: null });
    expect(migrate?.({ id: 'exception:abcdefgh', raisedBy: 'participant:abcdefgh' })).toMatchObject({ raisedBy: 'participant:abcdefgh' });
  });
});

describe('migration 4: what generated a requirement', () => {
  it('gives the requirements of a schema 3 file no origins and no merge target', () => {
    const raw = readFixture('v3-accounts-payable.kakehashi');
    const { origins, mergedIntoId, ...schema3 } = (readFixture('v4-accounts-payable.kakehashi').requirements as Record<string, unknown>[])[0]!;
    raw.requirements = [{ ...schema3, status: 'draft' }];
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(3);
    expect(result.value.requirements[0]).toMatchObject({ key: 'REQ-001', origins: [], mergedIntoId: null, status: 'draft' });
  });

  it('leaves origins that are already there alone', () => {
    const migrate = migrations.find((migration) => migration.version === 4)?.records.requirements;
    const origins = [{ kind: 'painPoint', id: 'pain:abcdefgh' }];
    expect(migrate?.({ id: 'requirement:abcdefgh', origins })).toMatchObject({ origins, mergedIntoId: null });
  });

  it('reads a merged requirement with the one it was merged into', () => {
    const document = readValid(readFixture('v4-accounts-payable.kakehashi'));
    expect(document.requirements.map(({ key, status, mergedIntoId }) => ({ key, status, mergedIntoId }))).toEqual([
      { key: 'REQ-001', status: 'agreed', mergedIntoId: null },
      { key: 'REQ-002', status: 'merged', mergedIntoId: 'requirement:req00001' },
    ]);
  });
});

describe('migration 5: workshop mode', () => {
  const newTables = ['stickyNotes', 'questions', 'parkingItems', 'votes', 'agendaItems'] as const;

  it('reads a schema 4 file with empty workshop-mode collections and everything else as it was', () => {
    const raw = readFixture('v4-accounts-payable.kakehashi');
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(4);
    expect(result.value.schemaVersion).toBe(5);
    for (const table of newTables) expect(result.value[table], table).toEqual([]);
    expect(result.value.requirements).toEqual(raw.requirements);
    expect(result.value.steps).toEqual(raw.steps);
  });

  it('rewrites no record: the collections are new', () => {
    const migration = migrations.find((candidate) => candidate.version === 5);
    expect(migration?.records).toEqual({});
    expect(CURRENT_SCHEMA_VERSION).toBe(5);
  });

  it('keeps workshop-mode records written into an older file', () => {
    const current = readFixture('v5-every-table.kakehashi');
    const result = readWorkshopDocument({ ...current, schemaVersion: 4 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(4);
    for (const table of newTables) expect(result.value[table]).toEqual(current[table]);
  });

  it.each([
    ['a sticky note on a map of another process', (raw: Raw) => void (rows(raw, 'stickyNotes')[0]!.processId = 'process:elsewhere1'), 'stickyNotes[0].mapId'],
    ['a sticky note on a missing map', (raw: Raw) => void (rows(raw, 'stickyNotes')[1]!.mapId = 'map:missing001'), 'stickyNotes[1].mapId'],
    ['a question about a missing process', (raw: Raw) => void (rows(raw, 'questions')[0]!.processId = 'process:missing01'), 'questions[0].processId'],
    ['a parking item of a missing process', (raw: Raw) => void (rows(raw, 'parkingItems')[1]!.processId = 'process:missing01'), 'parkingItems[1].processId'],
    ['a vote of a missing process', (raw: Raw) => void (rows(raw, 'votes')[0]!.processId = 'process:missing01'), 'votes[0].processId'],
  ])('reports %s', (_name, change, path) => {
    const raw = readFixture('v5-every-table.kakehashi');
    change(raw);
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
  });

  it.each([
    ['a requirement among the candidates of a pain-point vote', (raw: Raw) => void ((rows(raw, 'votes')[0]!.itemIds as string[])[0] = 'requirement:fullReq001'), 'votes[0].itemIds[0]'],
    ['a candidate twice', (raw: Raw) => void ((rows(raw, 'votes')[0]!.itemIds as string[])[1] = 'pain:fullExcel01'), 'votes[0].itemIds[1]'],
    ['a ballot for an item that is not a candidate', (raw: Raw) => void ((rows(raw, 'votes')[1]!.ballots as Raw[])[0]!.itemId = 'requirement:other0001'), 'votes[1].ballots[0].itemId'],
    ['a ballot with no dots', (raw: Raw) => void ((rows(raw, 'votes')[0]!.ballots as Raw[])[0]!.dots = 0), 'votes[0].ballots[0].dots'],
    ['more dots per participant than 20', (raw: Raw) => void (rows(raw, 'votes')[0]!.dotsPerParticipant = 21), 'votes[0].dotsPerParticipant'],
    ['an unknown sticky colour', (raw: Raw) => void (rows(raw, 'stickyNotes')[0]!.color = 'orange'), 'stickyNotes[0].color'],
    ['an agenda item of no minutes', (raw: Raw) => void (rows(raw, 'agendaItems')[0]!.minutes = 0), 'agendaItems[0].minutes'],
  ])('refuses %s and says where', (_name, change, path) => {
    const raw = readFixture('v5-every-table.kakehashi');
    change(raw);
    const result = readWorkshopDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path);
  });

  it('lets a vote keep a candidate, and a note its conversion, that are no longer in the workshop', () => {
    const raw = readFixture('v5-every-table.kakehashi');
    raw.questions = rows(raw, 'questions').filter((question) => question.id !== 'question:fullAsk001');
    raw.painPoints = rows(raw, 'painPoints').filter((painPoint) => painPoint.id !== 'pain:fullLane01');
    raw.kpis = rows(raw, 'kpis').map((kpi) => ({ ...kpi, painPointIds: (kpi.painPointIds as string[]).filter((id) => id !== 'pain:fullLane01') }));
    const result = readWorkshopDocument(raw);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('gives the new records new ids when a workshop is duplicated, references following', () => {
    const copy = duplicateWorkshopDocument(readValid(readFixture('v5-every-table.kakehashi')), 'copy', now);
    expect(readWorkshopDocument(copy).ok).toBe(true);
    expect(copy.stickyNotes[1]?.convertedTo).toEqual({ kind: 'question', id: copy.questions[0]?.id });
    expect(copy.questions[0]?.source).toEqual({ kind: 'stickyNote', id: copy.stickyNotes[1]?.id });
    expect(copy.votes[0]?.itemIds).toEqual(copy.painPoints.map((painPoint) => painPoint.id));
    expect(copy.questions[0]?.id).not.toBe('question:fullAsk001');
  });
});

type Raw = Record<string, unknown>;
const rows = (raw: Raw, table: string) => raw[table] as Raw[];

describe('migrations', () => {
  it('are numbered 2, 3, … without gaps, so the current schema version is their count + 1', () => {
    migrations.forEach((migration, index) => expect(migration.version).toBe(index + 2));
    expect(CURRENT_SCHEMA_VERSION).toBe(migrations.length + 1);
  });

  // The mechanism on its own, with a migration of the kind later schema versions add.
  const renameOrganisation: Migration = {
    version: 2,
    description: 'workshops: `organization` renamed to `organisation`',
    records: {
      workshops: ({ organization, ...rest }) => ({ ...rest, organisation: organization }),
    },
  };

  it('run record by record on an older document and report where it came from', () => {
    const raw: Record<string, unknown> = { ...readFixture('v3-accounts-payable.kakehashi'), schemaVersion: 1 };
    const workshop = raw.workshop as Record<string, unknown>;
    const { organisation, ...withoutOrganisation } = workshop;
    raw.workshop = { ...withoutOrganisation, organization: organisation };
    const result = readWorkshopDocument(raw, [renameOrganisation]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.value.schemaVersion).toBe(2);
    expect(result.value.workshop.organisation).toBe('株式会社サンプル商事');
  });

  it('do not run on a document already at their version', () => {
    const raw = { ...readFixture('v3-accounts-payable.kakehashi'), schemaVersion: 2 };
    const result = readWorkshopDocument(raw, [renameOrganisation]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.migratedFrom).toBeUndefined();
  });
});

describe('duplicating a workshop', () => {
  it('gives every record a new id and keeps every reference pointing inside the copy', () => {
    const original = readValid(readFixture('v3-accounts-payable.kakehashi'));
    const copy = duplicateWorkshopDocument(original, '買掛金業務 のコピー', now);
    expect(readWorkshopDocument(copy).ok).toBe(true);
    expect(copy.workshop.id).not.toBe(original.workshop.id);
    expect(copy.workshop.name).toBe('買掛金業務 のコピー');
    const originalIds = new Set(JSON.stringify(original).match(/"[a-z]+:[A-Za-z0-9_-]{6,64}"/g));
    for (const id of JSON.stringify(copy).match(/"[a-z]+:[A-Za-z0-9_-]{6,64}"/g) ?? []) expect(originalIds.has(id)).toBe(false);
    expect(copy.painPoints[0]?.raisedBy).toBe(copy.workshop.participants[1]?.id);
    expect(copy.steps.map((step) => step.label)).toEqual(original.steps.map((step) => step.label));
  });

  it('never rewrites text a user typed, even when it looks like an id', () => {
    const original = readValid(readFixture('v3-accounts-payable.kakehashi'));
    const typed = { ...original, steps: original.steps.map((step) => ({ ...step, notes: 'step:invoice1 を参照' })) };
    const copy = duplicateWorkshopDocument(typed, 'copy', now);
    expect(copy.steps[0]?.notes).toBe('step:invoice1 を参照');
  });

  it('keeps any label text intact (property)', () => {
    const original = readValid(readFixture('v3-accounts-payable.kakehashi'));
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (label) => {
        const withLabel = { ...original, steps: original.steps.map((step) => ({ ...step, label })) };
        const copy = duplicateWorkshopDocument(withLabel, 'copy', now);
        return copy.steps.every((step) => step.label === label) && readWorkshopDocument(copy).ok;
      }),
      { numRuns: 200 },
    );
  });
});
