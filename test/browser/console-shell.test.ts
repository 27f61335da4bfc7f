import { seriousViolations, useChromiumPortico } from '../support/browser.js';
import { DEMO } from '../support/http-client.js';

describe('technician console shell in Chromium', () => {
  const chromium = useChromiumPortico();
  const signIn = async (username: string) => {
    const { page, portico } = chromium;
    await page.goto(`http://localhost:${portico.port}/console`);
    await page.getByRole('textbox', { name: 'Username' }).fill(username);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('signs a technician in to the ticket queue, with no serious accessibility fault on either page', async () => {
    const { page } = chromium;
    await page.goto(`http://localhost:${chromium.portico.port}/console`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(DEMO.tech);
    await page.getByRole('link', { name: 'Tickets' }).waitFor();
    await expect(page.getByRole('link', { name: 'Tickets' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.locator('table.queue tbody tr').first().waitFor();
    expect(await page.locator('table.queue').innerText()).toContain('Outlook keeps asking for my password');
    expect(new URL(page.url()).pathname).toBe('/console/tickets');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps end users out and tells them where to go, without leaving them signed in', async () => {
    const { page, portico } = chromium;
    await signIn(DEMO.tom);
    await page.getByRole('alert').filter({ hasText: 'This console is for technicians' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    await page.goto(`http://localhost:${portico.port}/console/tickets`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('opens the screen its address names after a reload, and the back button returns', async () => {
    const { page, portico } = chromium;
    await signIn(DEMO.tech);
    await page.locator('table.queue tbody tr').first().waitFor();
    await page.goto(`http://localhost:${portico.port}/console/tickets`);
    await page.locator('table.queue tbody tr').first().waitFor();
    await expect(page.getByRole('link', { name: 'Tickets' }).getAttribute('aria-current')).resolves.toBe('page');
  });
});
