import { expect, type Page } from '@playwright/test';

export const step = (page: Page, label: string) => page.getByTestId('step-node').filter({ hasText: label });

const DEFAULT_PARTICIPANTS = [
  ['山田 花子', 'AP担当'],
  ['佐藤 一郎', '経理課長'],
] as const;

/** A new workshop with participants (two unless told) and the 買掛金支払 process from its template, its As-Is map open. */
export async function workshopWithAccountsPayable(page: Page, participants: readonly (readonly [string, string])[] = DEFAULT_PARTICIPANTS) {
  await page.goto('/');
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('買掛金ヒアリング');
  await page.keyboard.press('Enter');
  for (const [name, role] of participants) {
    await page.getByLabel('氏名').fill(name);
    await page.getByLabel('役割').fill(role);
    await page.getByRole('button', { name: '参加者を追加' }).click();
    await expect(page.getByText(name)).toBeVisible();
  }
  await page.getByLabel('業務プロセス名').fill('買掛金支払');
  await page.getByLabel('ひな形').selectOption('accountsPayable');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();
  await expect(step(page, '請求書受領・検収確認')).toHaveCount(1);
}
