import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { findTemplate, instantiateTemplate } from '../../shared/templates';
import { KakehashiDatabase } from '../../renderer/src/db/database';
import { addProcess, createWorkshop } from '../../renderer/src/db/workshopRepository';
import { routeHash } from '../../renderer/src/routing';
import { renderApp } from './renderApp';

let count = 0;

/** Given a workshop whose process starts from the accounts-payable template, the As-Is editor open on it. */
export async function openAccountsPayable(setup?: (db: KakehashiDatabase, workshopId: string) => Promise<void>) {
  const db = new KakehashiDatabase(`editor-test-${++count}`);
  await db.open();
  const workshop = await createWorkshop(db, { name: '買掛金業務' });
  await setup?.(db, workshop.id);
  const template = findTemplate('accountsPayable');
  if (!template) throw new Error('template missing');
  const processId = await addProcess(db, workshop.id, '買掛金支払', (ids) => instantiateTemplate(template, 'ja', ids));
  window.location.hash = routeHash({ name: 'map', workshopId: workshop.id, processId, variant: 'asIs' });
  const view = renderApp({ db });
  await waitFor(() => expect(screen.getAllByTestId('step-node').length).toBeGreaterThan(10));
  return { db, view, processId, workshopId: workshop.id };
}

export const stepNode = (label: string) => screen.getAllByTestId('step-node').find((node) => node.textContent?.includes(label));
export const editorBody = () => document.querySelector('.map-editor') as HTMLElement;
