import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where the browser tests expect Chromium (Debian's `chromium` package; `.ci/run` installs it). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether the browser suites run: always under CI (a missing Chromium then fails them rather than letting
 * them pass by skipping), and locally only where Chromium is installed.
 */
export const RUN_BROWSER_TESTS = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);

/** Launches headless Chromium, offline-friendly; throws with the install command when it is missing. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
