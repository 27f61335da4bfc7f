import { describe, expect, it, jest } from '@jest/globals';
import type { Analytics } from '../../domain/analytics/analytics-schemas.js';
import { openConsole, seriousViolations, shoot, useChromiumPortico } from '../support/browser.js';
import { DEMO, HttpClient } from '../support/http-client.js';

// The console's Analytics and Audit log screens against the demo data: the figures on the page are the API's, and
// the controls ask the API again. Each test signs in and scans with axe: slow on a busy machine.
jest.setTimeout(180_000);

const chromium = useChromiumPortico();

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function tech(): Promise<HttpClient> {
  const client = new HttpClient(chromium.portico.port);
  await client.login(DEMO.tech);
  return client;
}

describe('console analytics in Chromium', () => {
  it("shows the API's figures, asks again for another period and company, and links each unanswered question group to a new article", async () => {
    const { page } = chromium;
    const api = await tech();
    const expected = (await api.get(`/api/v1/admin/analytics?from=${day(29)}&to=${day(0)}`)).body as Analytics;
    expect(expected.totals.sessions).toBeGreaterThan(0);
    expect(expected.unansweredQuestions.groups.length).toBeGreaterThan(0);

    await openConsole(chromium.page, chromium.portico.port, 'analytics');
    expect(await page.getByRole('link', { name: 'Analytics' }).getAttribute('aria-current')).toBe('page');
    const figures = page.getByRole('definition');
    await page.getByText(`Figures from ${day(29)} to ${day(0)}`).waitFor();
    const headline = async () => (await figures.allInnerTexts()).map((text) => Number(text.split('\n')[0]));
    expect((await headline()).slice(0, 4)).toEqual([expected.totals.sessions, expected.totals.resolvedByAssistant, expected.totals.escalated, expected.totals.pending]);
    expect(await page.getByText('Resolved by the assistant means: no ticket was escalated').count()).toBe(1);

    await shoot(chromium.page, 'console-analytics', 1280, 800);
    // On a phone the figures fill the first screen: the picture shows the chart below them.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Sessions per day by outcome' }).evaluate((heading) => heading.scrollIntoView());
    await shoot(chromium.page, 'console-analytics', 390, 844);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The chart's figures are readable as a table, one row per day with the API's figures, in the legend's order.
    const legend = await page.getByRole('figure').first().locator('.legend li').allInnerTexts();
    expect(legend).toEqual(['Escalated', 'Resolved by the assistant', 'Pending', 'Unresolved']);
    await page.getByText('Show the figures as a table').click();
    const table = page.getByRole('table', { name: 'Chat sessions by outcome' });
    expect(await table.getByRole('row').count()).toBe(expected.buckets.length + 1);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => Number(td.textContent))));
    expect(rows).toEqual(expected.buckets.map((b) => [b.escalated, b.resolvedByAssistant, b.pending, b.unresolved]));
    // The chart draws each of those figures as a segment of its day's bar, series by series.
    const drawn = await page.getByRole('figure').first().locator('.ct-series').evaluateAll((series) =>
      series.map((s) => Array.from(s.querySelectorAll('.ct-bar'), (bar) => Number(bar.getAttribute('ct:value')))),
    );
    expect(drawn).toEqual([0, 1, 2, 3].map((column) => rows.map((row) => row[column])));

    // Every group of unanswered questions, with its count and a shortcut to write the missing article.
    const groups = page.getByRole('region', { name: 'Questions the knowledge base could not answer' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
    expect(await groups.count()).toBe(expected.unansweredQuestions.groups.length);
    const first = expected.unansweredQuestions.groups[0]!;
    const group = groups.first();
    expect(await group.getByRole('heading').innerText()).toBe(first.representative);
    expect(await group.innerText()).toContain(first.count === 1 ? '1 question' : `${first.count} questions`);
    expect(await group.innerText()).toContain(first.examples[0]!.question);
    const write = group.getByRole('link', { name: `Write an article: ${first.suggestedArticle.title}` });
    const link = new URL(await write.getAttribute('href') ?? '', 'http://x');
    expect(link.pathname).toBe('/console/kb/new');
    expect(Object.fromEntries(link.searchParams)).toEqual({ title: first.suggestedArticle.title, lang: first.suggestedArticle.lang });
    expect(await seriousViolations(page)).toEqual([]);

    // Another period and a company: each a new request, and the page shows its answer.
    const week = page.waitForRequest((request) => request.url().includes(`/api/v1/admin/analytics?from=${day(6)}&to=${day(0)}`));
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 7 days' });
    await week;
    await page.getByText(`Figures from ${day(6)} to ${day(0)}`).waitFor();

    const companies = (await api.get('/api/v1/admin/companies')).body.companies as { id: string; name: string }[];
    const rossi = companies.find((company) => company.name === 'Rossi Logistics')!;
    const forRossi = (await api.get(`/api/v1/admin/analytics?from=${day(6)}&to=${day(0)}&companyId=${rossi.id}`)).body as Analytics;
    const filtered = page.waitForResponse((response) => response.url().includes(`companyId=${rossi.id}`));
    await page.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Rossi Logistics' });
    await filtered;
    await page.getByText(`Figures from ${day(6)} to ${day(0)}`).waitFor();
    expect((await headline())[0]).toBe(forRossi.totals.sessions);

    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Custom dates' });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(day(2));
    await page.getByText(`Figures from ${day(2)} to ${day(0)}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('console audit log in Chromium', () => {
  it('shows a settings change made through HTTP with its fields, and the filters narrow the list', async () => {
    const { page } = chromium;
    const api = await tech();
    expect((await api.patch('/api/v1/admin/settings', { embed: { allowedOrigins: ['https://intranet.insight.example'] } })).status).toBe(200);

    await openConsole(chromium.page, chromium.portico.port, 'audit');
    const entries = page.getByRole('table', { name: 'Audit log' });
    const entry = entries.getByRole('row').filter({ hasText: 'settings.updated' }).first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Sam Torres');
    await entry.getByRole('button', { name: 'settings.updated' }).click();
    await expect(entries.getByRole('button', { name: 'settings.updated' }).first().getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await entries.innerText()).toContain('https://intranet.insight.example');

    // An edit shows field by field what it was and what it became.
    const ticket = (await api.get('/api/v1/tickets?limit=1')).body.tickets[0];
    expect((await api.patch(`/api/v1/tickets/${ticket.id}`, { priority: ticket.priority === 'urgent' ? 'low' : 'urgent' })).status).toBe(200);
    await page.reload();
    await entries.getByRole('button', { name: 'ticket.priority_changed' }).first().click();
    const changes = page.getByRole('table', { name: /^Details of ticket.priority_changed/ });
    expect(await changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'priority' }) }).innerText()).toMatch(
      new RegExp(`priority\\s+${ticket.priority}\\s+${ticket.priority === 'urgent' ? 'low' : 'urgent'}`),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(chromium.page, 'console-audit', 1280, 800);

    // The family filter keeps only its entries; another family leaves the settings change out.
    const count = page.getByRole('status').filter({ hasText: /entr/ });
    const settings = page.waitForResponse((response) => response.url().includes('action=settings'));
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Settings' });
    await settings;
    await entries.getByRole('row').filter({ hasText: 'ticket.' }).first().waitFor({ state: 'detached' });
    await entries.getByRole('button', { name: 'settings.updated' }).first().waitFor();
    const tickets = page.waitForResponse((response) => response.url().includes('action=ticket'));
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Tickets' });
    await tickets;
    await entries.getByRole('button', { name: 'ticket.priority_changed' }).first().waitFor();
    expect(await page.getByText('settings.updated').count()).toBe(0);

    // A word of the change, and a date range that ends before it, narrow the list to it and then to nothing.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const searched = page.waitForResponse((response) => response.url().includes('q=intranet.insight'));
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('intranet.insight');
    await searched;
    await count.filter({ hasText: '1 entry' }).waitFor();
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(day(1));
    await page.getByText('No entry matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const settingsOnly = page.waitForResponse((response) => response.url().includes('entity=portal_settings'));
    await page.getByRole('combobox', { name: 'Changed item' }).selectOption({ label: 'Settings' });
    await settingsOnly;
    await entries.getByRole('button', { name: 'settings.updated' }).first().waitFor();
    await entries.getByRole('row').filter({ hasText: 'ticket.' }).first().waitFor({ state: 'detached' });
  });
});
