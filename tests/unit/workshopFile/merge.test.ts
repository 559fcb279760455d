import { describe, expect, it } from 'vitest';
import { duplicateWorkshopDocument, newId, readWorkshopDocument, type WorkshopDocument } from '../../../shared/model';
import { conflictKey, mergeWorkshops, resolveConflicts, type ConflictChoice, type WorkshopMerge } from '../../../shared/workshopFile';
import { documentFixture } from './files';

// Two facilitators start from the same workshop file and each works on a copy.
const base = documentFixture('v2-every-table.kakehashi');
const later = '2026-12-01T10:00:00.000Z';

function merge(local: WorkshopDocument, incoming: WorkshopDocument): WorkshopMerge {
  const result = mergeWorkshops(local, incoming);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function expectValid(document: WorkshopDocument) {
  const result = readWorkshopDocument(document);
  expect(result.ok ? [] : result.problems).toEqual([]);
}

const step = (document: WorkshopDocument, id: string) => document.steps.find((record) => record.id === id);

/** A step added after the given one, with a connection to it, as the editor's Tab would. */
function withNewStepAfter(document: WorkshopDocument, afterId: string, label: string) {
  const after = step(document, afterId)!;
  const added = { ...after, id: newId('step'), label, position: { x: after.position.x + 220, y: after.position.y }, originStepId: null };
  const connection = { ...document.connections[0]!, id: newId('connection'), mapId: after.mapId, sourceStepId: after.id, targetStepId: added.id, label: '' };
  return { ...document, steps: [...document.steps, added], connections: [...document.connections, connection] };
}

describe('merging two copies of one workshop', () => {
  it('refuses copies of different workshops, naming both', () => {
    const other = duplicateWorkshopDocument(base, 'コピー', later);
    const result = mergeWorkshops(base, other);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'workshop.id', message: expect.stringContaining(other.workshop.id) }]);
    expect(result.problems[0]?.message).toContain(base.workshop.id);
  });

  it('finds nothing to do between equal copies', () => {
    const { merged, added, conflicts, renumbered } = merge(base, structuredClone(base));
    expect([added, conflicts, renumbered]).toEqual([[], [], []]);
    expect(merged).toEqual(base);
  });

  it('adds what only the incoming copy has, participants included, and lists it by name', () => {
    const newcomer = { id: newId('participant'), name: '山本 真理', department: 'it' as const, role: '会計システム担当' };
    const painPoint = { ...base.painPoints[0]!, id: newId('painPoint'), title: '振込手数料の負担先が毎回違う', raisedBy: newcomer.id };
    const incoming = {
      ...withNewStepAfter(base, 'step:fullAsPay', '振込データ送信'),
      workshop: { ...base.workshop, participants: [...base.workshop.participants, newcomer] },
      painPoints: [...base.painPoints, painPoint],
    };
    const { merged, added, conflicts } = merge(base, incoming);
    expect(conflicts).toEqual([]);
    expect(added.map(({ table, label }) => [table, label])).toEqual([
      ['participants', '山本 真理'],
      ['steps', '振込データ送信'],
      ['connections', '支払データ作成 → 振込データ送信'],
      ['painPoints', '振込手数料の負担先が毎回違う'],
    ]);
    expect(merged.workshop.participants.map((participant) => participant.name)).toContain('山本 真理');
    expect(merged.painPoints).toContainEqual(painPoint);
    expectValid(merged);
  });

  it('keeps what only the local copy has, and brings back what the other copy deleted', () => {
    const local = withNewStepAfter(base, 'step:fullAsReceive', '受領印押印');
    const incoming = { ...base, painPoints: base.painPoints.slice(1) };
    const { merged, added, conflicts } = merge(local, incoming);
    expect([added, conflicts]).toEqual([[], []]);
    expect(merged.steps.map((record) => record.label)).toContain('受領印押印');
    expect(merged.painPoints).toEqual(base.painPoints);
  });

  it('ignores a record saved again without a change', () => {
    const incoming = { ...base, painPoints: base.painPoints.map((record) => ({ ...record, updatedAt: later })) };
    expect(merge(base, incoming).conflicts).toEqual([]);
  });

  describe('when both copies changed the same records', () => {
    const local: WorkshopDocument = {
      ...base,
      steps: base.steps.map((record) => (record.id === 'step:fullAsRequest' ? { ...record, label: '支払依頼書作成（Excel）' } : record)),
    };
    const incoming: WorkshopDocument = {
      ...base,
      workshop: {
        ...base.workshop,
        name: '買掛金業務 改善ワークショップ',
        updatedAt: later,
        participants: base.workshop.participants.map((participant, index) => (index === 0 ? { ...participant, role: '経理部長' } : participant)),
      },
      steps: base.steps.map((record) => (record.id === 'step:fullAsRequest' ? { ...record, label: '支払依頼入力', touchMinutes: 5 } : record)),
      painPoints: base.painPoints.map((record, index) => (index === 0 ? { ...record, severity: 5, updatedAt: later } : record)),
    };
    const result = merge(local, incoming);

    it('lists each conflict with its label and the differing fields side by side', () => {
      expect(result.added).toEqual([]);
      expect(result.conflicts).toEqual([
        { table: 'participants', id: 'participant:tanaka01', label: '田中 花子', fields: [{ path: 'role', local: '経理課長', incoming: '経理部長' }] },
        {
          table: 'workshops',
          id: base.workshop.id,
          label: '買掛金業務 全項目ワークショップ',
          fields: [{ path: 'name', local: '買掛金業務 全項目ワークショップ', incoming: '買掛金業務 改善ワークショップ' }],
        },
        {
          table: 'steps',
          id: 'step:fullAsRequest',
          label: '支払依頼書作成（Excel）',
          fields: [
            { path: 'label', local: '支払依頼書作成（Excel）', incoming: '支払依頼入力' },
            { path: 'touchMinutes', local: 20, incoming: 5 },
          ],
        },
        {
          table: 'painPoints',
          id: 'pain:fullExcel01',
          label: '支払依頼書を Excel で作り、会計システムに二重入力',
          fields: [
            { path: 'severity', local: 4, incoming: 5 },
            { path: 'updatedAt', local: base.painPoints[0]!.updatedAt, incoming: later },
          ],
        },
      ]);
    });

    it('keeps the local version until the facilitator chooses, and takes the later workshop update time', () => {
      expect(step(result.merged, 'step:fullAsRequest')?.label).toBe('支払依頼書作成（Excel）');
      expect(result.merged.workshop.name).toBe(base.workshop.name);
      expect(result.merged.workshop.updatedAt).toBe(later);
      expectValid(result.merged);
    });

    const choose = (choice: ConflictChoice) => Object.fromEntries(result.conflicts.map((conflict) => [conflictKey(conflict), choice]));

    it('takes the incoming versions when chosen', () => {
      const resolved = resolveConflicts(result.merged, result.conflicts, choose('incoming'));
      expect(step(resolved, 'step:fullAsRequest')).toEqual(step(incoming, 'step:fullAsRequest'));
      expect(resolved.painPoints[0]).toEqual(incoming.painPoints[0]);
      expect(resolved.workshop.name).toBe('買掛金業務 改善ワークショップ');
      expect(resolved.workshop.participants[0]?.role).toBe('経理部長');
      expectValid(resolved);
    });

    it('keeps the local versions when chosen, or when nothing is chosen', () => {
      expect(resolveConflicts(result.merged, result.conflicts, choose('local'))).toEqual(result.merged);
      expect(resolveConflicts(result.merged, result.conflicts, {})).toEqual(result.merged);
    });

    it('settles each conflict on its own', () => {
      const stepConflict = result.conflicts.find((conflict) => conflict.table === 'steps')!;
      const resolved = resolveConflicts(result.merged, result.conflicts, { [conflictKey(stepConflict)]: 'incoming' });
      expect(step(resolved, 'step:fullAsRequest')?.label).toBe('支払依頼入力');
      expect(resolved.painPoints[0]?.severity).toBe(4);
      expect(resolved.workshop.name).toBe(base.workshop.name);
    });
  });

  describe('requirement keys', () => {
    const requirement = (key: string, title: string) => ({ ...base.requirements[0]!, id: newId('requirement'), key, title });
    const keys = (document: WorkshopDocument) => document.requirements.map((record) => record.key);

    it('renumbers an incoming requirement whose key a different local requirement has, and reports it', () => {
      const ours = requirement('REQ-003', '仕訳を自動起票する');
      const theirs = requirement('REQ-003', '支払予定表を出力する');
      const { merged, added, renumbered } = merge({ ...base, requirements: [...base.requirements, ours] }, { ...base, requirements: [...base.requirements, theirs] });
      expect(keys(merged)).toEqual(['REQ-001', 'REQ-002', 'REQ-003', 'REQ-004']);
      expect(renumbered).toEqual([{ id: theirs.id, title: '支払予定表を出力する', from: 'REQ-003', to: 'REQ-004' }]);
      expect(added).toEqual([{ table: 'requirements', id: theirs.id, label: 'REQ-004 支払予定表を出力する' }]);
      expectValid(merged);
    });

    it('stay unique whichever version of a conflicting key is chosen', () => {
      const incoming = { ...base, requirements: base.requirements.map((record, index) => (index === 1 ? { ...record, key: 'REQ-001' } : record)) };
      const { merged, conflicts } = merge(base, incoming);
      const resolved = resolveConflicts(merged, conflicts, { [conflictKey(conflicts[0]!)]: 'incoming' });
      expect(new Set(keys(resolved)).size).toBe(resolved.requirements.length);
      expectValid(resolved);
    });
  });
});
