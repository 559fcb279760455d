import { MAX_TEXT_LENGTH, type Timestamp } from '../model/common';
import { newId, type RequirementId, type WorkshopId } from '../model/ids';
import type { Requirement, RequirementOrigin, RequirementSource } from '../model/requirement';
import { keyNumber } from './workshopIndex';

/** The longest title the requirement schema accepts. */
export const MAX_TITLE_LENGTH = 500;

/**
 * The key after the highest one the workshop ever used — counting rejected and merged
 * requirements, which are kept for exactly this reason — so a key is never given twice.
 */
export function nextKeyNumber(requirements: readonly Pick<Requirement, 'key'>[]): number {
  return requirements.reduce((highest, requirement) => Math.max(highest, keyNumber(requirement.key)), 0) + 1;
}

export function formatKey(number: number): string {
  return `REQ-${String(number).padStart(3, '0')}`;
}

export function originKey(origin: RequirementOrigin): string {
  return `${origin.kind}:${origin.id}`;
}

export function sourceKey(source: RequirementSource): string {
  return `${source.kind}:${source.id}`;
}

/** The items in their first order, each once by `keyOf`. */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const uniqueSources = (sources: readonly RequirementSource[]) => uniqueBy(sources, sourceKey);

/** Cuts text to what the schema holds, marking the cut, so long user text never makes a draft invalid. */
export function clip(text: string, max: number = MAX_TEXT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first non-empty line, trimmed: a multi-line trigger or title still gives a one-line heading. */
export function firstLine(text: string): string {
  // Walks line by line instead of splitting: exports call this for every source of every requirement.
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line) return line;
    start = end + 1;
  }
  return '';
}

export type NewRequirementId = () => RequirementId;
export const randomRequirementId: NewRequirementId = () => newId('requirement');

/** What a new requirement is made of; everything else is filled in by `createRequirement`. */
export type RequirementContent = Pick<Requirement, 'title' | 'description' | 'type' | 'priority' | 'owner' | 'acceptanceCriteria' | 'sources' | 'origins'>;

export function createRequirement(
  content: RequirementContent,
  place: { readonly workshopId: WorkshopId; readonly keyNumber: number; readonly order: number },
  now: Timestamp,
  newRequirementId: NewRequirementId,
): Requirement {
  return {
    id: newRequirementId(),
    workshopId: place.workshopId,
    key: formatKey(place.keyNumber),
    title: clip(content.title, MAX_TITLE_LENGTH),
    description: clip(content.description),
    type: content.type,
    priority: content.priority,
    owner: content.owner,
    acceptanceCriteria: content.acceptanceCriteria.map((criterion) => clip(criterion)),
    sources: uniqueSources(content.sources),
    status: 'draft',
    origins: content.origins,
    mergedIntoId: null,
    order: place.order,
    createdAt: now,
    updatedAt: now,
  };
}
