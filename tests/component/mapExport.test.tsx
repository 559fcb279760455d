import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { forkToBe } from '../../shared/editor';
import type { SaveFileRequest } from '../../shared/platform/bridge';
import { loadMapRecords, saveToBeMap } from '../../renderer/src/db/mapRepository';
import { routeHash } from '../../renderer/src/routing';
import { openAccountsPayable } from './openMap';

/** The saved SVG read back by the browser's own XML parser: elements by class, and each one's <title>. */
function readSvg(text: string) {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(parsed.querySelector('parsererror')).toBeNull();
  return { byClass: (name: string) => [...parsed.querySelectorAll(`.${name}`)] };
}
const titleOf = (element: Element) => element.querySelector(':scope > title')?.textContent;
const attribute = (element: Element, name: string) => element.getAttribute(name);

const savedRequest = (saveFile: { mock: { calls: unknown[][] } }): SaveFileRequest => saveFile.mock.calls[saveFile.mock.calls.length - 1]![0] as SaveFileRequest;

describe('exporting a map from the editor', () => {
  it('saves the whole map as SVG with every lane and step, named after the process', async () => {
    // Given the accounts-payable map open
    const user = userEvent.setup();
    const { db, view } = await openAccountsPayable();
    const bridge = view.bridge;

    // When
    await user.click(await screen.findByRole('button', { name: '書き出し' }));
    await user.click(screen.getByRole('menuitem', { name: 'SVG 画像（マップ全体）' }));

    // Then
    await waitFor(() => expect(bridge.saveFile).toHaveBeenCalledOnce());
    const request = savedRequest(bridge.saveFile);
    expect(request.suggestedName).toBe('買掛金支払-As-Is.svg');
    expect(request.mimeType).toBe('image/svg+xml');
    expect(request.filters).toEqual([{ name: 'SVG 画像', extensions: ['svg'] }]);
    const svg = readSvg(new TextDecoder().decode(request.data));
    const steps = await db.steps.toArray();
    expect(svg.byClass('step').map(titleOf).sort()).toEqual(steps.map((step) => step.label).sort());
    expect(svg.byClass('lane')).toHaveLength(await db.lanes.count());
    expect(await screen.findByText('「買掛金支払-As-Is.svg」を書き出しました。')).toBeTruthy();
  });

  it('saves the map as BPMN 2.0 that bpmn-moddle reads without warnings', async () => {
    const user = userEvent.setup();
    const { db, view } = await openAccountsPayable();
    await user.click(await screen.findByRole('button', { name: '書き出し' }));
    await user.click(screen.getByRole('menuitem', { name: 'BPMN 2.0 (.bpmn)' }));
    await waitFor(() => expect(view.bridge.saveFile).toHaveBeenCalledOnce());
    const request = savedRequest(view.bridge.saveFile);
    expect(request.suggestedName).toBe('買掛金支払-As-Is.bpmn');
    const read = await new BpmnModdle().fromXML(new TextDecoder().decode(request.data));
    expect(read.warnings).toEqual([]);
    const xml = new TextDecoder().decode(request.data);
    for (const step of await db.steps.toArray()) if (step.label) expect(xml).toContain(step.label);
  });

  it('closes the menu with Escape without exporting, and keeps the editor’s keys away from it', async () => {
    const user = userEvent.setup();
    const { view } = await openAccountsPayable();
    await user.click(await screen.findByRole('button', { name: '書き出し' }));
    const menu = screen.getByRole('menu');
    expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[1]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(view.bridge.saveFile).not.toHaveBeenCalled();
  });
});

describe('exporting the comparison', () => {
  it('saves both maps side by side as SVG with the marks of what changed', async () => {
    // Given a process with a To-Be map forked from its As-Is map
    const user = userEvent.setup();
    const { db, processId, view } = await openAccountsPayable();
    const process = (await db.processes.get(processId))!;
    const asIsMap = (await db.maps.get(process.asIsMapId))!;
    const fork = forkToBe(await loadMapRecords(db, process.asIsMapId), asIsMap, new Date().toISOString());
    // Automate one manual step, so the comparison has something to mark.
    const manual = fork.steps.find((step) => step.type === 'manualTask')!;
    fork.steps[fork.steps.indexOf(manual)] = { ...manual, type: 'systemTask' };
    await saveToBeMap(db, process, fork);
    window.location.hash = routeHash({ name: 'compare', workshopId: process.workshopId, processId });

    // When
    await user.click(await screen.findByRole('button', { name: '比較図を書き出し' }));
    await user.click(screen.getByRole('menuitem', { name: 'SVG 画像（マップ全体）' }));

    // Then
    await waitFor(() => expect(view.bridge.saveFile).toHaveBeenCalledOnce());
    const request = savedRequest(view.bridge.saveFile);
    expect(request.suggestedName).toBe('買掛金支払-As-Is-To-Be.svg');
    const svg = readSvg(new TextDecoder().decode(request.data));
    expect(svg.byClass('map').map((map) => attribute(map, 'data-variant'))).toEqual(['asIs', 'toBe']);
    expect(svg.byClass('legend-item').map((item) => attribute(item, 'data-legend'))).toEqual(expect.arrayContaining(['removed', 'added', 'changed', 'automated']));
    expect(svg.byClass('status-mark').map((mark) => attribute(mark, 'data-status'))).toEqual(['automated', 'automated']);
  });
});
