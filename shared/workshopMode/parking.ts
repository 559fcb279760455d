import { addRequirement } from '../backlog/edit';
import { randomRequirementId, type NewRequirementId } from '../backlog/keys';
import { addPainPoint, type NewPainPoint } from '../capture/commands';
import { putNew, updateRecord, type CaptureContext } from '../capture/records';
import { EMPTY_PATCH, combinePatches, isEmptyPatch, patch, type MapPatch, type MapState } from '../editor/mapState';
import type { AnnotationTarget } from '../model/annotations';
import type { Timestamp } from '../model/common';
import { newId, type PainPointId, type ParkingItemId, type ParticipantId, type ProcessId, type QuestionId } from '../model/ids';
import type { Moscow, Requirement, RequirementOwner, RequirementType } from '../model/requirement';
import type { ParkingConversion, ParkingItem } from '../model/workshopMode';
import { targetOnMap, titleFromText, type WorkshopContext } from './context';
import { newQuestion, type NewQuestion } from './questions';

/**
 * The parking lot (保留事項): remarks that do not belong to the step being discussed, captured
 * without leaving the canvas and dealt with later — resolved, or turned into a question, a
 * pain point or a requirement. The item is kept, marked `converted`, pointing at what it became.
 */

export interface NewParkingItem {
  readonly text: string;
  readonly processId?: ProcessId | null;
  readonly raisedBy?: ParticipantId | null;
}

export function addParkingItem(ctx: WorkshopContext, input: NewParkingItem): { patch: MapPatch; id: ParkingItemId } {
  const item: ParkingItem = {
    id: newId('parkingItem'),
    workshopId: ctx.workshopId,
    processId: input.processId ?? null,
    text: input.text.trim(),
    raisedBy: input.raisedBy ?? null,
    status: 'open',
    convertedTo: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (item.text.length === 0) return { patch: EMPTY_PATCH, id: item.id };
  return { patch: putNew('parkingItems', item), id: item.id };
}

export type ParkingItemChanges = Partial<Pick<ParkingItem, 'text' | 'processId' | 'raisedBy'>>;

export function updateParkingItem(state: MapState, id: ParkingItemId, changes: ParkingItemChanges, now: Timestamp): MapPatch {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as ParkingItemChanges;
  if (given.text !== undefined) {
    given.text = given.text.trim();
    if (given.text.length === 0) return EMPTY_PATCH;
  }
  return updateRecord(state, 'parkingItems', id, given, now);
}

/** Marks an open item resolved (dealt with, nothing to carry forward). */
export function resolveParkingItem(state: MapState, id: ParkingItemId, now: Timestamp): MapPatch {
  if (state.parkingItems.get(id)?.status !== 'open') return EMPTY_PATCH;
  return updateRecord(state, 'parkingItems', id, { status: 'resolved' }, now);
}

/** Takes a resolved item back to open. */
export function reopenParkingItem(state: MapState, id: ParkingItemId, now: Timestamp): MapPatch {
  if (state.parkingItems.get(id)?.status !== 'resolved') return EMPTY_PATCH;
  return updateRecord(state, 'parkingItems', id, { status: 'open' }, now);
}

export function deleteParkingItem(state: MapState, id: ParkingItemId): MapPatch {
  return state.parkingItems.has(id) ? patch({ remove: { parkingItems: [id] } }) : EMPTY_PATCH;
}

/** An item not converted yet (open or resolved). */
function convertible(state: MapState, id: ParkingItemId): ParkingItem | null {
  const item = state.parkingItems.get(id);
  return item && item.status !== 'converted' ? item : null;
}

function markConverted(item: ParkingItem, convertedTo: ParkingConversion, now: Timestamp): MapPatch {
  return patch({ put: { parkingItems: [{ ...item, status: 'converted', convertedTo, updatedAt: now }] } });
}

/** Turns an item into an open question about the item's process, its source the item. */
export function parkingItemToQuestion(
  state: MapState,
  id: ParkingItemId,
  now: Timestamp,
  input: Omit<NewQuestion, 'text' | 'source' | 'processId'> = {},
): { patch: MapPatch; id: QuestionId | null } {
  const item = convertible(state, id);
  if (!item) return { patch: EMPTY_PATCH, id: null };
  const question = newQuestion({ workshopId: item.workshopId, now }, { ...input, text: item.text, processId: item.processId, source: { kind: 'parkingItem', id: item.id } });
  const added = question ? putNew('questions', question) : EMPTY_PATCH;
  if (!question || isEmptyPatch(added)) return { patch: EMPTY_PATCH, id: null };
  return { patch: combinePatches(added, markConverted(item, { kind: 'question', id: question.id }, now)), id: question.id };
}

/**
 * Turns an item into a pain point on `target` of the map being edited (the context's): the
 * first line is the title, the whole text the description, who raised it stays.
 */
export function parkingItemToPainPoint(
  state: MapState,
  ctx: CaptureContext,
  id: ParkingItemId,
  target: AnnotationTarget,
  input: Pick<NewPainPoint, 'category' | 'severity'> = {},
): { patch: MapPatch; id: PainPointId | null } {
  const item = convertible(state, id);
  if (!item || item.workshopId !== ctx.workshopId || !targetOnMap(state, target, ctx.mapId)) return { patch: EMPTY_PATCH, id: null };
  const added = addPainPoint(ctx, target, { ...input, title: titleFromText(item.text), description: item.text, raisedBy: item.raisedBy });
  if (isEmptyPatch(added.patch)) return { patch: EMPTY_PATCH, id: null };
  return { patch: combinePatches(added.patch, markConverted(item, { kind: 'painPoint', id: added.id }, ctx.now)), id: added.id };
}

export interface ParkingRequirementContent {
  /** Default `functional`. */
  readonly type?: RequirementType;
  /** Default `should`. */
  readonly priority?: Moscow;
  /** Default `joint`. */
  readonly owner?: RequirementOwner;
}

/**
 * Turns an item into a requirement written by hand (the next key, last in the backlog, draft):
 * its first line is the title, the whole text the description. Requirements are not editor
 * records: the caller writes `requirement` with the backlog's own write, and `patch` (the item
 * marked converted) with the map's — undoing the patch does not take the requirement back.
 * `requirements` must be all of the workshop's, so the key is new.
 */
export function parkingItemToRequirement(
  state: MapState,
  requirements: readonly Requirement[],
  id: ParkingItemId,
  now: Timestamp,
  content: ParkingRequirementContent = {},
  newRequirementId: NewRequirementId = randomRequirementId,
): { requirement: Requirement | null; patch: MapPatch } {
  const item = convertible(state, id);
  if (!item) return { requirement: null, patch: EMPTY_PATCH };
  const requirement = addRequirement(
    requirements,
    item.workshopId,
    {
      title: titleFromText(item.text, 500),
      description: item.text,
      type: content.type ?? 'functional',
      priority: content.priority ?? 'should',
      owner: content.owner ?? 'joint',
      acceptanceCriteria: [],
      sources: [],
    },
    now,
    newRequirementId,
  );
  return { requirement, patch: markConverted(item, { kind: 'requirement', id: requirement.id }, now) };
}
