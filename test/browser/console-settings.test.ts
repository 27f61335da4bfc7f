import type { BrowserContext, Page } from 'playwright-core';
import { insertTechnician } from '../../db/repositories/principals.js';
import { findTenantBySlug } from '../../db/repositories/tenants.js';
import { DEMO_SLUG } from '../../db/seed/demo-tenant.js';
import { canonicalUsername } from '../../domain/auth/canonical-username.js';
import { hashPassword } from '../../domain/auth/password.js';
import { seriousViolations, shoot, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn, type HttpClient } from '../support/http-client.js';

describe('the console Settings screen in Chromium', () => {
  const chromium = useChromiumPortico();
  let tech: HttpClient;
  let original: Record<string, unknown>;
  let userContext: BrowserContext | undefined;

  beforeAll(async () => {
    tech = await loggedIn(chromium.portico.port, DEMO.tech);
    original = (await tech.get('/api/v1/admin/settings')).body as Record<string, unknown>;
  });
  afterEach(async () => {
    await userContext?.close();
    userContext = undefined;
    // The whole document back: objects merge key by key, arrays and values replace.
    expect((await tech.patch('/api/v1/admin/settings', original)).status).toBe(200);
  });

  const admin = () => chromium.page;
  const openSettings = async (username: string = DEMO.tech) => {
    const page = admin();
    await page.goto(`http://localhost:${chromium.portico.port}/console`);
    await page.getByRole('textbox', { name: 'Username' }).fill(username);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Portal sections' }).waitFor();
  };
  /** An end user's portal, open in a browser of its own, as a second person would have it. */
  const portalOf = async (username: string): Promise<Page> => {
    userContext = await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await userContext.newPage();
    await signInToChat(page, chromium.portico.port, username);
    return page;
  };
  const form = (title: string) => admin().getByRole('form', { name: title });
  const sectionGroup = (name: string) => form('Portal sections').getByRole('group', { name, exact: true });
  const save = async (title: string) => {
    await form(title).getByRole('button', { name: 'Save' }).click();
    await form(title).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  };

  // The first test also waits for the console's first bundle, on a machine shared with other runs: a longer limit.
  it('takes a section away from a user whose portal is open, without a new login, and the screen has no serious accessibility fault', async () => {
    const tom = await portalOf(DEMO.tom);
    await tom.getByRole('tab', { name: 'Knowledge base' }).waitFor();
    await openSettings();
    expect(await seriousViolations(admin())).toEqual([]);
    await shoot(admin(), 'console-settings', 1280, 800);
    await shoot(admin(), 'console-settings', 390, 844);
    await admin().setViewportSize({ width: 1280, height: 800 });

    await sectionGroup('Knowledge base').getByRole('radio', { name: 'Off' }).check();
    await expect(form('Portal sections').getByRole('status').innerText()).resolves.toBe('Unsaved changes');
    await save('Portal sections');
    await tom.getByRole('tab', { name: 'Knowledge base' }).waitFor({ state: 'detached' });
    await expect(tom.getByRole('tab', { name: 'Assistant' }).count()).resolves.toBe(1);

    // The console shows what is saved after a reload, not the draft.
    await admin().reload();
    await admin().getByRole('heading', { name: 'Portal sections' }).waitFor();
    await expect(sectionGroup('Knowledge base').getByRole('radio', { name: 'Off' }).isChecked()).resolves.toBe(true);
  }, 120_000);

  it('opens a section to chosen users found with the picker, and only they see it', async () => {
    const tom = await portalOf(DEMO.tom);
    await tom.getByRole('tab', { name: 'Self-service' }).waitFor();
    await openSettings();
    const group = sectionGroup('Self-service');
    await group.getByRole('radio', { name: 'Chosen users' }).check();
    const search = group.getByRole('searchbox', { name: 'Add users to Self-service' });
    await search.fill('anna');
    await group.getByRole('button', { name: /Add Anna Bianchi/ }).click();
    await group.getByRole('list', { name: 'Chosen users' }).getByText('Anna Bianchi').waitFor();
    expect(await seriousViolations(admin())).toEqual([]);
    await save('Portal sections');

    await tom.getByRole('tab', { name: 'Self-service' }).waitFor({ state: 'detached' });
    const anna = await loggedIn(chromium.portico.port, DEMO.anna);
    expect((await anna.get('/api/v1/me')).body.sections.selfService).toBe(true);
    const saved = (await tech.get('/api/v1/admin/settings')).body.sections.selfService;
    expect(saved.mode).toBe('selected');
    expect(saved.userIds).toHaveLength(1);

    // After a reload the chosen user is named, not shown as an id, and can be removed with the keyboard.
    await admin().reload();
    const remove = sectionGroup('Self-service').getByRole('button', { name: 'Remove Anna Bianchi' });
    await remove.focus();
    await admin().keyboard.press('Enter');
    await sectionGroup('Self-service').getByText('Nobody is chosen yet').waitFor();
  });

  it("changes the portal's name and the user's open portal shows it", async () => {
    const tom = await portalOf(DEMO.tom);
    await openSettings();
    const branding = form('Branding');
    await branding.getByRole('textbox', { name: 'Portal name' }).fill('Acme IT Help');
    await expect(branding.locator('.brand-preview-top').innerText()).resolves.toBe('Acme IT Help');
    await save('Branding');
    await tom.locator('header .brand').filter({ hasText: 'Acme IT Help' }).waitFor();
  });

  it("chooses what becomes of mail from unknown senders", async () => {
    await openSettings();
    const email = form('Email to ticket');
    const senders = email.getByRole('group', { name: 'Mail from unknown senders' });
    await expect(senders.getByRole('radio', { name: 'Refuse with an auto-reply' }).isChecked()).resolves.toBe(true);
    await senders.getByRole('radio', { name: 'Keep as a ticket' }).check();
    await save('Email to ticket');
    expect((await tech.get('/api/v1/admin/settings')).body.email).toEqual({ unknownSenders: 'queue' });
  });

  it("hides a field from the new-ticket form the user has open, and shows the server's refusal of a form no user could fill", async () => {
    const tom = await portalOf(DEMO.tom);
    await tom.getByRole('tab', { name: 'Tickets' }).click();
    await tom.getByRole('button', { name: 'New ticket' }).click();
    await tom.getByRole('combobox', { name: 'Priority' }).waitFor();

    await openSettings();
    const fields = form('Ticket fields in the portal');
    await fields.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'Hidden' });
    await save('Ticket fields in the portal');
    await tom.getByRole('combobox', { name: 'Priority' }).waitFor({ state: 'detached' });
    await expect(tom.getByRole('combobox', { name: 'Type' }).count()).resolves.toBe(1);

    await fields.getByRole('combobox', { name: 'Subject' }).selectOption({ label: 'Read-only' });
    await fields.getByRole('combobox', { name: 'Description' }).selectOption({ label: 'Hidden' });
    await fields.getByRole('button', { name: 'Save' }).click();
    await fields.getByRole('alert').filter({ hasText: 'subject or description must stay editable' }).waitFor();
    expect((await tech.get('/api/v1/admin/settings')).body.fieldVisibility.subject).toBe('editable');
  });

  it("adds a dropdown field that the user's open new-ticket form shows at once, edits and deletes it", async () => {
    const tom = await portalOf(DEMO.tom);
    await tom.getByRole('tab', { name: 'Tickets' }).click();
    await tom.getByRole('button', { name: 'New ticket' }).click();
    await tom.getByRole('combobox', { name: 'Priority' }).waitFor();

    await openSettings();
    // Custom fields by their admin's label, not their key.
    await form('Ticket fields in the portal').getByRole('combobox', { name: 'Asset tag' }).waitFor();
    const editor = admin().getByRole('form', { name: 'Add a field' });
    await editor.getByRole('textbox', { name: 'Label' }).fill('Department');
    await editor.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Dropdown' });
    await editor.getByRole('textbox', { name: 'Choices, one per line' }).fill('Sales\nFront desk\n');
    await editor.getByRole('button', { name: 'Add the field' }).click();
    await form('Ticket fields in the portal').getByRole('combobox', { name: 'Department' }).waitFor();
    const department = tom.getByRole('combobox', { name: 'Department' });
    await department.waitFor();
    await expect(department.locator('option').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Sales', 'Front desk']));

    await admin().getByRole('button', { name: 'Edit Department' }).click();
    const editing = admin().getByRole('form', { name: 'Edit Department' });
    await expect(editing.getByRole('combobox', { name: 'Kind' }).isDisabled()).resolves.toBe(true);
    await editing.getByRole('textbox', { name: 'Label' }).fill('Team');
    await editing.getByRole('button', { name: 'Save' }).click();
    await tom.getByRole('combobox', { name: 'Team' }).waitFor();

    await admin().getByRole('button', { name: 'Delete Team' }).click();
    await admin().getByRole('button', { name: 'Yes, delete it' }).click();
    await tom.getByRole('combobox', { name: 'Team' }).waitFor({ state: 'detached' });
    const fields = (await tech.get('/api/v1/admin/custom-fields')).body.fields as { label: string }[];
    expect(fields.map((field) => field.label)).not.toContain('Team');
  });

  it('shows a technician who is not an admin the settings to read, with no control that would change them', async () => {
    const { pool } = chromium.portico.db;
    const tenant = (await findTenantBySlug(pool, DEMO_SLUG))!;
    const username = canonicalUsername('helpdesk@demo.portico.local');
    await insertTechnician(pool, tenant.id, { name: 'Pat Helpdesk', email: username, username, passwordHash: await hashPassword('portico-demo'), language: 'en', admin: false });
    await openSettings(username);
    await admin().getByText('only an admin can change them').waitFor();
    await expect(sectionGroup('Assistant').getByRole('radio', { name: 'Everyone' }).isChecked()).resolves.toBe(true);
    await expect(sectionGroup('Assistant').getByRole('radio', { name: 'Off' }).isDisabled()).resolves.toBe(true);
    await expect(form('Branding').getByRole('textbox', { name: 'Portal name' }).isDisabled()).resolves.toBe(true);
    await expect(admin().getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(admin().getByRole('button', { name: 'Show the secret' }).count()).resolves.toBe(0);
    await expect(admin().getByRole('heading', { name: 'Custom ticket fields' }).count()).resolves.toBe(0);
    // Custom fields by their key, since only admins may list their labels.
    await form('Ticket fields in the portal').getByRole('combobox', { name: 'asset_tag' }).waitFor();
    expect(await seriousViolations(admin())).toEqual([]);
  });

  it('fits a phone: nothing wider than the screen, with no serious accessibility fault', async () => {
    await admin().setViewportSize({ width: 390, height: 844 });
    await openSettings();
    const overflow = await admin().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await admin().getByRole('button', { name: 'Show the secret' }).click();
    await admin().getByRole('textbox', { name: 'Secret' }).waitFor();
    expect(await seriousViolations(admin())).toEqual([]);
  });
});
