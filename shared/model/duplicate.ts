import { idPrefixes, newId, type IdKind } from './ids';
import type { Timestamp } from './common';
import type { WorkshopDocument } from './document';

const prefixToKind = new Map<string, IdKind>(
  Object.entries(idPrefixes).map(([kind, prefix]) => [prefix, kind as IdKind]),
);

type Json = unknown;

function walk(value: Json, visit: (key: string, inner: Json) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      visit(key, inner);
      walk(inner, visit);
    }
  }
}

function mapStrings(value: Json, map: (text: string) => string): Json {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapStrings(inner, map)]));
  }
  return value;
}

/**
 * A copy of a workshop in which every record (and participant) has a new id and every
 * reference follows. References are found by value: any string equal to an `id` held in the
 * document, whatever property holds it — so record types and reference fields added later
 * (`raisedBy`, `sources[].id`, …) are covered without touching this function, and text a
 * user typed is left alone unless it is exactly an id.
 */
export function duplicateWorkshopDocument(document: WorkshopDocument, name: string, now: Timestamp): WorkshopDocument {
  const mapping = new Map<string, string>();
  walk(document, (key, inner) => {
    if (key !== 'id' || typeof inner !== 'string' || mapping.has(inner)) return;
    const kind = prefixToKind.get(inner.slice(0, inner.indexOf(':')));
    if (kind) mapping.set(inner, newId(kind));
  });
  const copy = mapStrings(document, (text) => mapping.get(text) ?? text) as WorkshopDocument;
  return {
    ...copy,
    savedAt: now,
    workshop: { ...copy.workshop, name, createdAt: now, updatedAt: now, deletedAt: null },
  };
}
