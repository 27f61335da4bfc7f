import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { buildWidget } from '../server/http/widget-bundle.js';
import { startPortico, type RunningPortico } from '../server/start.js';
import { DEMO, loggedIn } from '../test/support/http-client.js';
import type { BenchRow } from './report.js';
import { summarize } from './stats.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const progress = (line: string) => process.stderr.write(`  widget: ${line}\n`);

/** Cold loads for the launcher timing, and questions for the streaming one. */
const LAUNCHER_SAMPLES = 15;
const STREAM_SAMPLES = 15;

/**
 * The portal UI as a browser downloads it: the build the server makes at start, and the gzipped size of what must
 * load before the chat is usable (script with Preact, signals and socket.io-client, and styles). Then the embedded
 * widget measured in Chromium on a host page of another origin. The technicians' console is built beside it.
 */
export async function benchWidget(): Promise<BenchRow[]> {
  return [...(await benchBuild()), ...(await benchEmbedded())];
}

async function benchBuild(): Promise<BenchRow[]> {
  const started = performance.now();
  const bundle = await buildWidget({ logger: createLogger('silent') });
  const buildMs = performance.now() - started;
  try {
    const size = (file: string) => gzipped(readFileSync(join(bundle.dir, file)));
    // An entry with the chunks it imports statically: what arrives before it runs (the tabs beside the chat come later).
    const withImports = (file: string): number => {
      const code = readFileSync(join(bundle.dir, file), 'utf8');
      const imported = [...code.matchAll(/\bfrom\s*"\.\/(chunks\/[\w.-]+\.js)"/g)].map((match) => match[1]!);
      return size(file) + imported.reduce((sum, chunk) => sum + size(chunk), 0);
    };
    const [script, styles, loader, panel, consoleScript, consoleStyles] = [withImports('main.js'), size('main.css'), size('widget.js'), withImports('embed.js'), size('console.js'), size('console.css')];
    return [
      { group: 'portal UI', name: 'build at start (esbuild, minified)', value: `${Math.round(buildMs)} ms`, target: '—' },
      { group: 'portal UI', name: 'main.js and its chunk gzipped (Preact, signals, socket.io-client included; other tabs later)', value: kb(script), target: '—' },
      { group: 'portal UI', name: 'main.css gzipped', value: kb(styles), target: '—' },
      { group: 'portal UI', name: 'everything until the chat is usable, gzipped (language strings aside)', value: kb(script + styles), target: '≤ 50 KB' },
      { group: 'embedded widget', name: 'widget.js gzipped (the loader: launcher, panel, badge)', value: kb(loader), target: '—' },
      { group: 'embedded widget', name: 'embed.js and its chunk gzipped (the chat and its styles, loaded after the launcher; other tabs later)', value: kb(panel), target: '—' },
      // Technicians open the console on a desk, usually once a day: its size is watched, not held to the widget's budget.
      { group: 'technician console', name: 'console.js gzipped (every screen, charts included)', value: kb(consoleScript), target: '—' },
      { group: 'technician console', name: 'console.css gzipped', value: kb(consoleStyles), target: '—' },
    ];
  } finally {
    await bundle.close();
  }
}

/** A page of another origin (intranet.localhost, which Chromium resolves to the loopback) that includes the widget. */
async function startHostSite(portalPort: number): Promise<{ server: Server; origin: string }> {
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>' +
    `<script src="http://localhost:${portalPort}/widget.js" async></script></head><body><h1>Intranet</h1></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://intranet.localhost:${(server.address() as AddressInfo).port}` };
}

async function benchEmbedded(): Promise<BenchRow[]> {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const config = loadConfig({ PORT: '0', PORTICO_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'portico-bench-widget-')), 'data'), PORTICO_DEMO_AGENTS: 'false', LOG_LEVEL: 'warn' });
  progress('starting Portico with the demo tenant and its articles');
  const portico: RunningPortico = await startPortico(config, createLogger('warn', sink), { host: '127.0.0.1' });
  const host = await startHostSite(portico.port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const admin = await loggedIn(portico.port, DEMO.tech);
    await admin.patch('/api/v1/admin/settings', { embed: { allowedOrigins: [host.origin] } });
    progress('bytes until the chat is usable');
    const bytes = await bytesUntilUsable(browser, host.origin, portico.port);
    progress(`launcher timing, ${LAUNCHER_SAMPLES} cold loads`);
    const launcher = [];
    for (let i = 0; i < LAUNCHER_SAMPLES; i++) launcher.push(await launcherVisibleMs(browser, host.origin));
    progress(`first streamed words, ${STREAM_SAMPLES} questions`);
    const stream = await firstWordsMs(browser, host.origin);
    return [
      {
        group: 'embedded widget',
        name: `everything loaded from the portal until the chat is usable, gzipped (${bytes.files} responses: scripts, strings, API, socket.io)`,
        value: kb(bytes.total),
        target: '≤ 50 KB',
      },
      { group: 'embedded widget', name: 'launcher visible after widget.js has loaded (ms, cold)', ...summarize(launcher), target: '≤ 300 ms' },
      { group: 'embedded widget', name: 'first streamed words rendered after their chat:delta frame arrives (ms)', ...summarize(stream.toDom), target: '≤ 50 ms' },
      { group: 'embedded widget', name: '… and painted (the next animation frame, ms)', ...summarize(stream.toFrame), target: '≤ 50 ms' },
    ];
  } finally {
    await browser.close();
    host.server.closeAllConnections();
    host.server.close();
    await portico.close();
  }
}

async function signIn(page: Page): Promise<void> {
  const panel = page.getByRole('dialog');
  await panel.getByRole('textbox', { name: 'Username' }).fill(DEMO.tom);
  await panel.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByRole('textbox', { name: 'Message' }).waitFor();
}

/**
 * Every HTTP response from the portal, from the host page's load until the chat takes a message: the loader, the
 * panel's module, branding, the UI's strings, sign-in, the user's profile and socket.io's handshake. Each body is
 * counted gzipped (level 9), as a compressing proxy in front of Portico would serve it.
 */
async function bytesUntilUsable(browser: Browser, origin: string, portalPort: number): Promise<{ total: number; files: number }> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).port === String(portalPort) && response.request().method() !== 'OPTIONS') sizes.push(response.body().then(gzipped, () => 0));
  });
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Open support chat' }).click();
  await signIn(page);
  const total = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { total, files: sizes.length };
}

// Scripts that run in the page before its own, as text: a function compiled by tsx would carry helpers the page lacks.
const LAUNCHER_WATCH = `
  function watch() {
    const launcher = document.querySelector('portico-widget')?.shadowRoot?.querySelector('.launcher');
    if (launcher && launcher.checkVisibility()) window.launcherShownAt = performance.now();
    else requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);`;

const DELTA_STAMPS = `
  const probe = { firstDelta: 0, dom: 0, frame: 0, watching: false };
  window.probe = probe;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (probe.watching && !probe.firstDelta && typeof event.data === 'string' && event.data.includes('"chat:delta"')) probe.firstDelta = performance.now();
      });
    }
  };`;

/** From the end of widget.js's download (resource timing) to the first frame where the launcher is on screen. */
async function launcherVisibleMs(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(LAUNCHER_WATCH);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'launcherShownAt' in window);
  const ms = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/widget.js')) as PerformanceResourceTiming;
    return (window as unknown as { launcherShownAt: number }).launcherShownAt - script.responseEnd;
  });
  await context.close();
  return ms;
}

/**
 * How long the first words of an answer take from the browser to the screen. The widget's WebSocket is wrapped before
 * it loads, and a listener added in its constructor runs before socket.io's own: it stamps each `chat:delta` frame as
 * it arrives. A MutationObserver on the shadow root stamps the moment a new assistant bubble gets its first text
 * (the DOM is updated; the observer runs right after), and a requestAnimationFrame from there the next frame, when
 * the words are painted. Server and browser share the loopback, so the frame's arrival is the server's send time to
 * within a fraction of a millisecond.
 */
async function firstWordsMs(browser: Browser, origin: string): Promise<{ toDom: number[]; toFrame: number[] }> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(DELTA_STAMPS);
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Open support chat' }).click();
  await signIn(page);
  await page.evaluate(() => {
    const root = document.querySelector('portico-widget')!.shadowRoot!;
    const probe = (window as unknown as { probe: { firstDelta: number; dom: number; frame: number; watching: boolean } }).probe;
    new MutationObserver(() => {
      if (!probe.watching || probe.dom) return;
      const bubbles = root.querySelectorAll('.msg-assistant .msg-body');
      if (bubbles.length > Number(root.host.getAttribute('data-seen')) && bubbles[bubbles.length - 1]!.textContent!.trim()) {
        probe.dom = performance.now();
        requestAnimationFrame(() => (probe.frame = performance.now()));
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  const questions = ['My printer does not print', 'Outlook keeps asking for my password', 'How do I connect to the guest wifi?'];
  const toDom: number[] = [];
  const toFrame: number[] = [];
  const message = page.getByRole('dialog').getByRole('textbox', { name: 'Message' });
  for (let i = 0; i < STREAM_SAMPLES; i++) {
    await page.evaluate(() => {
      const root = document.querySelector('portico-widget')!.shadowRoot!;
      root.host.setAttribute('data-seen', String(root.querySelectorAll('.msg-assistant .msg-body').length));
      Object.assign((window as unknown as { probe: object }).probe, { firstDelta: 0, dom: 0, frame: 0, watching: true });
    });
    await message.fill(questions[i % questions.length]!);
    await message.press('Enter');
    await page.waitForFunction(() => (window as unknown as { probe: { frame: number } }).probe.frame > 0);
    const probe = await page.evaluate(() => (window as unknown as { probe: { firstDelta: number; dom: number; frame: number } }).probe);
    // A frame that came by long-polling rather than the WebSocket has no stamp: that sample is not counted.
    if (probe.firstDelta > 0) {
      toDom.push(probe.dom - probe.firstDelta);
      toFrame.push(probe.frame - probe.firstDelta);
    }
    // The reply finishes before the next question.
    await page.getByRole('dialog').locator('[aria-busy="true"], .typing:not(:empty)').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.waitForTimeout(300);
  }
  await context.close();
  return { toDom, toFrame };
}
