import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { DEMO } from './http-client.js';
import { startTestPortico, type TestPortico } from './portico.js';

export { launchChromium };

/**
 * Where the browser tests save their screenshots: SHOTS_DIR when asked (`SHOTS_DIR=docs/screenshots` takes the README's
 * again), else a folder of the system's temporary one, so that a test run leaves the work tree as it found it.
 */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? join(tmpdir(), 'portico-shots');

/** The page at that size as `<name>-<width>.png` in SHOTS_DIR, with no hover or transition caught half-way. */
export async function shoot(page: Page, name: string, width: number, height: number): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.setViewportSize({ width, height });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS_DIR, `${name}-${width}.png`), fullPage: false });
}

/** Opens a screen of the console and signs in on its form as a technician (Sam Torres unless told), as a person does. */
export async function openConsole(page: Page, port: number, screen: string, username: string = DEMO.tech): Promise<void> {
  await page.goto(`http://localhost:${port}/console/${screen}`);
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

export type ChromiumPortico = { readonly portico: TestPortico; readonly browser: Browser; readonly context: BrowserContext; readonly page: Page };

/** For one test file: a Portico (started with `options`) and a Chromium, with a fresh 1280 × 800 English page for each test. */
export function useChromiumPortico(options: Parameters<typeof startTestPortico>[0] = {}): ChromiumPortico {
  let portico: TestPortico | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    [portico, browser] = await Promise.all([startTestPortico(options), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portico?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());
  return {
    get portico() {
      return portico!;
    },
    get browser() {
      return browser!;
    },
    get context() {
      return context!;
    },
    get page() {
      return page!;
    },
  };
}

/** The serious and critical accessibility violations axe finds on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Signs a demo user in through the portal's form, as a person does, and waits for the chat. */
export async function signInToChat(page: Page, port: number, username: string): Promise<void> {
  await page.goto(`http://localhost:${port}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByLabel('Password').press('Enter');
  await page.locator('#chat-input').waitFor();
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Serves the portal's Markdown component at `/markdown.js` of the page's origin, as a module whose `renderMarkdown(text)`
 * returns what the chat would show for an assistant's message: tests feed it Markdown no engine here would write.
 */
export async function routeMarkdownRenderer(page: Page): Promise<void> {
  const { outputFiles } = await esbuild.build({
    stdin: {
      contents: [
        "import { h, render } from 'preact';",
        "import { Markdown } from './portal-widget/src/components/Markdown.tsx';",
        'export function renderMarkdown(text) {',
        "  const box = document.createElement('div');",
        '  render(h(Markdown, { text }), box);',
        '  const fragment = document.createDocumentFragment();',
        '  fragment.append(...box.childNodes);',
        '  return fragment;',
        '}',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
  });
  const body = outputFiles[0]!.text;
  await page.route('**/markdown.js', (route) => route.fulfill({ contentType: 'text/javascript', body }));
}
