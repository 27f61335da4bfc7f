import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless: the only browser this machine and CI have. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The run's one Chromium, started by the global set-up, when there is one; a Chromium of its own otherwise (a script
 * run outside jest). Closing what this gives closes only the contexts made through it.
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env.PORTICO_TEST_CHROMIUM;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
