import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardAllWebContents, guardWebContents } from '../../electron/security';
import { FakeWebContents } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

function guardedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

/** Emits a cancellable event and tells whether a listener cancelled it. */
function wasPrevented(contents: FakeWebContents, eventName: string, ...args: unknown[]): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, ...args);
  return event.preventDefault.mock.calls.length > 0;
}

function openWindow(contents: FakeWebContents, url: string): { action: string } {
  const handler = contents.setWindowOpenHandler.mock.calls[0]![0];
  return handler({ url });
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.session.defaultSession.permissionRequestHandlers.length = 0;
  electron.session.defaultSession.permissionCheckHandlers.length = 0;
});

describe('navigation', () => {
  it.each(['https://example.com', 'file:///etc/passwd', 'kakehashi://evil/index.html'])(
    'prevents navigating to %s',
    (url) => {
      // Given
      const contents = guardedContents();

      // When / Then
      expect(wasPrevented(contents, 'will-navigate', url)).toBe(true);
      expect(wasPrevented(contents, 'will-redirect', url)).toBe(true);
    },
  );

  it('lets the app navigate within its own origin', () => {
    // Given
    const contents = guardedContents();

    // When / Then
    expect(wasPrevented(contents, 'will-navigate', 'kakehashi://app/index.html#/trash')).toBe(false);
  });

  it('prevents attaching a webview', () => {
    // Given
    const contents = guardedContents();

    // When / Then
    expect(wasPrevented(contents, 'will-attach-webview', {}, {})).toBe(true);
  });
});

describe('window.open', () => {
  it('is denied, and an https link opens in the system browser instead', () => {
    // Given
    const contents = guardedContents();

    // When
    const result = openWindow(contents, 'https://example.com/help');

    // Then
    expect(result).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
  });

  it.each(['http://example.com', 'file:///etc/passwd', 'kakehashi://app/index.html'])(
    'is denied for %s without opening anything',
    (url) => {
      // Given
      const contents = guardedContents();

      // When
      const result = openWindow(contents, url);

      // Then
      expect(result).toEqual({ action: 'deny' });
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('guarding every web contents', () => {
  it('guards web contents created after installation', () => {
    // Given
    guardAllWebContents();
    const contents = new FakeWebContents();

    // When
    electron.app.emit('web-contents-created', {}, contents);

    // Then
    expect(wasPrevented(contents, 'will-navigate', 'https://example.com')).toBe(true);
    expect(openWindow(contents, 'https://example.com')).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])('denies a request for %s', (permission) => {
    // Given
    denyAllPermissions();
    const [requestHandler] = electron.session.defaultSession.permissionRequestHandlers;
    const callback = vi.fn();

    // When
    requestHandler!(new FakeWebContents(), permission, callback);

    // Then
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission check with false', () => {
    // Given
    denyAllPermissions();
    const [checkHandler] = electron.session.defaultSession.permissionCheckHandlers;

    // When / Then
    expect(checkHandler!(null, 'media', 'kakehashi://app', {})).toBe(false);
  });
});
