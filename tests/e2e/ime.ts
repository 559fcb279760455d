import type { Page } from '@playwright/test';

/**
 * Types Japanese the way an IME does: composition updates of the reading, a conversion, then
 * the Enter that confirms it (sent while the composition is still open, as Chromium does).
 */
export async function typeWithIme(page: Page, reading: string, converted: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let length = 1; length <= reading.length; length++) {
    const partial = reading.slice(0, length);
    await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  }
  await cdp.send('Input.imeSetComposition', { text: converted, selectionStart: converted.length, selectionEnd: converted.length });
  // The confirming Enter: keydown arrives with isComposing=true (keyCode 229), then the text is committed.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text: converted });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
  await cdp.detach();
}
