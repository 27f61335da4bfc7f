import type { Page } from 'playwright-core';
import { seriousViolations, shoot, signInToChat, useChromiumPortico } from '../support/browser.js';
import { ChatClient } from '../support/chat-client.js';
import { DEMO, loggedIn } from '../support/http-client.js';

describe('the console Tickets screen in Chromium', () => {
  const chromium = useChromiumPortico();
  const consoleUrl = (path: string) => `http://localhost:${chromium.portico.port}/console${path}`;
  const signIn = async (page: Page, path = '/tickets') => {
    await page.goto(consoleUrl(path));
    await page.getByRole('textbox', { name: 'Username' }).fill(DEMO.tech);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const rows = (page: Page) => page.locator('table.queue tbody tr');
  const subjects = async (page: Page) => (await page.locator('table.queue tbody .cell-subject a').allInnerTexts()).sort();
  /** The queue once it shows what the address asks for: no answer for older filters arrives after it. */
  const settled = async (page: Page, expected: string[]) => {
    await page.waitForFunction(
      (want) => JSON.stringify(Array.from(document.querySelectorAll('table.queue tbody .cell-subject a'), (a) => a.textContent).sort()) === want,
      JSON.stringify([...expected].sort()),
    );
  };

  it("works a ticket while the requester's portal shows the public reply and the status live, and never the internal note", async () => {
    const { page, browser, portico } = chromium;
    const tech = await loggedIn(portico.port, DEMO.tech);
    const outlook = (await tech.get('/api/v1/tickets?q=Outlook')).body.tickets[0] as { number: number };

    // The requester, signed in to the portal in a browser of his own, has the ticket open.
    const userContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const user = await userContext.newPage();
      await signInToChat(user, portico.port, DEMO.tom);
      await user.goto(`http://localhost:${portico.port}/tickets/${outlook.number}`);
      const userThread = user.locator('#tickets .ticket-detail .ticket-thread');
      await userThread.waitFor();

      await signIn(page);
      await page.getByRole('link', { name: 'Outlook keeps asking for my password' }).click();
      await page.getByRole('heading', { level: 1, name: /Outlook keeps asking for my password/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/console/tickets/${outlook.number}`);
      const header = await page.locator('.ticket-head').innerText();
      expect(header).toContain('Tom Baker');
      expect(header).toContain('Acme Dental');
      expect(header).toContain('Portal');
      // The seed's internal note is there for the technician, marked as one.
      await expect(page.locator('.note-internal').first().innerText()).resolves.toMatch(/Internal note/);
      expect(await seriousViolations(page)).toEqual([]);

      const note = 'Token cache on OUTLOOK-7 is stale, clearing it tonight.';
      await page.getByRole('radio', { name: 'Internal note' }).check();
      await page.getByRole('textbox', { name: 'Note for technicians' }).fill(note);
      await page.keyboard.press('Control+Enter');
      await page.getByRole('status').filter({ hasText: 'Internal note added.' }).waitFor();
      await page.locator('.note-internal', { hasText: note }).waitFor();

      const reply = 'We reset your mailbox token; please sign in to Outlook again.';
      await page.getByRole('radio', { name: 'Reply' }).check();
      await page.getByRole('textbox', { name: 'Reply to Tom Baker' }).fill(reply);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
      await expect(page.locator('.note', { hasText: reply }).getAttribute('class')).resolves.not.toContain('note-internal');
      await userThread.getByText(reply).waitFor();

      await page.getByRole('combobox', { name: 'Status' }).selectOption('pending');
      await page.getByRole('status').filter({ hasText: 'Status saved.' }).waitFor();
      await user.locator('#tickets .ticket-detail .ticket-fields').getByText('Pending').waitFor();

      await page.getByRole('combobox', { name: 'Priority' }).selectOption('urgent');
      await page.getByRole('status').filter({ hasText: 'Priority saved.' }).waitFor();
      await page.getByRole('button', { name: 'Assign to me' }).click();
      await page.getByRole('status').filter({ hasText: 'Assignee saved.' }).waitFor();
      await expect(page.getByRole('combobox', { name: 'Assignee' }).inputValue()).resolves.not.toBe('');
      await page.getByRole('textbox', { name: 'Asset tag' }).fill('ACME-0999');
      await page.getByRole('textbox', { name: 'Asset tag' }).press('Tab');
      await page.getByRole('status').filter({ hasText: 'Asset tag saved.' }).waitFor();
      await page.getByRole('combobox', { name: 'Location' }).selectOption('Remote');
      await page.getByRole('status').filter({ hasText: 'Location saved.' }).waitFor();

      // The user's page, live and loaded again, never shows the note.
      expect(await user.locator('body').innerText()).not.toContain(note);
      await user.reload();
      await userThread.getByText(reply).waitFor();
      expect(await user.locator('body').innerText()).not.toContain(note);

      // What the technician set is what is stored, after a reload too.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /Outlook keeps asking/ }).waitFor();
      await expect(page.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('pending');
      await expect(page.getByRole('combobox', { name: 'Priority' }).inputValue()).resolves.toBe('urgent');
      await expect(page.getByRole('textbox', { name: 'Asset tag' }).inputValue()).resolves.toBe('ACME-0999');
      await expect(page.getByRole('combobox', { name: 'Location' }).inputValue()).resolves.toBe('Remote');
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, 'console-ticket', 1280, 800);
      await shoot(page, 'console-ticket', 390, 844);
      await page.setViewportSize({ width: 1280, height: 800 });

      // Back to the queue: the ticket is the technician's now.
      await page.getByRole('link', { name: 'Back to the queue' }).click();
      await page.getByRole('combobox', { name: 'Assignee' }).selectOption('me');
      await settled(page, ['Outlook keeps asking for my password']);
    } finally {
      await userContext.close();
    }
  }, 120_000);

  it('narrows the queue by company, text and status, keeps the filters in the address and opens a ticket from the keyboard', async () => {
    const { page } = chromium;
    await signIn(page);
    await rows(page).first().waitFor();
    await shoot(page, 'console-tickets', 1280, 800);
    await shoot(page, 'console-tickets', 390, 844);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await subjects(page)).toEqual(
      expect.arrayContaining(['Laptop per la nuova assunta Giulia', "Impossible d'accéder au lecteur partagé", 'Richiesta licenza Adobe Acrobat Pro']),
    );
    // Resolved and closed tickets are not in the working queue.
    expect(await subjects(page)).not.toContain('Printer on the second floor jams');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Rossi Logistics' });
    await settled(page, ["Impossible d'accéder au lecteur partagé", 'Richiesta licenza Adobe Acrobat Pro']);
    expect(new URL(page.url()).searchParams.get('companyId')).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('searchbox', { name: 'Search' }).fill('Adobe');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await settled(page, ['Richiesta licenza Adobe Acrobat Pro']);
    await expect(page.locator('.queue-count').innerText()).resolves.toBe('1 ticket');

    // The address is the view: loaded again, the same filters and the same rows.
    await page.reload();
    await settled(page, ['Richiesta licenza Adobe Acrobat Pro']);
    await expect(page.getByRole('searchbox', { name: 'Search' }).inputValue()).resolves.toBe('Adobe');
    await expect(page.getByRole('combobox', { name: 'Company' }).locator('option:checked').innerText()).resolves.toBe('Rossi Logistics');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('checkbox', { name: /Resolved/ }).check();
    await page.locator('table.queue tbody', { hasText: 'Printer on the second floor jams' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('open,pending,resolved');

    await page.getByRole('link', { name: 'Printer on the second floor jams' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Printer on the second floor jams/ }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ticket-title');
    await page.goBack();
    await page.locator('table.queue tbody', { hasText: 'Printer on the second floor jams' }).waitFor();
    await expect(page.getByRole('checkbox', { name: /Resolved/ }).isChecked()).resolves.toBe(true);
  });

  it('brings new tickets into the open queue and new comments into the open ticket every 15 seconds while the tab is shown', async () => {
    const { page, portico } = chromium;
    await page.clock.install();
    await signIn(page);
    await rows(page).first().waitFor();
    const tom = await loggedIn(portico.port, DEMO.tom);
    const created = await tom.post('/api/v1/tickets', { subject: 'Webcam not found in Teams', description: 'Since the update.' });
    expect(created.status).toBe(201);
    await page.clock.fastForward(16_000);
    await page.getByRole('link', { name: 'Webcam not found in Teams' }).waitFor();

    await page.getByRole('link', { name: 'Webcam not found in Teams' }).click();
    await page.getByRole('heading', { level: 1, name: /Webcam not found in Teams/ }).waitFor();
    await tom.post(`/api/v1/tickets/${created.body.id}/comments`, { body: 'It also fails in Zoom.' });
    await page.clock.fastForward(16_000);
    await page.locator('.note-contact', { hasText: 'It also fails in Zoom.' }).waitFor();
  }, 120_000);

  it("shows a chat's ticket with its transcript and the action log, and stacks on a phone", async () => {
    const { page, portico } = chromium;
    const tom = await loggedIn(portico.port, DEMO.tom);
    const chat = await ChatClient.connect(portico.port, tom);
    const { answer } = await chat.ask('please restart my laptop, it is frozen');
    const { action } = await chat.waitFor('chat:action', (p) => p.conversationId === answer.conversationId);
    await chat.emit('action:confirm', { actionId: action.id });
    chat.close();
    const number = (await tom.get(`/api/v1/conversations/${answer.conversationId}`)).body.ticket.number as number;

    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, `/tickets/${number}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `#${number}` }).waitFor();
    const transcript = page.getByRole('region', { name: 'Chat transcript' });
    await expect(transcript.innerText()).resolves.toContain('please restart my laptop, it is frozen');
    const log = page.getByRole('region', { name: 'Action log' });
    const entry = await log.locator('tbody tr').first().innerText();
    expect(entry).toContain('Restart');
    expect(entry).toContain('TOM-LAPTOP');
    expect(entry).toMatch(/Awaiting the SMS code|Awaiting confirmation/);

    // One column on a phone: nothing wider than the screen, the properties under the conversation.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const side = (await page.locator('.ticket-side').boundingBox())!;
    const main = (await page.locator('.ticket-main').boundingBox())!;
    expect(side.y).toBeGreaterThanOrEqual(main.y + main.height - 1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
