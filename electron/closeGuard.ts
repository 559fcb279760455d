import type { BrowserWindow } from 'electron';
import { eventChannels } from '../shared/platform/bridge';

/** Long enough to write a large workshop's backup; short enough that a hung page does not keep the window. */
export const CLOSE_WAIT_MS = 8_000;

export interface CloseGuard {
  /** The renderer has done what it does before closing (written its last backups). */
  readyToClose(): void;
}

/**
 * Holds a closing window open until the renderer says it is ready: the last automatic backups
 * are written from the renderer (it holds the data), and a page being torn down cannot be
 * relied on to finish an asynchronous write. A renderer that crashed or does not answer in
 * time does not keep the window open.
 */
export function guardClose(window: BrowserWindow, waitMs: number = CLOSE_WAIT_MS): CloseGuard {
  let state: 'open' | 'waiting' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    if (state === 'closing') return;
    state = 'closing';
    clearTimeout(timer);
    if (!window.isDestroyed()) window.close();
  };

  window.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    window.webContents.send(eventChannels.beforeClose);
    timer = setTimeout(close, waitMs);
  });
  window.webContents.on('render-process-gone', () => {
    if (state === 'waiting') close();
  });

  return {
    readyToClose() {
      if (state === 'waiting') close();
    },
  };
}
