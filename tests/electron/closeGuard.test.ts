import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels } from '../../shared/platform/bridge';
import { CLOSE_WAIT_MS, guardClose, type CloseGuard } from '../../electron/closeGuard';
import { FakeBrowserWindow } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

let window: FakeBrowserWindow;
let guard: CloseGuard;
let closed: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  window = new FakeBrowserWindow({});
  guard = guardClose(window as unknown as BrowserWindow);
  closed = vi.fn();
  window.on('closed', closed);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('closing the window', () => {
  it('first asks the renderer to get ready, and keeps the window open meanwhile', () => {
    // When
    window.close();

    // Then
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(eventChannels.beforeClose);
    expect(closed).not.toHaveBeenCalled();
  });

  it('closes once the renderer is ready', () => {
    // Given
    window.close();

    // When
    guard.readyToClose();

    // Then
    expect(closed).toHaveBeenCalledOnce();
  });

  it('asks only once when the user closes again while waiting', () => {
    // When
    window.close();
    window.close();

    // Then
    expect(window.webContents.send).toHaveBeenCalledOnce();
    expect(closed).not.toHaveBeenCalled();
  });

  it(`closes anyway after ${CLOSE_WAIT_MS} ms without an answer`, () => {
    // Given
    window.close();

    // When
    vi.advanceTimersByTime(CLOSE_WAIT_MS - 1);
    expect(closed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);

    // Then
    expect(closed).toHaveBeenCalledOnce();
  });

  it('closes at once when the renderer crashed while the window waited', () => {
    // Given
    window.close();

    // When
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });

    // Then
    expect(closed).toHaveBeenCalledOnce();
  });

  it('ignores a crash or a ready message while the window is not closing', () => {
    // When
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    guard.readyToClose();

    // Then
    expect(window.close).not.toHaveBeenCalled();
    expect(closed).not.toHaveBeenCalled();
  });
});
