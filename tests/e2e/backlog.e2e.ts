import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
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

async function painPointOn(page: Page, label: string, title: string) {
  await step(page, label).click();
  await page.keyboard.press('p');
  await page.getByTestId('quick-pain-point').fill(title);
  await page.getByTestId('quick-pain-point').press('Enter');
  await expect(step(page, label).locator('[data-badge="pain"]')).toHaveText('⚠1');
}

async function exportAs(page: Page, format: string, encoding?: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: '書き出し', exact: true }).click();
  const panel = page.getByTestId('export-panel');
  await panel.getByLabel('形式').selectOption(format);
  if (encoding) await panel.getByLabel('文字コード').selectOption(encoding);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: '書き出す' }).click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('generate the backlog from pain points, edit a requirement, export CSV, XLSX and Jira CSV that other tools read', async ({ page }) => {
  await workshopWithAccountsPayable(page);
  await painPointOn(page, '支払依頼書作成', '=SUM(A1) 支払依頼書を Excel から会計システムへ二重入力');
  await painPointOn(page, '部門長承認', '承認者が不在だと支払が遅れる');
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');

  await page.getByRole('link', { name: '買掛金ヒアリング' }).click();
  await page.getByRole('link', { name: '要件バックログ' }).click();
  await expect(page.getByTestId('coveredPainPoints')).toHaveText('困りごと 0 / 2 件をカバー');
  await page.getByRole('button', { name: 'マップから下書きを生成' }).click();
  await expect(page.getByTestId('requirement-row').first()).toBeVisible();
  await expect(page.getByTestId('coveredPainPoints')).toHaveText('困りごと 2 / 2 件をカバー');
  const rows = page.getByTestId('requirement-row');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(rows.first()).toHaveAttribute('data-key', 'REQ-001');

  // Edit one requirement in place: its title and its priority.
  const key = await rows.filter({ has: page.locator('input[value*="二重入力"]') }).first().getAttribute('data-key');
  const doubleEntry = page.locator(`[data-testid="requirement-row"][data-key="${key}"]`);
  const title = doubleEntry.getByLabel(`${key} 件名`);
  await title.fill('会計システムへの支払依頼の自動連携');
  await title.press('Enter');
  await doubleEntry.getByLabel(`${key} 優先度`).selectOption('must');
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');

  // A source link goes back to the step on the map.
  await doubleEntry.getByRole('button', { name: '詳細' }).click();
  await expect(page.getByTestId('requirement-details').getByRole('link').first()).toHaveAttribute('href', /focus=step/);

  // Generating again keeps the edit.
  await page.getByRole('button', { name: 'マップから下書きを生成' }).click();
  await expect(page.getByText('新しい下書きはありません（編集済みの要件はそのままです）。')).toBeVisible();
  await expect(page.getByTestId('requirement-row')).toHaveCount(count);

  const csv = await exportAs(page, 'csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8').slice(1);
  expect(csvText).toContain('\r\n');
  const parsed = Papa.parse<string[]>(csvText, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const edited = parsed.data.find((row) => row.includes(key ?? ''));
  expect(edited).toContain('会計システムへの支払依頼の自動連携');
  expect(parsed.data.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);

  const xlsx = await exportAs(page, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet).toBeDefined();
  const values = sheet!.getSheetValues().flat().map((value) => String(value ?? ''));
  expect(values).toContain('会計システムへの支払依頼の自動連携');
  expect(values.some((value) => /^[=+\-@]/.test(value))).toBe(false);

  const jira = await exportAs(page, 'jira');
  expect(jira.name).toContain('_jira_');
  const jiraRows = Papa.parse<string[]>(jira.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(jiraRows[0]).toEqual(expect.arrayContaining(['Summary', 'Issue Type', 'Description', 'Priority', 'Issue ID', 'Parent']));
  expect(jiraRows.some((row) => row.some((cell) => cell.includes('会計システムへの支払依頼の自動連携')))).toBe(true);
});
