import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useEditor } from '../../renderer/src/editor/editorStore';
import { routeHash } from '../../renderer/src/routing';
import { editorBody, openAccountsPayable, stepNode } from './openMap';

describe('map editor', () => {
  it('draws the lanes and the steps of the map, each step type with its own shape', async () => {
    const { db } = await openAccountsPayable();
    const lanes = screen.getAllByTestId('lane-node').map((lane) => lane.querySelector('.lane-name')?.textContent);
    expect(lanes).toEqual(expect.arrayContaining(['取引先', '経理部', '会計システム']));
    expect(stepNode('三点照合')).toBeDefined();
    const { model } = useEditor.getState();
    for (const node of screen.getAllByTestId('step-node')) {
      const step = [...model.steps.values()].find((candidate) => node.textContent?.includes(candidate.label) && candidate.label !== '');
      if (step) expect(node.dataset.stepType).toBe(step.type);
    }
    // Off-screen steps are not rendered; those that are carry their type's own outline.
    const rendered = [...new Set(screen.getAllByTestId('step-node').map((node) => node.dataset.stepType ?? ''))];
    expect(rendered.length).toBeGreaterThanOrEqual(3);
    const outline = (type: string) => document.querySelector(`[data-step-type="${type}"] .step-shape path`)?.getAttribute('d');
    expect(new Set(rendered.map(outline)).size).toBeGreaterThan(1);
    await db.delete();
  });

  it('Tab adds the next step after the selected one and opens its name for typing; Enter saves it', async () => {
    const { db } = await openAccountsPayable();
    const stepsBefore = await db.steps.count();
    const source = useEditor.getState();
    const invoiceStep = [...source.model.steps.values()].find((step) => step.label === '請求書発行');
    act(() => useEditor.getState().select([invoiceStep!.id]));
    fireEvent.keyDown(editorBody(), { key: 'Tab' });
    const input = await waitFor(() => {
      const element = document.querySelector<HTMLTextAreaElement>('.step-node .inline-text');
      expect(element).not.toBeNull();
      return element!;
    });
    fireEvent.change(input, { target: { value: '差異確認' } });
    // The Enter that confirms an IME conversion does not end the edit.
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(document.querySelector('.step-node .inline-text')).not.toBeNull();
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(async () => expect(await db.steps.count()).toBe(stepsBefore + 1));
    const added = (await db.steps.toArray()).find((step) => step.label === '差異確認');
    expect(added?.laneId).toBe(invoiceStep!.laneId);
    const link = (await db.connections.toArray()).find((connection) => connection.targetStepId === added?.id);
    expect(link?.sourceStepId).toBe(invoiceStep!.id);
    await db.delete();
  });

  it('Delete removes the selected step and its connections; undo brings them back, redo removes them again', async () => {
    const { db } = await openAccountsPayable();
    const steps = await db.steps.count();
    const connections = await db.connections.count();
    const target = [...useEditor.getState().model.steps.values()].find((step) => step.label.includes('三点照合'))!;
    act(() => useEditor.getState().select([target.id]));
    fireEvent.keyDown(editorBody(), { key: 'Delete' });
    await waitFor(async () => expect(await db.steps.count()).toBe(steps - 1));
    expect(await db.connections.count()).toBeLessThan(connections);
    fireEvent.keyDown(editorBody(), { key: 'z', ctrlKey: true });
    await waitFor(async () => expect(await db.steps.count()).toBe(steps));
    expect(await db.connections.count()).toBe(connections);
    fireEvent.keyDown(editorBody(), { key: 'y', ctrlKey: true });
    await waitFor(async () => expect(await db.steps.count()).toBe(steps - 1));
    await db.delete();
  });

  it('deleting a lane with steps asks where they go, and moves them there', async () => {
    const { db } = await openAccountsPayable();
    const user = userEvent.setup();
    const model = useEditor.getState().model;
    const vendorLane = [...model.lanes.values()].find((lane) => lane.name === '取引先')!;
    const vendorSteps = [...model.steps.values()].filter((step) => step.laneId === vendorLane.id).map((step) => step.id);
    expect(vendorSteps.length).toBeGreaterThan(0);
    act(() => useEditor.getState().select([vendorLane.id]));
    fireEvent.keyDown(editorBody(), { key: 'Delete' });
    const dialog = await screen.findByRole('dialog', { name: 'レーン「取引先」を削除' });
    expect(within(dialog).getByText(/件の工程があります/)).toBeTruthy();
    const target = within(dialog).getByRole('combobox', { name: '移動先のレーン' });
    await user.selectOptions(target, within(target).getByRole('option', { name: '経理部' }));
    await user.click(within(dialog).getByRole('button', { name: 'レーンを削除' }));
    await waitFor(async () => expect(await db.lanes.get(vendorLane.id)).toBeUndefined());
    const accountingLane = [...model.lanes.values()].find((lane) => lane.name === '経理部')!;
    for (const id of vendorSteps) expect((await db.steps.get(id))?.laneId).toBe(accountingLane.id);
    await db.delete();
  });

  it('the attributes panel saves what is typed into it as one edit', async () => {
    const { db } = await openAccountsPayable();
    const user = userEvent.setup();
    const target = [...useEditor.getState().model.steps.values()].find((step) => step.label.includes('三点照合'))!;
    act(() => useEditor.getState().select([target.id]));
    const panel = await screen.findByTestId('step-panel');
    const touch = within(panel).getByLabelText('作業時間（分/回）');
    await user.clear(touch);
    await user.type(touch, '25{Enter}');
    await waitFor(async () => expect((await db.steps.get(target.id))?.touchMinutes).toBe(25));
    await user.type(within(panel).getByLabelText('ツール'), '照合表.xlsx, 発注一覧.xlsx');
    await user.tab();
    await waitFor(async () => expect((await db.steps.get(target.id))?.tools).toEqual(['照合表.xlsx', '発注一覧.xlsx']));
    expect(useEditor.getState().past.length).toBe(2);
    await db.delete();
  });
});
