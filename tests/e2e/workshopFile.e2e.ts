import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const WORKSHOP = '買掛金業務ワークショップ';
const problems: string[] = [];
let downloads: string;

test.beforeEach(async ({ page }) => {
  problems.length = 0;
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  downloads = await mkdtemp(path.join(tmpdir(), 'kakehashi-e2e-files-'));
  await page.goto('/');
});

test.afterEach(async () => {
  expect(problems).toEqual([]);
  await rm(downloads, { recursive: true, force: true });
});

const steps = (page: Page) => page.getByTestId('step-node');
const expectStepCount = (page: Page, count: number) => expect(page.locator('.flow-canvas')).toHaveAttribute('data-step-count', String(count));

async function typeLabelAndCommit(page: Page, text: string) {
  const editor = page.locator('.step-node .inline-text');
  await expect(editor).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
}

/** A workshop with one process whose As-Is map has three steps, made through the UI. */
async function createWorkshopWithSteps(page: Page) {
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill(WORKSHOP);
  await page.keyboard.press('Enter');
  await page.getByLabel('業務プロセス名').fill('買掛金支払');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();
  await page.getByRole('button', { name: '工程を追加: 開始' }).click();
  await typeLabelAndCommit(page, '開始');
  await page.keyboard.press('Tab');
  await typeLabelAndCommit(page, '請求書受領');
  await page.keyboard.press('Tab');
  await typeLabelAndCommit(page, '支払処理');
  await expectStepCount(page, 3);
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');
}

test('save a workshop file, delete the workshop for good, open the file: everything is back', async ({ page }) => {
  await createWorkshopWithSteps(page);
  await page.goto('/#/');
  const row = page.getByTestId('workshop-row');
  await expect(row).toContainText(WORKSHOP);

  // Editing has already left an automatic backup (kept in the browser's own backups database).
  await page.getByRole('button', { name: 'バックアップ', exact: true }).click();
  const backups = page.getByRole('dialog', { name: '自動バックアップ' });
  await expect(backups.getByTestId('backup-group')).toContainText(WORKSHOP);
  await backups.getByRole('button', { name: '閉じる' }).click();

  // Save the workshop file.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: '書き出す' }).click()]);
  expect(download.suggestedFilename()).toBe(`${WORKSHOP}.kakehashi`);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);

  // Delete it: to the trash, then for good.
  await row.getByRole('button', { name: 'ごみ箱へ移動' }).click();
  await page.getByRole('link', { name: 'ごみ箱 (1)' }).click();
  await page.getByTestId('trash-row').getByRole('button', { name: '完全に削除' }).click();
  await page.getByRole('dialog', { name: '完全に削除しますか？' }).getByRole('button', { name: '完全に削除' }).click();
  await expect(page.getByText('ごみ箱は空です。')).toBeVisible();
  await page.getByRole('link', { name: /ワークショップ一覧へ戻る/ }).click();
  await expect(page.getByText('ワークショップはまだありません。', { exact: false })).toBeVisible();

  // Open the file.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'ファイルを開く' }).click()]);
  await chooser.setFiles(file);

  // Everything is back: the workshop, its process, the steps of its map.
  await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible();
  await expect(page.getByText(`「${WORKSHOP}」を開きました。`)).toBeVisible();
  await expect(page.getByTestId('process-item')).toContainText('買掛金支払');
  await page.getByRole('link', { name: '現状 (As-Is) を開く' }).click();
  await expectStepCount(page, 3);
  for (const label of ['開始', '請求書受領', '支払処理']) await expect(steps(page).filter({ hasText: label })).toHaveCount(1);
});

test('a corrupt file opened with Ctrl+O is refused with what is wrong and where, and the library is unchanged', async ({ page }) => {
  await createWorkshopWithSteps(page);
  await page.goto('/#/');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);

  const truncated = '{\n  "type": "kakehashi-workshop",\n  "schemaVersion": 4,\n  "app": "Kakehashi 0.1.0",\n  "workshop": {\n    "id": "workshop:';
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles({ name: 'broken.kakehashi', mimeType: 'application/x-kakehashi+json', buffer: Buffer.from(truncated) });

  const dialog = page.getByRole('dialog', { name: 'ファイルを開けませんでした' });
  await expect(dialog).toContainText('ファイル: broken.kakehashi');
  await expect(dialog).toContainText('workshop.id: the file ends early at line 6, column 21: it is probably truncated');
  await expect(dialog).toContainText('ライブラリは何も変更していません。');
  await dialog.getByRole('button', { name: '閉じる' }).click();

  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  await expect(page.getByTestId('workshop-row')).toContainText(WORKSHOP);
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
});
