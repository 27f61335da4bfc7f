import type { Page } from 'playwright-core';
import { useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';

/** Fake time the page may spend waiting for the new line: with the 1 s to connect, well under the 15 s the queue used to poll at. */
const FAKE_MS_ALLOWED = 5_000;

describe("the console's ticket queue in Chromium, live", () => {
  const chromium = useChromiumPortico();

  /** Moves the page's clock by small steps, letting real time pass for the socket and the fetch, until `shown` holds. */
  async function advanceUntil(page: Page, shown: () => Promise<boolean>): Promise<boolean> {
    for (let spent = 0; spent < FAKE_MS_ALLOWED; spent += 250) {
      if (await shown()) return true;
      await page.clock.runFor(250);
      await page.waitForTimeout(150);
    }
    return shown();
  }

  it('shows a ticket an end user just opened, without a reload and before any poll would have run', async () => {
    const { page, portico } = chromium;
    // The page's timers run only when the test moves its clock: a 15 s poll cannot run within FAKE_MS_ALLOWED.
    await page.clock.install();
    await page.goto(`http://localhost:${portico.port}/console/tickets`);
    await page.getByRole('textbox', { name: 'Username' }).fill(DEMO.tech);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Outlook keeps asking for my password' }).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    // Time for the console's socket to connect, and its first connection's refresh to run.
    for (let step = 0; step < 4; step += 1) {
      await page.clock.runFor(250);
      await page.waitForTimeout(150);
    }

    const tom = await loggedIn(portico.port, DEMO.tom);
    const created = await tom.post('/api/v1/tickets', { subject: 'Scanner on floor 2 jams every page', description: 'Since this morning.' });
    expect(created.status).toBe(201);

    const row = page.getByRole('link', { name: 'Scanner on floor 2 jams every page' });
    expect(await advanceUntil(page, () => row.isVisible())).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
