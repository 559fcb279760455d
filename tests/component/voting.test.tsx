import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addRequirement } from '../../shared/backlog';
import { createParticipant, nowTimestamp, type Requirement, type WorkshopId } from '../../shared/model';
import { useCaptureView } from '../../renderer/src/capture/captureStore';
import { setParticipants } from '../../renderer/src/db/workshopRepository';
import { openAccountsPayable } from './openMap';

const yamada = createParticipant('山田 花子', 'accounting', 'AP担当');

describe('dot voting on requirements', () => {
  it('ranks the requirements by dots and sets MoSCoW from the rank', async () => {
    const { db } = await openAccountsPayable(async (database, workshopId) => {
      await setParticipants(database, workshopId as WorkshopId, [yamada]);
      const requirements: Requirement[] = [];
      for (const title of ['支払依頼の自動連携', '承認ワークフロー', '請求書の電子受領']) {
        requirements.push(
          addRequirement(requirements, workshopId as WorkshopId, { title, description: '', type: 'functional', priority: 'could', owner: 'joint', acceptanceCriteria: [], sources: [] }, nowTimestamp()),
        );
      }
      await database.requirements.bulkPut(requirements);
    });
    act(() => useCaptureView.getState().setPanel('vote'));
    await userEvent.selectOptions(await screen.findByLabelText('対象'), 'requirements');
    await userEvent.click(screen.getByRole('button', { name: '投票を始める' }));
    const ballot = await screen.findByTestId('ballot');
    await waitFor(() => expect(within(ballot).getAllByTestId('tally-row')).toHaveLength(3));
    for (let dot = 0; dot < 2; dot++) await userEvent.click(within(ballot).getByRole('button', { name: 'REQ-003 請求書の電子受領 に 1 ドット' }));
    await userEvent.click(within(ballot).getByRole('button', { name: 'REQ-002 承認ワークフロー に 1 ドット' }));
    expect(within(ballot).getByText('残り 0 ドット')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '結果を優先度に反映' }));
    await waitFor(async () => {
      const byKey = Object.fromEntries((await db.requirements.toArray()).map((requirement) => [requirement.key, requirement.priority]));
      expect(byKey).toEqual({ 'REQ-003': 'must', 'REQ-002': 'should', 'REQ-001': 'could' });
    });
    await waitFor(async () => expect((await db.votes.toArray())[0]?.appliedAt).not.toBeNull());
    await db.delete();
  });
});
