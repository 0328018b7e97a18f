import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches out to the network (the machine has none). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Where browser tests save screenshots for a person to look at. */
export const SCREENSHOT_DIR = 'tmp/screenshots';
