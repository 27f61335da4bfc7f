import type { Page } from 'playwright-core';
import { seriousViolations, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO } from '../support/http-client.js';

const PHONE = { width: 390, height: 844 };

describe('the Assistant tab’s replies in Chromium', () => {
  const chromium = useChromiumPortico();
  const page = (): Page => chromium.page;
  const signIn = (username: string) => signInToChat(page(), chromium.portico.port, username);
  const log = () => page().getByRole('log');
  const assistantMessages = () => log().locator('.msg-assistant');

  /** Sends a message as a keyboard user does and resolves on the stored answer, once the typing indicator is gone. */
  const ask = async (text: string) => {
    const before = await assistantMessages().count();
    await page().locator('#chat-input').fill(text);
    await page().keyboard.press('Enter');
    return answerAfter(before);
  };
  const answerAfter = async (before: number) => {
    const answer = assistantMessages().nth(before);
    await answer.waitFor();
    await page().waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '');
    return answer;
  };

  it('shows each source of an answer once, as a link that opens the article in the Knowledge base tab', async () => {
    await signIn(DEMO.tom);
    const answer = await ask('How do I set up the VPN?');
    const sources = answer.locator('.sources a');
    await sources.first().waitFor();
    const hrefs = await sources.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) await expect(answer.locator(`a[href="${href}"]`).count()).resolves.toBe(1);
    await expect(answer.innerText()).resolves.not.toMatch(/Source:|See also:/);

    const title = await sources.first().innerText();
    await sources.first().click();
    await expect(page().getByRole('tab', { name: 'Knowledge base' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page().getByRole('heading', { level: 2, name: title.replace(/\s*\(opens in a new tab\)$/, '') }).waitFor();
  });

  it('offers Anna’s two devices as buttons when she does not say which, and the pressed one gets the action', async () => {
    await signIn(DEMO.anna);
    const answer = await ask('restart my computer');
    const choices = answer.getByRole('group');
    await expect(choices.getByRole('button').allInnerTexts()).resolves.toEqual(['ANNA-DESKTOP', 'MacBook Air di Anna']);

    const before = await assistantMessages().count();
    await choices.getByRole('button', { name: 'MacBook Air di Anna' }).click();
    await answerAfter(before);
    await expect(log().locator('.msg-user').last().innerText()).resolves.toContain('MacBook Air di Anna');
    const card = log().locator('.action-card', { hasText: 'MacBook Air di Anna' });
    await card.waitFor();
    await expect(log().locator('.action-card').count()).resolves.toBe(1);
    // Answered: the question's buttons are gone.
    await expect(log().locator('.quick-replies').count()).resolves.toBe(0);
  });

  it('hands Tom over to a technician from the keyboard, and the ticket it opened is one click away', async () => {
    await signIn(DEMO.tom);
    const talk = page().getByRole('button', { name: 'Talk to a technician' });
    await talk.focus();
    await page().keyboard.press('Enter');
    // Found by what it says rather than by position: Tom's earlier chat may still be coming back into the log.
    const answer = assistantMessages().filter({ has: page().getByRole('link', { name: /^ticket #\d+/ }) }).last();
    await answer.waitFor();
    await expect(log().locator('.msg-user').last().innerText()).resolves.toContain('I want to talk to a technician');
    const ticket = answer.getByRole('link', { name: /^ticket #\d+/ });
    const number = /#(\d+)/.exec(await ticket.innerText())![1]!;
    await ticket.click();
    await expect(page().getByRole('tab', { name: 'Tickets' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page().locator('.ticket-number', { hasText: number }).waitFor();
  });

  it('counts with the plural forms of English and Italian, and dates tickets in words of the language', async () => {
    await signIn(DEMO.tom);
    await page().getByRole('tab', { name: 'Tickets' }).click();
    await page().locator('#tickets-table tbody tr').first().waitFor();
    const rows = await page().locator('#tickets-table tbody tr').count();
    await expect(page().locator('#tickets-status').innerText()).resolves.toBe(rows === 1 ? '1 ticket' : `${rows} tickets`);
    await page().getByRole('tab', { name: 'Knowledge base' }).click();
    await page().getByRole('searchbox', { name: 'Search articles' }).fill('vpn');
    const found = page().locator('.kb-results li');
    await found.first().waitFor();
    const count = await found.count();
    await expect(page().locator('.kb-status').innerText()).resolves.toBe(count === 1 ? '1 article found' : `${count} articles found`);

    await page().getByRole('button', { name: 'Sign out' }).click();
    await signIn(DEMO.anna);
    await page().getByRole('tab', { name: 'Ticket' }).click();
    await page().locator('#tickets-table tbody tr').first().waitFor();
    const annas = await page().locator('#tickets-table tbody tr').count();
    await expect(page().locator('#tickets-status').innerText()).resolves.toBe(`${annas} ticket`);
    const updated = page().locator('#tickets-table tbody time').first();
    await expect(updated.getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(updated.innerText()).resolves.toMatch(/^(ora|ieri|.+ fa)$/);
  });

  it('has no serious accessibility violation on a phone, in each tab', async () => {
    await page().setViewportSize(PHONE);
    await signIn(DEMO.tom);
    await ask('How do I set up the VPN?');
    await ask('restart my laptop');
    await log().locator('.action-card').waitFor();
    const found: Record<string, string[]> = { Assistant: await seriousViolations(page()) };
    for (const [tab, ready] of [
      ['Tickets', '#tickets-table tbody tr'],
      ['Knowledge base', '.kb-list li'],
      ['Settings', 'select'],
    ] as const) {
      await page().getByRole('tab', { name: tab }).click();
      await page().locator(ready).first().waitFor();
      found[tab] = await seriousViolations(page());
    }
    expect(found).toEqual({ Assistant: [], Tickets: [], 'Knowledge base': [], Settings: [] });
  });
});
