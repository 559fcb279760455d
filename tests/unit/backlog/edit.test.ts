import { describe, expect, it } from 'vitest';
import {
  addRequirement,
  bulkUpdateRequirements,
  editRequirement,
  generateBacklog,
  mergeRequirements,
  moveRequirement,
  sortBacklog,
  splitRequirement,
} from '../../../shared/backlog';
import { requirementSchema, type Requirement, type WorkshopId } from '../../../shared/model';
import { BACKLOG_NOW, BACKLOG_WORKSHOP_ID, backlogDocument, backlogDocumentWithRequirements, fixedRequirementIds } from '../../fixtures/backlogDocument';

const later = '2026-11-26T09:00:00.000Z';

function backlog(): Requirement[] {
  return backlogDocumentWithRequirements().requirements;
}

/** The requirements after writing `changes` over them. */
function apply(requirements: readonly Requirement[], changes: readonly Requirement[]): Requirement[] {
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  for (const change of changes) byId.set(change.id, change);
  return [...byId.values()];
}

const keysInOrder = (requirements: readonly Requirement[]) => sortBacklog(requirements).map((requirement) => requirement.key);
const byKey = (requirements: readonly Requirement[], key: string) => requirements.find((requirement) => requirement.key === key)!;

describe('reordering', () => {
  it('writes only the moved requirement, between its new neighbours', () => {
    const requirements = backlog();
    const changes = moveRequirement(requirements, byKey(requirements, 'REQ-005').id, 1, later);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key: 'REQ-005', order: 1.5, updatedAt: later });
    expect(keysInOrder(apply(requirements, changes)).slice(0, 3)).toEqual(['REQ-001', 'REQ-005', 'REQ-002']);
  });

  it('moves to the top and the bottom, and not at all to the same place', () => {
    const requirements = backlog();
    expect(keysInOrder(apply(requirements, moveRequirement(requirements, byKey(requirements, 'REQ-021').id, 0, later)))[0]).toBe('REQ-021');
    expect(keysInOrder(apply(requirements, moveRequirement(requirements, byKey(requirements, 'REQ-001').id, 99, later))).at(-1)).toBe('REQ-001');
    expect(moveRequirement(requirements, byKey(requirements, 'REQ-003').id, 2, later)).toEqual([]);
  });

  it('renumbers when midpoints run out of precision, writing only what changed', () => {
    let requirements = backlog();
    for (let round = 0; round < 60; round += 1) {
      const last = sortBacklog(requirements).at(-1)!;
      requirements = apply(requirements, moveRequirement(requirements, last.id, 1, later));
    }
    expect(new Set(requirements.map((requirement) => requirement.order)).size).toBe(requirements.length);
    expect(keysInOrder(requirements)[0]).toBe('REQ-001');
  });
});

describe('bulk changes', () => {
  it('sets priority, owner or status on the selection and writes only what changed', () => {
    const requirements = backlog();
    const selection = ['REQ-001', 'REQ-005', 'REQ-021'].map((key) => byKey(requirements, key).id);
    const changes = bulkUpdateRequirements(requirements, selection, { priority: 'should' }, later);
    expect(changes.map((requirement) => [requirement.key, requirement.priority])).toEqual([['REQ-001', 'should']]);
    const agreed = bulkUpdateRequirements(requirements, selection, { status: 'agreed', owner: 'joint' }, later);
    expect(agreed.map((requirement) => [requirement.key, requirement.status, requirement.owner, requirement.updatedAt])).toEqual([
      ['REQ-001', 'agreed', 'joint', later],
      ['REQ-005', 'agreed', 'joint', later],
      ['REQ-021', 'agreed', 'joint', later],
    ]);
  });

  it('leaves merged requirements alone', () => {
    const requirements = backlog();
    const merged = apply(requirements, mergeRequirements(requirements, requirements[0]!.id, requirements[1]!.id, later));
    expect(bulkUpdateRequirements(merged, [requirements[1]!.id], { status: 'agreed' }, later)).toEqual([]);
  });
});

describe('inline editing', () => {
  it('writes a valid change and refuses an invalid one', () => {
    const requirement = backlog()[0]!;
    expect(editRequirement(requirement, { title: '取引先マスタの一元管理' }, later)).toEqual([{ ...requirement, title: '取引先マスタの一元管理', updatedAt: later }]);
    expect(editRequirement(requirement, { title: 'あ'.repeat(501) }, later)).toEqual([]);
    expect(editRequirement(requirement, { title: requirement.title }, later)).toEqual([]);
  });
});

describe('adding by hand', () => {
  it('takes the next key after every key used, goes last, and has no origin', () => {
    const requirements = backlog();
    const rejectedLast = requirements.map((requirement) => (requirement.key === 'REQ-021' ? { ...requirement, status: 'rejected' as const } : requirement));
    const added = addRequirement(
      rejectedLast,
      BACKLOG_WORKSHOP_ID as WorkshopId,
      { title: '監査ログ', description: '', type: 'nonFunctional', priority: 'could', owner: 'it', acceptanceCriteria: [], sources: [] },
      later,
    );
    expect(added).toMatchObject({ key: 'REQ-022', order: 22, origins: [], status: 'draft' });
    expect(requirementSchema.parse(added)).toEqual(added);
  });
});

describe('merging', () => {
  it('unites sources, criteria and origins in the kept requirement; the other is kept as merged', () => {
    const requirements = backlog();
    const kept = byKey(requirements, 'REQ-008'); // exception handling: amount mismatch
    const absorbed = byKey(requirements, 'REQ-007'); // pain point: undocumented exceptions
    const changes = mergeRequirements(requirements, kept.id, absorbed.id, later);
    expect(changes).toHaveLength(2);
    const [merged, gone] = changes as [Requirement, Requirement];
    expect(merged).toMatchObject({ id: kept.id, title: kept.title, description: kept.description, priority: 'should', owner: 'joint', updatedAt: later });
    expect(merged.sources.map((source) => source.id)).toEqual(['exception:amountMm', 'step:asRecv01', 'pain:exceptNd']);
    expect(merged.acceptanceCriteria).toEqual([...kept.acceptanceCriteria, ...absorbed.acceptanceCriteria]);
    expect(merged.origins).toEqual([...kept.origins, ...absorbed.origins]);
    expect(gone).toMatchObject({ id: absorbed.id, key: 'REQ-007', status: 'merged', mergedIntoId: kept.id });
    for (const requirement of changes) expect(requirementSchema.parse(requirement)).toEqual(requirement);
  });

  it('takes the higher priority, makes differing owners joint, and points earlier merges at the kept one', () => {
    const requirements = backlog();
    const [a, b, c] = ['REQ-005', 'REQ-003', 'REQ-021'].map((key) => byKey(requirements, key)) as [Requirement, Requirement, Requirement];
    const first = apply(requirements, mergeRequirements(requirements, b.id, c.id, later));
    const changes = mergeRequirements(first, a.id, b.id, later);
    expect(changes[0]).toMatchObject({ id: a.id, priority: 'must', owner: 'it' });
    expect(changes.slice(1).map((requirement) => [requirement.key, requirement.mergedIntoId])).toEqual([
      ['REQ-003', a.id],
      ['REQ-021', a.id],
    ]);
  });

  it('refuses to merge a requirement with itself, a merged one, or one of another workshop', () => {
    const requirements = backlog();
    const [a, b] = requirements as [Requirement, Requirement];
    expect(mergeRequirements(requirements, a.id, a.id, later)).toEqual([]);
    const afterMerge = apply(requirements, mergeRequirements(requirements, a.id, b.id, later));
    expect(mergeRequirements(afterMerge, b.id, a.id, later)).toEqual([]);
    const foreign = { ...b, workshopId: 'workshop:elsewhere' as WorkshopId };
    expect(mergeRequirements([a, foreign], a.id, b.id, later)).toEqual([]);
  });
});

describe('splitting', () => {
  it('moves the chosen criteria to a new requirement with the next key, right after the original', () => {
    const requirements = backlog();
    const original = byKey(requirements, 'REQ-003');
    const changes = splitRequirement(requirements, original.id, { title: 'KPI の測定', movedCriteria: [3, 4] }, later, fixedRequirementIds('split'));
    const [rest, created] = changes as [Requirement, Requirement];
    expect(rest).toMatchObject({ id: original.id, acceptanceCriteria: original.acceptanceCriteria.slice(0, 3), origins: original.origins, updatedAt: later });
    expect(created).toMatchObject({
      id: 'requirement:split001',
      key: 'REQ-022',
      title: 'KPI の測定',
      description: original.description,
      type: original.type,
      priority: original.priority,
      owner: original.owner,
      sources: original.sources,
      acceptanceCriteria: original.acceptanceCriteria.slice(3),
      origins: [],
      status: 'draft',
      order: 3.5,
    });
    expect(keysInOrder(apply(requirements, changes)).slice(2, 5)).toEqual(['REQ-003', 'REQ-022', 'REQ-004']);
  });

  it('keeps generation away from both halves', () => {
    const document = backlogDocument();
    const requirements = backlog();
    const original = byKey(requirements, 'REQ-014');
    const split = apply(requirements, splitRequirement(requirements, original.id, { title: 'OCR の読取精度', movedCriteria: [0] }, later));
    expect(generateBacklog(document, split, { lang: 'ja', now: later }).put).toEqual([]);
  });

  it('refuses an empty title and a merged requirement', () => {
    const requirements = backlog();
    expect(splitRequirement(requirements, requirements[0]!.id, { title: '  ', movedCriteria: [] }, later)).toEqual([]);
    const merged = apply(requirements, mergeRequirements(requirements, requirements[0]!.id, requirements[1]!.id, later));
    expect(splitRequirement(merged, requirements[1]!.id, { title: 'x', movedCriteria: [] }, later)).toEqual([]);
  });
});

it('every command result is a valid requirement (spot check over the fixture)', () => {
  const requirements = backlog();
  const results = [
    ...moveRequirement(requirements, requirements[4]!.id, 0, BACKLOG_NOW),
    ...bulkUpdateRequirements(requirements, requirements.map((requirement) => requirement.id), { priority: 'wont' }, BACKLOG_NOW),
    ...mergeRequirements(requirements, requirements[2]!.id, requirements[3]!.id, BACKLOG_NOW),
    ...splitRequirement(requirements, requirements[2]!.id, { title: 'part', movedCriteria: [0] }, BACKLOG_NOW),
  ];
  for (const requirement of results) expect(requirementSchema.safeParse(requirement).success).toBe(true);
});
