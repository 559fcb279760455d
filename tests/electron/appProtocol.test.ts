import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, serveAppProtocol } from '../../electron/appProtocol';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const INDEX_HTML = '<!doctype html><title>Kakehashi</title>';
const SECRET = 'outside the renderer folder';
let workDir: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

const get = (url: string): Promise<Response> => serve(new Request(url));

function directives(response: Response): Map<string, string[]> {
  const header = response.headers.get('Content-Security-Policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

beforeAll(async () => {
  // Given a built renderer next to a secret file and a sibling folder whose name starts like the renderer's
  workDir = await mkdtemp(path.join(tmpdir(), 'kakehashi-protocol-'));
  rendererDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(workDir, 'secret.txt'), SECRET);
  await mkdir(path.join(workDir, 'renderer-evil'));
  await writeFile(path.join(workDir, 'renderer-evil', 'secret.txt'), SECRET);
  serve = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('app scheme registration', () => {
  it('registers kakehashi as a standard, secure scheme with fetch, CORS and streaming', () => {
    // When
    registerAppScheme();

    // Then
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'kakehashi',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
      },
    ]);
  });

  it('handles the kakehashi scheme by serving the given folder', async () => {
    // When
    serveAppProtocol(rendererDir);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0]!;

    // Then
    expect(scheme).toBe('kakehashi');
    expect(await (await handler(new Request('kakehashi://app/index.html'))).text()).toBe(INDEX_HTML);
  });
});

describe('serving the renderer', () => {
  it('serves index.html as HTML', async () => {
    // When
    const response = await get('kakehashi://app/index.html');

    // Then
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (file, contentType) => {
    // When
    const response = await get(`kakehashi://app/${file}`);

    // Then
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
  });

  it.each(['kakehashi://app/', 'kakehashi://app/workshops/42'])('falls back to index.html for the extensionless path %s', async (url) => {
    // When
    const response = await get(url);

    // Then
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('answers 404 for a missing file that has an extension', async () => {
    // When
    const response = await get('kakehashi://app/assets/missing.js');

    // Then
    expect(response.status).toBe(404);
  });

  it.each([
    'kakehashi://app/..%2fsecret.txt',
    'kakehashi://app/%2e%2e%2fsecret.txt',
    'kakehashi://app/assets/..%2f..%2fsecret.txt',
    'kakehashi://app/..%2frenderer-evil%2fsecret.txt',
  ])('refuses the path traversal %s', async (url) => {
    // When
    const response = await get(url);

    // Then
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(['kakehashi://evil/index.html', 'kakehashi://app.evil/index.html'])('refuses the unknown host in %s', async (url) => {
    // When
    const response = await get(url);

    // Then
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe(INDEX_HTML);
  });
});

describe('response headers', () => {
  it.each([
    ['a served page', 'kakehashi://app/index.html'],
    ['a script', 'kakehashi://app/assets/app.js'],
    ['a refusal', 'kakehashi://app/..%2fsecret.txt'],
    ['a missing file', 'kakehashi://app/nothing.png'],
  ])('%s carries the CSP and nosniff', async (_kind, url) => {
    // When
    const response = await get(url);

    // Then
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const csp = directives(response);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});
