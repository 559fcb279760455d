import { useSyncExternalStore } from 'react';
import { workshopIdSchema, type WorkshopId } from '../../shared/model';

/** Screens live in the URL hash, so a reload (or a crash and restart) reopens the same screen. */
export type Route = { readonly name: 'library' } | { readonly name: 'trash' } | { readonly name: 'workshop'; readonly workshopId: WorkshopId };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'trash') return { name: 'trash' };
  const workshopMatch = /^workshops\/(.+)$/.exec(path);
  if (workshopMatch) {
    const id = workshopIdSchema.safeParse(decodeURIComponent(workshopMatch[1] ?? ''));
    if (id.success) return { name: 'workshop', workshopId: id.data };
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
