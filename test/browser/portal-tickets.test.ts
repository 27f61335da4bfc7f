import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousViolations, signInToChat } from '../support/browser.js';
import { ChatClient } from '../support/chat-client.js';
import { DEMO, loggedIn, type HttpClient } from '../support/http-client.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

describe('the Tickets tab in Chromium', () => {
  let portico: TestPortico;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];

  beforeAll(async () => {
    [portico, browser] = await Promise.all([startTestPortico(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portico?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(() => context.close());

  const serious = () => seriousViolations(page);
  const openTicketsTab = async (username: string) => {
    await signInToChat(page, portico.port, username);
    await page.getByRole('tab', { name: username === DEMO.anna ? 'Ticket' : 'Tickets' }).click();
    await page.locator('#tickets-table').waitFor();
  };
  const detail = () => page.locator('#tickets .ticket-detail');

  it('opens a ticket from the list with the keyboard: its fields, the public thread, and back to the list', async () => {
    await openTicketsTab(DEMO.tom);
    const link = page.getByRole('link', { name: 'Outlook keeps asking for my password' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Outlook keeps asking for my password/, level: 2 }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ticket-title');

    const fields = await detail().locator('.ticket-fields').innerText();
    expect(fields).toContain('Open');
    expect(fields).toContain('High');
    expect(fields).toContain('Incident');
    // Custom fields by their admin's label, not their key.
    expect(fields).toContain('Asset tag');
    expect(fields).toContain('ACME-0142');
    expect(fields).toContain('Head office');
    expect(fields).not.toContain('asset_tag');
    const thread = detail().locator('.ticket-thread');
    await expect(thread.innerText()).resolves.toContain('Thanks Tom, we are looking at your mailbox sign-in logs now.');
    await expect(thread.locator('.comment-meta').first().innerText()).resolves.toMatch(/Sam Torres\s+Technician/);
    // The technician's internal note stays internal.
    await expect(thread.innerText()).resolves.not.toContain('credential manager');
    expect(await serious()).toEqual([]);

    await page.getByRole('button', { name: 'Back to tickets' }).press('Enter');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Outlook keeps asking for my password');
    await expect(page.locator('#tickets-table tbody tr').count()).resolves.toBe(2);
  });

  it('shows a technician’s reply and a change of status live, in the open ticket and in the list', async () => {
    await openTicketsTab(DEMO.tom);
    await page.getByRole('link', { name: 'Outlook keeps asking for my password' }).click();
    await page.getByRole('heading', { name: /Outlook keeps asking for my password/, level: 2 }).waitFor();
    const number = /\d+/.exec(await page.locator('#ticket-title').innerText())![0];
    const tech = await loggedIn(portico.port, DEMO.tech);
    const reply = 'We reset your mailbox <b>token</b>, please sign in again.';
    expect((await tech.post(`/api/v1/tickets/${number}/comments`, { body: reply })).status).toBe(201);
    await detail().locator('.ticket-thread').getByText(reply).waitFor();
    expect((await tech.patch(`/api/v1/tickets/${number}`, { status: 'pending' })).status).toBe(200);
    await detail().locator('.ticket-fields').getByText('Pending').waitFor();
    await page.getByRole('button', { name: 'Back to tickets' }).click();
    await page.locator('#tickets-table tbody tr', { hasText: 'Outlook keeps asking' }).getByText('Pending').waitFor();
  });

  it('lets a primary contact open a colleague’s ticket, in her language', async () => {
    await openTicketsTab(DEMO.anna);
    await page.getByRole('link', { name: 'Printer on the second floor jams' }).click();
    await page.getByRole('heading', { name: /Printer on the second floor jams/, level: 2 }).waitFor();
    const fields = await detail().locator('.ticket-fields').innerText();
    expect(fields).toContain('Richiedente');
    expect(fields).toContain('Tom Baker');
    expect(fields).toContain('Risolto');
    const thread = detail().locator('.ticket-thread');
    await expect(thread.getByRole('heading', { name: 'Commenti' }).count()).resolves.toBe(1);
    await expect(thread.innerText()).resolves.toContain('Works now, thank you!');
    await expect(thread.locator('.comment-contact .comment-meta').innerText()).resolves.toMatch(/Tom Baker\s+Utente/);
    await page.getByRole('button', { name: 'Torna ai ticket' }).click();
    await page.locator('#tickets-table').waitFor();
  });

  it('shows a chat’s ticket with its transcript, the assistant’s Markdown rendered as the chat renders it', async () => {
    const tom = await loggedIn(portico.port, DEMO.tom);
    const chat = await ChatClient.connect(portico.port, tom);
    const { ack } = await chat.ask('How do I set up the VPN?');
    chat.close();
    const number = (await tom.get(`/api/v1/conversations/${ack.conversationId}`)).body.ticket.number as number;

    await signInToChat(page, portico.port, DEMO.tom);
    await page.goto(`http://localhost:${portico.port}/tickets/${number}`);
    const transcript = page.getByRole('region', { name: 'Chat transcript' });
    await transcript.waitFor();
    await expect(transcript.locator('.transcript-user').innerText()).resolves.toContain('How do I set up the VPN?');
    const answer = transcript.locator('.transcript-assistant').first();
    await expect(answer.innerText()).resolves.toContain('Assistant');
    await expect(answer.locator('a[href^="/kb/"], a[href*="/kb/"]').count()).resolves.toBeGreaterThan(0);
    expect(await serious()).toEqual([]);
  });

  it('adds a comment to the thread', async () => {
    await openTicketsTab(DEMO.tom);
    await page.getByRole('link', { name: 'Outlook keeps asking for my password' }).click();
    await page.getByRole('textbox', { name: 'Add a comment' }).fill('It happened again after lunch.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').filter({ hasText: 'Your comment was added.' }).waitFor();
    const last = detail().locator('.ticket-thread .comment').last();
    await expect(last.innerText()).resolves.toContain('It happened again after lunch.');
    await expect(last.locator('.comment-meta').innerText()).resolves.toMatch(/Tom Baker\s+User/);
    await expect(page.getByRole('textbox', { name: 'Add a comment' }).inputValue()).resolves.toBe('');
    expect(await serious()).toEqual([]);
  });

  it('reopens a closed ticket with a comment, and with the Reopen button', async () => {
    await openTicketsTab(DEMO.anna);
    await page.getByRole('link', { name: 'La VPN si disconnette' }).click();
    await expect(detail().locator('.ticket-fields').innerText()).resolves.toContain('Chiuso');
    await page.getByRole('textbox', { name: 'Aggiunga un commento' }).fill('Si disconnette di nuovo da ieri.');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByRole('status').filter({ hasText: 'Il Suo commento è stato aggiunto.' }).waitFor();
    await expect(detail().locator('.ticket-fields').innerText()).resolves.toContain('Aperto');
    await expect(page.getByRole('button', { name: 'Riapri' }).count()).resolves.toBe(0);

    await context.close();
    context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
    await openTicketsTab(DEMO.luc);
    await page.getByRole('link', { name: 'Écran externe non détecté' }).click();
    await page.getByRole('button', { name: 'Rouvrir' }).click();
    await page.getByRole('status').filter({ hasText: 'Le ticket est de nouveau ouvert.' }).waitFor();
    await expect(detail().locator('.ticket-fields').innerText()).resolves.toContain('Ouvert');
  });

  it('refuses a comment on a closed ticket when the settings forbid reopening, in the user’s language', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    expect((await tech.patch('/api/v1/admin/settings', { tickets: { cannotReopen: true } })).status).toBe(200);
    try {
      await openTicketsTab(DEMO.tom);
      await page.getByRole('link', { name: 'Printer on the second floor jams' }).click();
      await page.getByRole('textbox', { name: 'Add a comment' }).fill('It jams again.');
      await expect(page.getByRole('button', { name: 'Reopen' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByRole('alert').filter({ hasText: /\S/ }).innerText()).resolves.toBe(
        'This ticket is closed and cannot be reopened from the portal. Please open a new one.',
      );
      await expect(detail().locator('.ticket-thread').innerText()).resolves.not.toContain('It jams again.');
    } finally {
      await tech.patch('/api/v1/admin/settings', { tickets: { cannotReopen: false } });
    }
  });

  it('opens a new ticket with a read-only and a hidden field, sending only what the user may set, and shows it', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    expect((await tech.patch('/api/v1/admin/settings', { fieldVisibility: { priority: 'readonly', asset_tag: 'hidden' } })).status).toBe(200);
    try {
      await openTicketsTab(DEMO.tom);
      await page.getByRole('button', { name: 'New ticket' }).click();
      await page.getByRole('heading', { name: 'New ticket', level: 2 }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new-ticket-title');
      const form = page.locator('#tickets form.new-ticket');
      // Hidden: absent. Read-only: its value as text, no input.
      await expect(form.getByText('Asset tag').count()).resolves.toBe(0);
      await expect(form.getByLabel('Priority').count()).resolves.toBe(0);
      await expect(form.locator('.readonly-fields').innerText()).resolves.toMatch(/Priority\s+Medium/);
      await expect(form.locator('.readonly-fields').innerText()).resolves.toMatch(/Business critical\s+Not set/);
      await expect(form.locator('label[for="new-ticket-subject"]').innerText()).resolves.toBe('Subject (required)');
      await expect(form.getByRole('combobox', { name: 'Type' }).locator('option').allInnerTexts()).resolves.toEqual(['Question', 'Incident', 'Problem', 'Request']);
      expect(await serious()).toEqual([]);

      await form.getByRole('textbox', { name: /Subject/ }).fill('Second monitor flickers');
      await form.getByRole('textbox', { name: 'Description' }).fill('The Dell monitor flickers every few seconds.');
      await form.getByRole('combobox', { name: 'Type' }).selectOption('question');
      await form.getByRole('combobox', { name: 'Location' }).selectOption('Remote');
      await form.getByRole('spinbutton', { name: 'Affected users' }).fill('3');
      await form.getByLabel('Needed by').fill('2026-12-24');
      await form.getByRole('button', { name: 'Create ticket' }).click();

      await page.getByRole('heading', { name: /Second monitor flickers/, level: 2 }).waitFor();
      const fields = await detail().locator('.ticket-fields').innerText();
      expect(fields).toMatch(/Type\s+Question/);
      expect(fields).toMatch(/Priority\s+Medium/);
      expect(fields).toMatch(/Location\s+Remote/);
      expect(fields).toMatch(/Affected users\s+3/);
      expect(fields).not.toContain('Asset tag');
      const number = Number((await detail().locator('.ticket-number').innerText()).slice(1));
      const stored = (await tech.get(`/api/v1/tickets/${number}`)).body;
      expect(stored).toMatchObject({ subject: 'Second monitor flickers', type: 'question', priority: 'medium', source: 'portal' });
      expect(stored.customFields).toEqual({ location: 'Remote', affected_users: 3, needed_by: '2026-12-24' });
    } finally {
      await tech.patch('/api/v1/admin/settings', { fieldVisibility: { priority: 'editable', asset_tag: 'editable' } });
    }
  });

  it('has no new-ticket form when manual creation is off', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    await openTicketsTab(DEMO.tom);
    await page.getByRole('button', { name: 'New ticket' }).waitFor();
    expect((await tech.patch('/api/v1/admin/settings', { tickets: { disableManualCreation: true } })).status).toBe(200);
    try {
      await page.getByRole('tab', { name: 'Assistant' }).click();
      await page.getByRole('tab', { name: 'Tickets' }).click();
      await page.getByRole('button', { name: 'New ticket' }).waitFor({ state: 'detached' });
    } finally {
      await tech.patch('/api/v1/admin/settings', { tickets: { disableManualCreation: false } });
    }
  });

  describe('with HTML and Markdown in a ticket', () => {
    let tom: HttpClient;
    const subject = 'Printer <img src=x onerror=alert(1)> [see](javascript:alert(2))';
    beforeAll(async () => {
      tom = await loggedIn(portico.port, DEMO.tom);
      const created = await tom.post('/api/v1/tickets', { subject, description: '<script>alert(3)</script> **bold** [link](https://evil.example)' });
      expect(created.status).toBe(201);
      expect((await tom.post(`/api/v1/tickets/${created.body.number}/comments`, { body: '<b onmouseover=alert(4)>hi</b>' })).status).toBe(201);
    });

    it('shows them as inert text in the list and in the detail', async () => {
      await openTicketsTab(DEMO.tom);
      const link = page.getByRole('link', { name: subject });
      await expect(link.innerText()).resolves.toBe(subject);
      await link.click();
      await page.getByRole('heading', { name: subject, level: 2 }).waitFor();
      await expect(detail().locator('.ticket-description').innerText()).resolves.toBe('<script>alert(3)</script> **bold** [link](https://evil.example)');
      await expect(detail().locator('.comment-body').innerText()).resolves.toBe('<b onmouseover=alert(4)>hi</b>');
      await expect(page.locator('#tickets img, #tickets script, #tickets b').count()).resolves.toBe(0);
      await expect(detail().locator('.ticket-description *, .comment-body *').count()).resolves.toBe(0);
      await expect(detail().locator('a').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
});
