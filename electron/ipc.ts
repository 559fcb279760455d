import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { invokeChannels, invokePayloadSchemas, type InvokeResults } from '../shared/platform/bridge';
import { isAppUrl } from './appUrl';

type InvokeMethod = keyof typeof invokeChannels;
type PayloadOf<M extends InvokeMethod> = z.output<(typeof invokePayloadSchemas)[(typeof invokeChannels)[M]]>;

/** One main-process handler per invoke channel, typed against the contract the preload implements. */
export type InvokeHandlers = {
  [M in InvokeMethod]: (payload: PayloadOf<M>) => InvokeResults[M] | Promise<InvokeResults[M]>;
};

/** Only the top frame of our own window, showing our own origin, may call the platform. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (window === null || window.isDestroyed() || frame === null) return false;
  const mainFrame = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId &&
    isAppUrl(frame.url)
  );
}

/**
 * Registers every invoke channel. A handler runs only for a trusted sender and only with a
 * payload that passes the channel's schema: the renderer is treated as untrusted input.
 */
export function registerInvokeHandlers(getWindow: () => BrowserWindow | null, handlers: InvokeHandlers): void {
  for (const method of Object.keys(invokeChannels) as InvokeMethod[]) {
    const channel = invokeChannels[method];
    const schema: z.ZodType = invokePayloadSchemas[channel];
    // The mapped type guarantees each handler matches its channel's schema; TypeScript cannot follow that through the loop.
    const handler = handlers[method] as (payload: unknown) => unknown;
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        throw new Error(`${channel}: refused a message from a frame other than the app window`);
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new Error(`${channel}: invalid payload (${describeIssues(parsed.error)})`);
      return handler(parsed.data);
    });
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length === 0 ? '(payload)' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}
