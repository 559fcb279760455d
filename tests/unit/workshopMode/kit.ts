import { expect } from 'vitest';
import type { CaptureContext } from '../../../shared/capture';
import { applyPatch, invertPatch, isEmptyPatch, type MapPatch, type MapState } from '../../../shared/editor';
import { newId, type Participant, type ProcessId } from '../../../shared/model';
import { accountsPayable, canonical, now } from '../editor/apFlow';

export { now };
export const later = '2026-11-24T10:05:00.000Z';

export const participants = {
  tanaka: { id: newId('participant'), name: '田中 花子', department: 'accounting', role: '経理課長' },
  suzuki: { id: newId('participant'), name: '鈴木 一郎', department: 'accounting', role: 'AP担当' },
  sato: { id: newId('participant'), name: '佐藤 健', department: 'it', role: '情報システム部 PM' },
} satisfies Record<string, Participant>;

/** The accounts-payable flow of the editor tests, as a capture context on its process. */
export function setup() {
  const flow = accountsPayable();
  const ctx: CaptureContext = { ...flow.ctx, processId: newId('process') as ProcessId };
  return { ...flow, ctx };
}

/** Applies a patch that must write something, and checks that its undo gives the state back exactly. */
export function applyChecked(state: MapState, change: MapPatch): MapState {
  expect(isEmptyPatch(change), 'the command wrote nothing').toBe(false);
  const next = applyPatch(state, change);
  expect(canonical(applyPatch(next, invertPatch(state, change)))).toEqual(canonical(state));
  return next;
}
