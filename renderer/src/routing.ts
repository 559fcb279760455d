import { useSyncExternalStore } from 'react';
import { processIdSchema, stepIdSchema, workshopIdSchema, type MapVariant, type ProcessId, type StepId, type WorkshopId } from '../../shared/model';

/** Screens live in the URL hash, so a reload (or a crash and restart) reopens the same screen. */
export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'trash' }
  | { readonly name: 'workshop'; readonly workshopId: WorkshopId }
  | { readonly name: 'backlog'; readonly workshopId: WorkshopId }
  | { readonly name: 'report'; readonly workshopId: WorkshopId }
  /** `focus`: a step to select and centre once the map is open (a link from the backlog). */
  | { readonly name: 'map'; readonly workshopId: WorkshopId; readonly processId: ProcessId; readonly variant: MapVariant; readonly focus?: StepId }
  | { readonly name: 'compare'; readonly workshopId: WorkshopId; readonly processId: ProcessId };

const variantSegments: Record<MapVariant, string> = { asIs: 'as-is', toBe: 'to-be' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  if (path === 'trash') return { name: 'trash' };
  const processMatch = /^workshops\/([^/]+)\/processes\/([^/]+)\/(as-is|to-be|compare)$/.exec(path);
  if (processMatch) {
    const workshopId = workshopIdSchema.safeParse(safeDecode(processMatch[1] ?? ''));
    const processId = processIdSchema.safeParse(safeDecode(processMatch[2] ?? ''));
    if (workshopId.success && processId.success) {
      const ids = { workshopId: workshopId.data, processId: processId.data };
      if (processMatch[3] === 'compare') return { name: 'compare', ...ids };
      const focus = stepIdSchema.safeParse(new URLSearchParams(query).get('focus'));
      return { name: 'map', ...ids, variant: processMatch[3] === 'to-be' ? 'toBe' : 'asIs', ...(focus.success ? { focus: focus.data } : {}) };
    }
  }
  const workshopMatch = /^workshops\/([^/]+)(\/backlog|\/report)?$/.exec(path);
  if (workshopMatch) {
    const id = workshopIdSchema.safeParse(safeDecode(workshopMatch[1] ?? ''));
    if (id.success) {
      if (workshopMatch[2] === '/report') return { name: 'report', workshopId: id.data };
      return workshopMatch[2] ? { name: 'backlog', workshopId: id.data } : { name: 'workshop', workshopId: id.data };
    }
  }
  return { name: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'trash':
      return '#/trash';
    case 'workshop':
      return `#/workshops/${encodeURIComponent(route.workshopId)}`;
    case 'backlog':
      return `#/workshops/${encodeURIComponent(route.workshopId)}/backlog`;
    case 'report':
      return `#/workshops/${encodeURIComponent(route.workshopId)}/report`;
    case 'map': {
      const path = `#/workshops/${encodeURIComponent(route.workshopId)}/processes/${encodeURIComponent(route.processId)}/${variantSegments[route.variant]}`;
      return route.focus ? `${path}?focus=${encodeURIComponent(route.focus)}` : path;
    }
    case 'compare':
      return `#/workshops/${encodeURIComponent(route.workshopId)}/processes/${encodeURIComponent(route.processId)}/compare`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
