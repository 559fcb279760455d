import type { Timestamp } from '../model/common';
import type { RequirementId, WorkshopId } from '../model/ids';
import {
  requirementSchema,
  type Moscow,
  type Requirement,
  type RequirementOwner,
  type RequirementStatus,
} from '../model/requirement';
import {
  clip,
  createRequirement,
  MAX_TITLE_LENGTH,
  nextKeyNumber,
  originKey,
  randomRequirementId,
  uniqueBy,
  uniqueSources,
  type NewRequirementId,
  type RequirementContent,
} from './keys';
import { sortBacklog } from './workshopIndex';

/**
 * Backlog editing as pure commands. Each takes the requirements as they are and returns only
 * the requirements to write (an empty list when the command changes nothing or cannot apply);
 * none deletes a requirement, so a key, once given, stays taken.
 *
 * Commands that give out a key (`addRequirement`, `splitRequirement`) must be given all the
 * workshop's requirements, rejected and merged ones included.
 */

/** The statuses a person sets; `sourceRemoved` is the generator's and `merged` is `mergeRequirements`'. */
export type DecidedStatus = Extract<RequirementStatus, 'draft' | 'agreed' | 'rejected'>;

export type RequirementChanges = Partial<
  Pick<Requirement, 'title' | 'description' | 'type' | 'priority' | 'owner' | 'acceptanceCriteria' | 'sources'> & { status: DecidedStatus }
>;

const MOSCOW_RANK: Readonly<Record<Moscow, number>> = { must: 0, should: 1, could: 2, wont: 3 };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Inline editing of one requirement; a merged one is read-only, an invalid result writes nothing. */
export function editRequirement(requirement: Requirement, changes: RequirementChanges, now: Timestamp): Requirement[] {
  if (requirement.status === 'merged') return [];
  const changed = Object.entries(changes).some(([field, value]) => value !== undefined && !same(value, requirement[field as keyof Requirement]));
  if (!changed) return [];
  const edited = { ...requirement, ...withoutUndefined(changes), updatedAt: now };
  return requirementSchema.safeParse(edited).success ? [edited] : [];
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A requirement written by hand: the next key, last in the backlog, no generation origin. */
export function addRequirement(
  requirements: readonly Requirement[],
  workshopId: WorkshopId,
  content: Omit<RequirementContent, 'origins'>,
  now: Timestamp,
  newRequirementId: NewRequirementId = randomRequirementId,
): Requirement {
  const mine = requirements.filter((requirement) => requirement.workshopId === workshopId);
  const order = mine.reduce((highest, requirement) => Math.max(highest, requirement.order), 0) + 1;
  return createRequirement({ ...content, origins: [] }, { workshopId, keyNumber: nextKeyNumber(mine), order }, now, newRequirementId);
}

/**
 * Moves a requirement to `toIndex` of the list as the user sees it (sorted by `order`; a
 * filtered list works too). Usually writes one requirement, which takes the midpoint between
 * its new neighbours; renumbers the list when midpoints run out of precision.
 */
export function moveRequirement(requirements: readonly Requirement[], requirementId: RequirementId, toIndex: number, now: Timestamp): Requirement[] {
  const sorted = sortBacklog(requirements);
  const fromIndex = sorted.findIndex((requirement) => requirement.id === requirementId);
  const moving = sorted[fromIndex];
  if (!moving) return [];
  const target = Math.max(0, Math.min(sorted.length - 1, toIndex));
  if (target === fromIndex) return [];
  const others = sorted.filter((requirement) => requirement.id !== requirementId);
  const before = others[target - 1];
  const after = others[target];
  const order = before && after ? (before.order + after.order) / 2 : before ? before.order + 1 : (after?.order ?? 1) - 1;
  if (before && after && (order <= before.order || order >= after.order)) {
    others.splice(target, 0, moving);
    return others.flatMap((requirement, index) => (requirement.order === index + 1 ? [] : [{ ...requirement, order: index + 1, updatedAt: now }]));
  }
  return [{ ...moving, order, updatedAt: now }];
}

export interface BulkChange {
  readonly priority?: Moscow;
  readonly owner?: RequirementOwner;
  readonly status?: DecidedStatus;
}

/** Sets priority, owner and/or status on the selected requirements; merged ones are left alone. */
export function bulkUpdateRequirements(
  requirements: readonly Requirement[],
  requirementIds: readonly RequirementId[],
  change: BulkChange,
  now: Timestamp,
): Requirement[] {
  const selected = new Set(requirementIds);
  return requirements
    .filter((requirement) => selected.has(requirement.id))
    .flatMap((requirement) => editRequirement(requirement, { priority: change.priority, owner: change.owner, status: change.status }, now));
}

/**
 * Folds `absorbedId` into `keptId`. The kept requirement keeps its wording and gains the other's
 * sources, acceptance criteria and generation origins (so regenerating does not draft it
 * again), the higher priority, and owner `joint` when the owners differ. The absorbed one is
 * not deleted: it becomes `merged`, pointing at the kept one, so its key is never reused and a
 * reference to it in meeting notes can still be followed. Requirements merged into it before
 * are pointed at the kept one.
 */
export function mergeRequirements(requirements: readonly Requirement[], keptId: RequirementId, absorbedId: RequirementId, now: Timestamp): Requirement[] {
  const kept = requirements.find((requirement) => requirement.id === keptId);
  const absorbed = requirements.find((requirement) => requirement.id === absorbedId);
  if (!kept || !absorbed || kept.id === absorbed.id || kept.workshopId !== absorbed.workshopId) return [];
  if (kept.status === 'merged' || absorbed.status === 'merged') return [];
  const merged: Requirement = {
    ...kept,
    priority: MOSCOW_RANK[absorbed.priority] < MOSCOW_RANK[kept.priority] ? absorbed.priority : kept.priority,
    owner: kept.owner === absorbed.owner ? kept.owner : 'joint',
    // Criteria that differ only in surrounding spaces are one criterion.
    acceptanceCriteria: uniqueBy([...kept.acceptanceCriteria, ...absorbed.acceptanceCriteria], (criterion) => criterion.trim()),
    sources: uniqueSources([...kept.sources, ...absorbed.sources]),
    origins: uniqueBy([...kept.origins, ...absorbed.origins], originKey),
    updatedAt: now,
  };
  const pointAtKept = (requirement: Requirement): Requirement => ({ ...requirement, status: 'merged', mergedIntoId: kept.id, updatedAt: now });
  const earlier = requirements.filter((requirement) => requirement.status === 'merged' && requirement.mergedIntoId === absorbed.id);
  return [merged, pointAtKept(absorbed), ...earlier.map(pointAtKept)];
}

export interface SplitPart {
  /** Title of the new requirement. */
  readonly title: string;
  /** Positions in the original's acceptance criteria that move to the new requirement. */
  readonly movedCriteria: readonly number[];
}

/**
 * Splits a requirement in two: a new one (next key, right after the original in the backlog,
 * draft) with the given title, the original's description, type, priority, owner and sources,
 * and the criteria moved to it; the original keeps the rest and its generation origins, so
 * regenerating recognises it and the new one stays the facilitator's own.
 */
export function splitRequirement(
  requirements: readonly Requirement[],
  requirementId: RequirementId,
  part: SplitPart,
  now: Timestamp,
  newRequirementId: NewRequirementId = randomRequirementId,
): Requirement[] {
  const original = requirements.find((requirement) => requirement.id === requirementId);
  const title = part.title.trim();
  if (!original || original.status === 'merged' || !title) return [];
  const moved = new Set(part.movedCriteria);
  const mine = sortBacklog(requirements.filter((requirement) => requirement.workshopId === original.workshopId));
  const next = mine[mine.findIndex((requirement) => requirement.id === original.id) + 1];
  const created = createRequirement(
    {
      title: clip(title, MAX_TITLE_LENGTH),
      description: original.description,
      type: original.type,
      priority: original.priority,
      owner: original.owner,
      acceptanceCriteria: original.acceptanceCriteria.filter((_, index) => moved.has(index)),
      sources: original.sources,
      origins: [],
    },
    { workshopId: original.workshopId, keyNumber: nextKeyNumber(mine), order: next ? (original.order + next.order) / 2 : original.order + 1 },
    now,
    newRequirementId,
  );
  if (created.acceptanceCriteria.length === 0) return [created];
  const remaining = original.acceptanceCriteria.filter((_, index) => !moved.has(index));
  return [{ ...original, acceptanceCriteria: remaining, updatedAt: now }, created];
}
