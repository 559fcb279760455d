import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../shared/platform/csp';

/** The page the window loads. Its origin must never change: the user's IndexedDB data belongs to it. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL belongs to the app's own origin. Compares scheme and host rather than
 * `URL.origin`, because Node's URL reports origin "null" for schemes it does not know.
 */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
