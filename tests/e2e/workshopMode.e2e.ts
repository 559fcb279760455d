import { expect, test } from '@playwright/test';
import { step, workshopWithAccountsPayable } from './workshops';

const problems: string[] = [];

test.beforeEach(async ({ page }) => {
  problems.length = 0;
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

test('presentation mode: F5 hides the panels, the arrow keys walk the flow with the step highlighted, F5 returns', async ({ page }) => {
  await workshopWithAccountsPayable(page);
  await step(page, '請求書受領・検収確認').click();
  await page.keyboard.press('p');
  await page.getByTestId('quick-pain-point').fill('紙の請求書が多い');
  await page.getByTestId('quick-pain-point').press('Enter');

  await page.keyboard.press('F5');
  await expect(page.getByTestId('walk-panel')).toBeVisible();
  await expect(page.locator('.side-panel')).toHaveCount(0);
  await expect(page.locator('.editor-toolbar')).toHaveCount(0);

  const visited: string[] = [];
  for (let index = 0; index < 3; index++) {
    await page.keyboard.press('ArrowRight');
    const label = (await page.getByTestId('walk-step').textContent()) ?? '';
    visited.push(label);
    await expect(step(page, label).first()).toHaveClass(/is-selected/);
  }
  expect(visited).toEqual(['納品・役務提供', '請求書発行', '請求書受領・検収確認']);
  await expect(page.getByTestId('walk-panel')).toContainText('紙の請求書が多い');
  await expect(page.getByTestId('walk-panel')).toContainText('3 / ');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('walk-step')).toHaveText('請求書発行');

  await page.keyboard.press('F5');
  await expect(page.getByTestId('walk-panel')).toHaveCount(0);
  await expect(page.locator('.side-panel')).toBeVisible();
});
