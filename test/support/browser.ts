import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless: the only browser this machine and CI have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
