import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '../shared/platform/csp';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Must run before `app` is ready. Standard + secure gives the scheme a real origin with IndexedDB and a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

/** Serves the built renderer from `rendererDir`; anything outside it, or on another host, is a 404. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    const file = resolveRequestedFile(root, request.url);
    if (file === null) return notFound();
    try {
      return respond(await readFile(file), 200, mimeTypeOf(file));
    } catch {
      return notFound();
    }
  };
}

function resolveRequestedFile(root: string, url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol: scheme, host, pathname } = new URL(url);
  if (scheme !== `${APP_SCHEME}:` || host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Client-side routes have no extension: they all render index.html.
  const target = path.extname(relative) === '' ? 'index.html' : relative;
  // Decoding may have produced "../" (from %2e%2e%2f) or a backslash, so check the resolved path, not the URL.
  const file = path.resolve(root, `.${path.sep}${target}`);
  return file.startsWith(root + path.sep) ? file : null;
}

function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function notFound(): Response {
  return respond(new TextEncoder().encode('Not found'), 404, 'text/plain; charset=utf-8');
}

function respond(body: Uint8Array<ArrayBuffer>, status: number, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
