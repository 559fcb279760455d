import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the e2e tests drive: $KAKEHASHI_CHROMIUM, then Debian's /usr/bin/chromium,
 * then a browser Playwright downloaded itself. None found → one line that says what to do.
 */
export function findChromium(): string {
  const candidates = [process.env.KAKEHASHI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightOwnChromium()];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
  if (!found) {
    throw new Error(
      'No Chromium for the e2e tests: install one (Debian: `sudo apt-get install chromium`; elsewhere `npx playwright install chromium`) or set KAKEHASHI_CHROMIUM=/path/to/chromium.',
    );
  }
  return found;
}

function playwrightOwnChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
