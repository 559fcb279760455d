/**
 * The Content-Security-Policy of the renderer: sent as a header by the Electron protocol
 * handler and written as a meta tag into the built index.html, so the browser build runs
 * under the same policy. No inline or eval'd script, no plugins, no remote content.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** The privileged scheme the desktop app serves its renderer from. Never change it: IndexedDB data belongs to this origin. */
export const APP_SCHEME = 'kakehashi';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
