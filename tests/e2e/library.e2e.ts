import { expect, test, type Page } from '@playwright/test';
import { typeWithIme } from './ime';

const cspViolations: string[] = [];

test.beforeEach(async ({ page }) => {
  cspViolations.length = 0;
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => cspViolations.push(`pageerror: ${error.message}`));
  await page.goto('/');
});

test.afterEach(() => {
  expect(cspViolations).toEqual([]);
});

async function createWorkshopByKeyboard(page: Page) {
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  const name = page.getByRole('dialog').getByLabel('ワークショップ名');
  await expect(name).toBeFocused();
  await typeWithIme(page, 'かいかけきん', '買掛金');
  // The Enter that confirmed the conversion must not have submitted the dialog.
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.insertText('業務 現状把握ワークショップ');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('株式会社サンプル商事');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '買掛金業務 現状把握ワークショップ' })).toBeVisible();
}

test('a workshop named in Japanese through the keyboard survives a reload, and comes back from the trash', async ({ page }) => {
  await expect(page.getByText('ワークショップはまだありません。', { exact: false })).toBeVisible();
  await createWorkshopByKeyboard(page);
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');

  await page.getByPlaceholder('業務プロセス名（例: 買掛金支払）').fill('買掛金支払');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('process-item')).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '買掛金業務 現状把握ワークショップ' })).toBeVisible();
  await expect(page.getByTestId('process-item')).toContainText('買掛金支払');

  await page.getByRole('link', { name: /ワークショップ一覧/ }).click();
  const row = page.getByTestId('workshop-row');
  await expect(row).toContainText('買掛金業務 現状把握ワークショップ');
  await expect(row).toContainText('株式会社サンプル商事');
  await row.getByRole('button', { name: 'ごみ箱へ移動' }).click();
  await expect(page.getByTestId('workshop-row')).toHaveCount(0);

  await page.reload();
  await page.getByRole('link', { name: 'ごみ箱 (1)' }).click();
  const trashed = page.getByTestId('trash-row');
  await expect(trashed).toContainText('買掛金業務 現状把握ワークショップ');
  await trashed.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('trash-row')).toHaveCount(0);

  await page.getByRole('link', { name: /ワークショップ一覧へ戻る/ }).click();
  await expect(page.getByTestId('workshop-row')).toContainText('買掛金業務 現状把握ワークショップ');
});

test('a name with markup is shown as text, never run as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('<img src=x onerror=alert(1)>');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror=alert(1)>');
  await page.goto('/#/');
  await expect(page.getByTestId('workshop-row')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('two tabs on the same data stay consistent', async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto('/');
  await createWorkshopByKeyboard(page);
  await expect(other.getByTestId('workshop-row')).toContainText('買掛金業務 現状把握ワークショップ');
  await other.getByTestId('workshop-row').getByRole('button', { name: 'ごみ箱へ移動' }).click();
  await page.goto('/#/');
  await expect(page.getByTestId('workshop-row')).toHaveCount(0);
  await other.close();
});

test('the interface switches to English and stays English after a reload', async ({ page }) => {
  await page.getByRole('combobox', { name: '表示言語' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'New workshop' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Workshops' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
