import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannels, type PrintToPDFRequest } from '../../shared/platform/bridge';
import { registerInvokeHandlers, type InvokeHandlers } from '../../electron/ipc';
import { createPrintHandlers, type PrintHandlers } from '../../electron/printHandlers';
import { createFileHistory, type FileHistory } from '../../electron/fileHistory';
import { FakeBrowserWindow, ipcEvent, registeredHandler } from './fakeElectron';

const electron = await vi.hoisted(async () => (await import('./fakeElectron')).createFakeElectron());
vi.mock('electron', () => electron);

const PDF = new TextEncoder().encode('%PDF-1.7\n% Kakehashi report\n%%EOF\n');
const request: PrintToPDFRequest = { title: 'Save the report', suggestedName: '買掛金ワークショップ-報告書.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] };

let dir: string;
let window: FakeBrowserWindow;
let printToPDF: ReturnType<typeof vi.fn<(options: Electron.PrintToPDFOptions) => Promise<Uint8Array>>>;
let history: FileHistory;
let handlers: PrintHandlers;

const userPicksToSave = (file: string): void => {
  electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
};

beforeEach(async () => {
  vi.clearAllMocks();
  dir = await mkdtemp(path.join(tmpdir(), 'kakehashi-print-'));
  window = new FakeBrowserWindow({});
  // The fake window's contents print a small PDF.
  printToPDF = vi.fn(async () => PDF);
  Object.assign(window.webContents, { printToPDF });
  history = createFileHistory(path.join(dir, 'user-data', 'file-history.json'));
  handlers = createPrintHandlers(() => window as unknown as BrowserWindow, history);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('printToPDF', () => {
  it('asks where to save, prints the window on A4 with its print stylesheet, and writes the PDF there', async () => {
    // Given
    const file = path.join(dir, 'report.pdf');
    userPicksToSave(file);

    // When
    const saved = await handlers.printToPDF(request);

    // Then
    expect(saved).toEqual({ name: 'report.pdf', path: file });
    expect(await readFile(file)).toEqual(Buffer.from(PDF));
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, landscape: false }));
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ title: 'Save the report', defaultPath: request.suggestedName, filters: request.filters }),
    );
    // No temporary file is left next to it.
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['report.pdf']));
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('prints nothing when the user cancels the dialog', async () => {
    // When (the fake dialog cancels by default)
    const saved = await handlers.printToPDF(request);

    // Then
    expect(saved).toBeNull();
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('starts the next dialog in the folder the last PDF went to', async () => {
    // Given a first report saved in a folder
    const folder = path.join(dir, 'reports');
    await mkdir(folder);
    userPicksToSave(path.join(folder, 'first.pdf'));
    await handlers.printToPDF(request);

    // When
    await handlers.printToPDF(request);

    // Then
    expect(electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ defaultPath: path.join(folder, request.suggestedName) }));
  });

  it('prints in landscape when asked', async () => {
    userPicksToSave(path.join(dir, 'wide.pdf'));
    await handlers.printToPDF({ ...request, landscape: true });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ landscape: true }));
  });

  it('refuses when there is no window to print', async () => {
    handlers = createPrintHandlers(() => null, history);
    await expect(handlers.printToPDF(request)).rejects.toThrow(/No window to print/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('the print channel', () => {
  it('runs only for the app window and only with a valid request', async () => {
    // Given the print handler registered behind the IPC guard
    const printSpy = vi.fn<InvokeHandlers['printToPDF']>(async () => null);
    registerInvokeHandlers(() => window as unknown as BrowserWindow, { printToPDF: printSpy } as unknown as InvokeHandlers);
    const registered = registeredHandler(electron, invokeChannels.printToPDF);
    const handle = (...args: Parameters<typeof registered>) => Promise.resolve().then(() => registered(...args));

    // When another origin asks, or the request names a path
    const foreign = handle(ipcEvent(window, { ...window.webContents.mainFrame, url: 'https://example.com/' }), request);
    const climbing = handle(ipcEvent(window), { ...request, suggestedName: '../../report.pdf' });

    // Then neither reaches the handler
    await expect(foreign).rejects.toThrow(/print:to-pdf: refused a message from a frame other than the app window/);
    await expect(climbing).rejects.toThrow(/print:to-pdf: invalid payload/);
    expect(printSpy).not.toHaveBeenCalled();

    // And the app window's own request does
    await handle(ipcEvent(window), request);
    expect(printSpy).toHaveBeenCalledExactlyOnceWith(request);
  });
});
