import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { patch } from '../../shared/editor';
import { createParticipant, type StepId, type WorkshopId } from '../../shared/model';
import { useCaptureView } from '../../renderer/src/capture/captureStore';
import { setParticipants } from '../../renderer/src/db/workshopRepository';
import { useEditor } from '../../renderer/src/editor/editorStore';
import { editorBody, openAccountsPayable, stepNode } from './openMap';

const yamada = createParticipant('山田 花子', 'accounting', 'AP担当');
const sato = createParticipant('佐藤 一郎', 'accounting', '経理課長');

async function openWithParticipants() {
  const opened = await openAccountsPayable((db, workshopId) => setParticipants(db, workshopId as WorkshopId, [yamada, sato]));
  act(() => useCaptureView.setState({ panel: 'inspector', heatMode: null, quick: null, expandedId: null, sessionId: null, speakerId: null }));
  return opened;
}

function stepId(label: string): StepId {
  const step = [...useEditor.getState().model.steps.values()].find((candidate) => candidate.label === label);
  if (!step) throw new Error(`no step ${label}`);
  return step.id;
}

const imeEnter = (element: Element) => fireEvent.keyDown(element, { key: 'Enter', keyCode: 229, isComposing: true });

describe('capturing remarks on the map', () => {
  it('P on a selected step opens the pain-point field; the IME Enter does not add, Enter does, and it is saved on that step', async () => {
    const { db } = await openWithParticipants();
    const request = stepId('支払依頼書作成');
    act(() => useEditor.getState().select([request]));
    fireEvent.keyDown(editorBody(), { key: 'p' });
    const field = await screen.findByTestId('quick-pain-point');
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '会計システムに二重入力' } });
    imeEnter(field);
    expect(useEditor.getState().model.painPoints.size).toBe(0);
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect(await db.painPoints.count()).toBe(1));
    const [stored] = await db.painPoints.toArray();
    expect(stored).toMatchObject({ title: '会計システムに二重入力', target: { kind: 'step', stepId: request }, status: 'open' });
    await waitFor(() => expect(stepNode('支払依頼書作成')?.querySelector('[data-badge="pain"]')?.textContent).toBe('⚠1'));
    await db.delete();
  });

  it('edits of a pain point are single writes that undo restores', async () => {
    const { db } = await openWithParticipants();
    act(() => useEditor.getState().select([stepId('支払依頼書作成')]));
    fireEvent.keyDown(editorBody(), { key: 'p' });
    const field = await screen.findByTestId('quick-pain-point');
    fireEvent.change(field, { target: { value: 'Excel で転記' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    const card = await screen.findByTestId('pain-point-card');
    await userEvent.click(within(card).getByRole('radio', { name: '深刻度 5' }));
    await userEvent.selectOptions(within(card).getByLabelText('分類'), 'doubleEntry');
    await waitFor(async () => expect((await db.painPoints.toArray())[0]).toMatchObject({ severity: 5, category: 'doubleEntry' }));
    fireEvent.keyDown(editorBody(), { key: 'z', ctrlKey: true });
    await waitFor(async () => expect((await db.painPoints.toArray())[0]).toMatchObject({ severity: 5, category: 'other' }));
    fireEvent.keyDown(editorBody(), { key: 'z', ctrlKey: true });
    await waitFor(async () => expect((await db.painPoints.toArray())[0]?.severity).toBe(3));
    await db.delete();
  });

  it('a deferred pain point asks for its reason', async () => {
    const { db } = await openWithParticipants();
    act(() => useEditor.getState().select([stepId('部門長承認')]));
    fireEvent.keyDown(editorBody(), { key: 'p' });
    const field = await screen.findByTestId('quick-pain-point');
    fireEvent.change(field, { target: { value: '承認が遅い' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    const card = await screen.findByTestId('pain-point-card');
    await userEvent.selectOptions(within(card).getByLabelText('状態'), 'deferred');
    expect(await within(card).findByText('保留にする理由を入力してください。')).toBeTruthy();
    await db.delete();
  });

  it('interview notes are linked to the selected step and the speaker; Alt+P makes the note a pain point', async () => {
    const { db } = await openWithParticipants();
    act(() => useCaptureView.getState().setPanel('interview'));
    await userEvent.click(await screen.findByRole('button', { name: '新しいセッション' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '山田 花子' }));
    await userEvent.click(screen.getByRole('button', { name: 'セッションを作成' }));
    await waitFor(async () => expect(await db.interviewSessions.count()).toBe(1));

    const receive = stepId('請求書受領・検収確認');
    act(() => useEditor.getState().select([receive]));
    await userEvent.click(screen.getByRole('button', { name: '山田 花子' }));
    const input = screen.getByTestId('note-input');
    fireEvent.change(input, { target: { value: '紙の請求書を毎日スキャンしている' } });
    imeEnter(input);
    expect(useEditor.getState().model.interviewNotes.size).toBe(0);
    fireEvent.keyDown(input, { key: 'p', code: 'KeyP', altKey: true });
    await waitFor(async () => expect(await db.painPoints.count()).toBe(1));
    const [note] = await db.interviewNotes.toArray();
    const [painPoint] = await db.painPoints.toArray();
    expect(note).toMatchObject({ text: '紙の請求書を毎日スキャンしている', stepId: receive, speakerId: yamada.id });
    expect(painPoint).toMatchObject({ raisedBy: yamada.id, sourceNoteId: note!.id, target: { kind: 'step', stepId: receive } });
    expect(await screen.findByText('→ 困りごと')).toBeTruthy();
    await db.delete();
  });

  it('the list finds remarks across width and case, and a click selects their step', async () => {
    const { db } = await openWithParticipants();
    for (const [label, title] of [
      ['支払依頼書作成', 'ｴｸｾﾙ で集計'],
      ['部門長承認', '承認者が不在'],
    ] as const) {
      act(() => useEditor.getState().select([stepId(label)]));
      fireEvent.keyDown(editorBody(), { key: 'p' });
      const field = await screen.findByTestId('quick-pain-point');
      fireEvent.change(field, { target: { value: title } });
      fireEvent.keyDown(field, { key: 'Enter' });
    }
    act(() => useCaptureView.getState().setPanel('list'));
    expect(await screen.findAllByTestId('annotation-row')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText('一覧を検索'), 'エクセル');
    await waitFor(() => expect(screen.getAllByTestId('annotation-row')).toHaveLength(1));
    await userEvent.click(screen.getByTestId('annotation-row'));
    expect([...useEditor.getState().selection]).toEqual([stepId('支払依頼書作成')]);
    expect(useCaptureView.getState().panel).toBe('inspector');
    await db.delete();
  });

  it('flags a step only one named person does and a preparer who approves their own request', async () => {
    const { db } = await openWithParticipants();
    const { model, apply } = useEditor.getState();
    const request = model.steps.get(stepId('支払依頼書作成'))!;
    const approval = model.steps.get(stepId('部門長承認'))!;
    const bySato = [{ kind: 'participant' as const, participantId: sato.id }];
    act(() => apply(patch({ put: { steps: [{ ...request, performers: bySato }, { ...approval, performers: bySato }] } })));
    act(() => useEditor.getState().select([]));
    const keyPerson = await screen.findByTestId('key-person-list');
    expect(within(keyPerson).getByRole('button', { name: '支払依頼書作成' })).toBeTruthy();
    expect(within(screen.getByTestId('duty-conflict-list')).getByText(/佐藤 一郎: 「支払依頼書作成」を作成し「部門長承認」で承認/)).toBeTruthy();
    await waitFor(() => expect(stepNode('部門長承認')?.querySelector('[data-badge="duty"]')).not.toBeNull());
    await db.delete();
  });

  it('KPIs take a suggested unit and link the pain points they measure', async () => {
    const { db } = await openWithParticipants();
    act(() => useEditor.getState().select([stepId('支払依頼書作成')]));
    fireEvent.keyDown(editorBody(), { key: 'p' });
    const field = await screen.findByTestId('quick-pain-point');
    fireEvent.change(field, { target: { value: '手作業の集計' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    act(() => useCaptureView.getState().setPanel('kpi'));
    fireEvent.change(await screen.findByTestId('kpi-name'), { target: { value: '手作業時間' } });
    expect((screen.getByLabelText('単位') as HTMLInputElement).value).toBe('時間/月');
    await userEvent.click(screen.getByRole('button', { name: 'KPI を追加' }));
    const card = await screen.findByTestId('kpi-card');
    await userEvent.click(within(card).getByRole('checkbox', { name: '手作業の集計' }));
    await waitFor(async () => expect((await db.kpis.toArray())[0]).toMatchObject({ name: '手作業時間', unit: '時間/月', painPointIds: [expect.stringMatching(/^pain:/)] }));
    await db.delete();
  });
});
