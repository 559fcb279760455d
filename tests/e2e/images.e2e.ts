import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { BpmnModdle } from 'bpmn-moddle';
import { escapeXml } from '../../shared/diagram/text';
import type { MapId, WorkshopId } from '../../shared/model';
import { findTemplate, instantiateTemplate } from '../../shared/templates';

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

/** What the accounts-payable template draws, in Japanese: every step label and lane name the images must show. */
function templateContent() {
  const template = findTemplate('accountsPayable');
  if (!template) throw new Error('no accountsPayable template');
  const records = instantiateTemplate(template, 'ja', { workshopId: 'workshop:e2e' as WorkshopId, mapId: 'map:e2e' as MapId });
  return { labels: records.steps.map((step) => step.label).filter((label) => label !== ''), lanes: records.lanes.map((lane) => lane.name) };
}

const step = (page: Page, label: string) => page.getByTestId('step-node').filter({ hasText: label });

/** A new workshop with two participants and the 買掛金支払 process from its template, made through the UI; its As-Is map open. */
async function workshopWithAccountsPayable(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '新しいワークショップ' }).click();
  await page.getByRole('dialog').getByLabel('ワークショップ名').fill('買掛金ヒアリング');
  await page.keyboard.press('Enter');
  for (const [name, role] of [
    ['山田 花子', 'AP担当'],
    ['佐藤 一郎', '経理課長'],
  ] as const) {
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

/** Picks an export from a toolbar menu and returns the downloaded file. */
async function exportFrom(page: Page, menu: string, item: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const file = await download.path();
  if (!file) throw new Error('download failed');
  return { download, bytes: await readFile(file) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a whole map exported as PNG, SVG and BPMN, the comparison as PNG, and the workshop report with every section', async ({ page }) => {
  test.setTimeout(90_000);
  const { labels, lanes } = templateContent();
  await workshopWithAccountsPayable(page);

  // A pain point on a step, so the images carry a badge.
  await step(page, '支払依頼書作成').click();
  await page.keyboard.press('p');
  await expect(page.getByTestId('quick-pain-point')).toBeFocused();
  await page.keyboard.insertText('二重入力');
  await page.keyboard.press('Enter');
  await expect(step(page, '支払依頼書作成').locator('[data-badge="pain"]')).toHaveText('⚠1');
  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');

  // Zoomed in on one corner, most of the map is off screen: the images still hold all of it.
  await page.locator('.flow-canvas').hover();
  for (let index = 0; index < 5; index++) await page.mouse.wheel(0, -400);

  // SVG: every step label and lane name, and the badge.
  const svg = await exportFrom(page, '書き出し', 'SVG 画像（マップ全体）');
  expect(svg.download.suggestedFilename()).toBe('買掛金支払-As-Is.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.startsWith('<?xml')).toBe(true);
  for (const label of labels) expect(svgText, `step ${label}`).toContain(`<title>${escapeXml(label)}</title>`);
  for (const lane of lanes) expect(svgText, `lane ${lane}`).toContain(`<title>${escapeXml(lane)}</title>`);
  expect(svgText).toContain('data-badge="pain"');

  // PNG: a real PNG at twice the map's size.
  const png = await exportFrom(page, '書き出し', 'PNG 画像（マップ全体）');
  expect(png.download.suggestedFilename()).toBe('買掛金支払-As-Is.png');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(1000);
  expect(size.height).toBeGreaterThan(300);
  const svgWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svgText)?.[1]);
  expect(size.width).toBe(svgWidth * 2);
  expect(png.bytes.length).toBeGreaterThan(20_000);

  // BPMN: parses without warnings, with a task for the steps.
  const bpmn = await exportFrom(page, '書き出し', 'BPMN 2.0 (.bpmn)');
  expect(bpmn.download.suggestedFilename()).toBe('買掛金支払-As-Is.bpmn');
  const read = await new BpmnModdle().fromXML(bpmn.bytes.toString('utf8'));
  expect(read.warnings).toEqual([]);
  expect(bpmn.bytes.toString('utf8')).toContain('請求書受領・検収確認');

  // The comparison: fork a To-Be map, open the comparison, export it.
  await page.getByRole('button', { name: 'As-Is から To-Be を作成' }).click();
  await page.getByRole('link', { name: '比較', exact: true }).click();
  await expect(page.getByTestId('metrics-table')).toBeVisible();
  const comparison = await exportFrom(page, '比較図を書き出し', 'PNG 画像（マップ全体）');
  expect(comparison.download.suggestedFilename()).toBe('買掛金支払-As-Is-To-Be.png');
  expect(pngSize(comparison.bytes).width).toBeGreaterThan(size.width);

  // The report: from the workshop screen, every section, the diagrams drawn.
  await page.getByRole('link', { name: '買掛金ヒアリング' }).click();
  await page.getByRole('link', { name: '報告書' }).click();
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('買掛金ヒアリング');
  for (const title of ['参加者', '業務フロー', '困りごと（深刻度別）', '例外処理', '承認ルール', 'KPI', '要件バックログの概要']) {
    await expect(report.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  await expect(report).toContainText('山田 花子');
  await expect(report).toContainText('二重入力');
  await expect(report.getByTestId('report-coverage')).toContainText('困りごと 0 / 1 件をカバー');
  const diagrams = report.getByTestId('report-diagram');
  await expect(diagrams).toHaveCount(2);
  for (const diagram of await diagrams.all()) {
    await expect.poll(() => diagram.evaluate((image) => (image as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(1000);
  }

  // Printing in a browser opens its print dialog.
  type Printable = { printed: number; print: () => void };
  await page.evaluate(() => {
    const tab = globalThis as unknown as Printable;
    tab.printed = 0;
    tab.print = () => {
      tab.printed += 1;
    };
  });
  await page.getByRole('button', { name: '印刷 / PDF に保存' }).click();
  expect(await page.evaluate(() => (globalThis as unknown as Printable).printed)).toBe(1);

  // On paper: no app chrome, each part on a page of its own.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷 / PDF に保存' })).toBeHidden();
  await expect(report).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(8);
  // A4 (595 × 842 pt), the flows across the page.
  const sizes = (pdf.toString('latin1').match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g) ?? []).map((box) => box.replace(/\/MediaBox\s*\[0 0 /, '').replace(']', ''));
  expect(sizes.filter((box) => /^594\.\d+ 841\.\d+$/.test(box)).length).toBeGreaterThanOrEqual(7);
  expect(sizes.filter((box) => /^841\.\d+ 594\.\d+$/.test(box)).length).toBeGreaterThanOrEqual(1);
  await page.emulateMedia({ media: 'screen' });
});
