import { expect, test } from '@playwright/test';
import { typeWithIme } from './ime';
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

test('an interview: three notes in Japanese, one becomes a pain point and one an exception on a step, the heatmap colours it, and a reload keeps everything', async ({ page }) => {
  await workshopWithAccountsPayable(page);

  await page.getByRole('tab', { name: 'インタビュー' }).click();
  await page.getByRole('button', { name: '新しいセッション' }).click();
  await page.getByLabel('セッション名').fill('AP担当ヒアリング');
  await page.getByRole('checkbox', { name: '山田 花子' }).check();
  await page.getByRole('checkbox', { name: '佐藤 一郎' }).check();
  await page.getByRole('button', { name: 'セッションを作成' }).click();

  // The step selected while typing is where the notes go.
  await step(page, '請求書受領・検収確認').click();
  await expect(page.getByTestId('note-target')).toContainText('請求書受領・検収確認');
  await page.getByRole('button', { name: '山田 花子' }).click();

  const note = page.getByTestId('note-input');
  await note.click();
  // The Enter that confirms the conversion does not take the note.
  await typeWithIme(page, 'せいきゅうしょをえくせるにてんきしている', '請求書をExcelに転記している');
  await expect(page.getByTestId('interview-note')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('interview-note')).toHaveCount(1);

  await note.fill('金額が合わないときは仕入先に電話で確認する');
  await page.keyboard.press('Enter');
  await note.fill('月末は残業が増える');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('interview-note')).toHaveCount(3);
  await expect(page.getByTestId('interview-note').first()).toContainText('山田 花子');
  await expect(page.getByTestId('interview-note').first()).toContainText('@請求書受領・検収確認');

  // One keystroke on the last note: Alt+P in the empty note field turns it into a pain point.
  await note.focus();
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('interview-pane').getByRole('status')).toContainText('「月末は残業が増える」を困りごとにしました');
  // The second one by its button becomes an exception on the same step.
  await page.getByTestId('interview-note').nth(1).getByRole('button', { name: '例外処理にする' }).click();
  await expect(page.getByTestId('interview-note').nth(1)).toContainText('→ 例外処理');
  await expect(page.getByTestId('interview-note').nth(2)).toContainText('→ 困りごと');

  // The step shows what was noted on it.
  const badges = step(page, '請求書受領・検収確認').getByTestId('step-badges');
  await expect(badges.locator('[data-badge="pain"]')).toHaveText('⚠1');
  await expect(badges.locator('[data-badge="exception"]')).toHaveText('⤳1');

  // The pain point keeps who said it and the quote.
  await page.getByRole('tab', { name: '選択中' }).click();
  const card = page.getByTestId('pain-point-card').filter({ hasText: '月末は残業が増える' });
  await expect(card).toContainText('山田 花子');
  await card.getByRole('button').first().click();
  await card.getByRole('radio', { name: '深刻度 5' }).click();
  await card.getByLabel('損失時間（時間/月）').fill('24');
  await card.getByLabel('損失時間（時間/月）').press('Enter');

  await page.getByTestId('heatmap-mode').selectOption('hoursLost');
  await expect(step(page, '請求書受領・検収確認')).toHaveAttribute('data-heat-level', '3');
  await expect(step(page, '請求書受領・検収確認').getByTestId('heat-value')).toHaveText('24');
  await expect(page.getByTestId('heat-legend')).toContainText('20〜39 時間');

  await expect(page.getByTestId('save-indicator')).toHaveText('保存済み');
  await page.reload();

  await expect(step(page, '請求書受領・検収確認')).toHaveAttribute('data-heat-level', '3');
  await expect(step(page, '請求書受領・検収確認').getByTestId('step-badges').locator('[data-badge="pain"]')).toHaveText('⚠1');
  await page.getByRole('tab', { name: 'インタビュー' }).click();
  await expect(page.getByTestId('interview-note')).toHaveCount(3);
  await expect(page.getByTestId('interview-note').first()).toContainText('請求書をExcelに転記している');

  // The list has both, and a click jumps to the step.
  await page.getByRole('tab', { name: '一覧' }).click();
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);
  await page.getByTestId('annotation-row').filter({ hasText: '電話で確認' }).click();
  await expect(step(page, '請求書受領・検収確認')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('exception-card')).toContainText('電話で確認');
});

test('a pain point on the selected step takes one key, the typing and Enter, and undo takes it back', async ({ page }) => {
  await workshopWithAccountsPayable(page);
  await step(page, '支払依頼書作成').click();
  await page.keyboard.press('p');
  await expect(page.getByTestId('quick-pain-point')).toBeFocused();
  await typeWithIme(page, 'にじゅうにゅうりょく', '二重入力');
  await expect(page.getByTestId('pain-point-card')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pain-point-card')).toHaveCount(1);
  await expect(step(page, '支払依頼書作成').locator('[data-badge="pain"]')).toHaveText('⚠1');
  // The keyboard is back on the canvas: arrows and undo work at once.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pain-point-card')).toHaveCount(0);
  await expect(step(page, '支払依頼書作成').locator('[data-badge="pain"]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('pain-point-card')).toHaveCount(1);
});
