import { expect, test, type Page } from '@playwright/test';
import { typeWithIme } from './ime';

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

const steps = (page: Page) => page.getByTestId('step-node');
const step = (page: Page, label: string) => steps(page).filter({ hasText: label });
/** Steps in the map, whether or not they are scrolled into view (off-screen nodes are not rendered). */
const expectStepCount = (page: Page, count: number) => expect(page.locator('.flow-canvas')).toHaveAttribute('data-step-count', String(count));

async function typeLabelAndCommit(page: Page, text: string) {
  const editor = page.locator('.step-node .inline-text');
  await expect(editor).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
}

test('build a three-lane As-Is flow by keyboard in Japanese, fork the To-Be, delete a step there, and compare', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('買掛金業務ワークショップ');
  await page.keyboard.press('Enter');
  await page.getByLabel('業務プロセス名').fill('買掛金支払');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();

  await expect(page.getByTestId('lane-node')).toHaveCount(4);
  await expect(page.getByTestId('lane-node').first()).toContainText('経理部');

  // A start event from the palette lands in the first lane, its name in edit mode.
  await page.getByRole('button', { name: '工程を追加: 開始' }).click();
  await typeLabelAndCommit(page, '開始');

  // Tab adds the next step after the selected one; the IME's confirming Enter does not end the edit.
  await page.keyboard.press('Tab');
  await typeWithIme(page, 'せいきゅうしょじゅりょう', '請求書受領');
  await expect(page.locator('.step-node .inline-text')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(step(page, '請求書受領')).toHaveCount(1);

  await page.keyboard.press('Tab');
  await typeLabelAndCommit(page, '部門長承認');
  await page.keyboard.press('Alt+Shift+ArrowDown');

  // A reload in the middle loses nothing.
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');
  await page.reload();
  await expectStepCount(page, 3);
  await expect(step(page, '部門長承認')).toHaveCount(1);

  await step(page, '部門長承認').click();
  await page.keyboard.press('Tab');
  await typeLabelAndCommit(page, '仕訳入力');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page.keyboard.press('Tab');
  await typeLabelAndCommit(page, '支払処理');
  await expectStepCount(page, 5);

  // The steps sit in three lanes: 経理部, 現場部門, 会計システム.
  await page.getByTestId('step-node').filter({ hasText: '支払処理' }).click();
  await expect(page.getByLabel('レーン', { exact: true })).toHaveValue(/lane:/);
  const laneOf = async (label: string) => {
    await step(page, label).click();
    return page.getByLabel('レーン', { exact: true }).locator('option:checked').textContent();
  };
  expect(await laneOf('請求書受領')).toBe('経理部');
  expect(await laneOf('部門長承認')).toBe('現場部門');
  expect(await laneOf('支払処理')).toBe('会計システム');

  await page.getByRole('button', { name: 'As-Is から To-Be を作成' }).click();
  await expect(page.getByRole('link', { name: 'あるべき姿 (To-Be)' })).toHaveAttribute('aria-current', 'page');
  await expectStepCount(page, 5);
  await step(page, '部門長承認').click();
  await page.keyboard.press('Delete');
  await expectStepCount(page, 4);
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');

  await page.getByRole('link', { name: '比較' }).click();
  await expect(page.getByTestId('status-legend').locator('[data-status="removed"]')).toContainText('1');
  const stepCount = page.getByTestId('metrics-table').locator('[data-metric="stepCount"] td');
  await expect(stepCount).toHaveText(['4', '3', '-1']);
  const handoffs = page.getByTestId('metrics-table').locator('[data-metric="handoffs"] td');
  await expect(handoffs.nth(2)).not.toHaveText('0');
  await expect(page.locator('.compare-removed')).toContainText('部門長承認');
});

test('a process started from the accounts-payable template has its lanes and steps, and undo reverts a delete', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('AP');
  await page.keyboard.press('Enter');
  await page.getByLabel('ひな形').selectOption('accountsPayable');
  await expect(page.getByLabel('業務プロセス名')).toHaveValue('買掛金支払');
  await page.getByRole('button', { name: '業務プロセスを追加' }).click();
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();
  await expect(page.getByTestId('lane-node').filter({ hasText: '取引先' })).toHaveCount(1);
  const before = Number(await page.locator('.flow-canvas').getAttribute('data-step-count'));
  expect(before).toBeGreaterThan(10);

  await page.getByRole('searchbox', { name: '工程を検索 (Ctrl+F)' }).fill('三点照合');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-panel').getByLabel('工程名')).toHaveValue(/三点照合/);
  await page.locator('.editor-body').focus();
  await page.keyboard.press('Delete');
  await expectStepCount(page, before - 1);
  await page.keyboard.press('Control+z');
  await expectStepCount(page, before);
  await page.keyboard.press('Control+Shift+z');
  await expectStepCount(page, before - 1);
  // Saved means committed: only then may the page go away.
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');
  await page.reload();
  await expectStepCount(page, before - 1);

  // Auto-layout (elkjs, loaded on first use under the strict CSP) keeps every step in its lane.
  const lanesOf = () => page.getByTestId('lane-node').locator('.lane-name').allTextContents();
  const lanesBefore = await lanesOf();
  await page.getByRole('button', { name: '自動整列' }).click();
  await expect(page.getByRole('button', { name: '自動整列' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '元に戻す' })).toBeEnabled();
  expect(await lanesOf()).toEqual(lanesBefore);
  await expectStepCount(page, before - 1);
});

test('with the mouse: add a step by double-click, drag it into another lane, rename a lane in place, box-select', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('経費精算ワークショップ');
  await page.keyboard.press('Enter');
  await page.getByLabel('業務プロセス名').fill('経費精算');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();
  const lanes = page.getByTestId('lane-node');
  await expect(lanes).toHaveCount(4);

  const second = (await lanes.nth(1).boundingBox())!;
  await page.mouse.dblclick(second.x + 400, second.y + second.height / 2);
  await page.keyboard.insertText('領収書の確認');
  await page.keyboard.press('Enter');
  await expectStepCount(page, 1);

  const box = (await step(page, '領収書の確認').boundingBox())!;
  const third = (await lanes.nth(2).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, third.y + third.height / 2, { steps: 12 });
  await page.mouse.up();
  await step(page, '領収書の確認').click();
  await expect(page.getByLabel('レーン', { exact: true }).locator('option:checked')).toHaveText('会計システム');

  await lanes.nth(0).locator('.lane-header').dblclick();
  await page.keyboard.press('Control+a');
  await typeWithIme(page, 'けいりか', '経理課');
  await page.keyboard.press('Enter');
  await expect(lanes.nth(0).locator('.lane-name')).toHaveText('経理課');

  // A connection drawn from one step's handle to another step.
  const fourth = (await lanes.nth(3).boundingBox())!;
  await page.mouse.dblclick(fourth.x + 600, fourth.y + fourth.height / 2);
  await page.keyboard.insertText('振込');
  await page.keyboard.press('Enter');
  await step(page, '領収書の確認').hover();
  const handle = (await step(page, '領収書の確認').locator('.react-flow__handle-right').boundingBox())!;
  const target = (await step(page, '振込').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.keyboard.press('Escape');
  const thirdNow = (await lanes.nth(2).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(thirdNow.x + 130, thirdNow.y + 4);
  await page.mouse.down();
  await page.mouse.move(thirdNow.x + thirdNow.width - 10, thirdNow.y + thirdNow.height - 4, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.step-node.is-selected')).toHaveCount(1);

  await page.reload();
  await expect(lanes.nth(0).locator('.lane-name')).toHaveText('経理課');
  await expectStepCount(page, 2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});
