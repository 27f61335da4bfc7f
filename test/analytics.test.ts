import { describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';
import type { HttpClient } from './support/http-client.js';

const demo = useDemoPortico({ creationLimits: { conversations: 100, tickets: 100 } });

type Figures = {
  sessions: number;
  escalated: number;
  notEscalated: number;
  resolvedByAssistant: number;
  resolvedConfirmed: number;
  resolvedQuiet: number;
  pending: number;
  unresolved: number;
};
type Analytics = {
  period: { from: string; to: string; bucket: string; companyId: string | null };
  totals: Figures;
  buckets: (Figures & { start: string; end: string })[];
  actions: { kind: string; total: number; byStatus: Record<string, number> }[];
  installs: { appId: string; appName: string; total: number; byStatus: Record<string, number> }[];
  articles: { articleId: string; citedAnswers: number; citedSessions: number; answerFeedback: { solved: number }; articleFeedback: { helpful: number } }[];
  unansweredQuestions: { total: number; groups: Groups };
};
type Groups = {
  representative: string;
  count: number;
  languages: string[];
  examples: { question: string; askedAt: string }[];
  suggestedArticle: { title: string; lang: string };
}[];

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function analytics(client: HttpClient, query = ''): Promise<Analytics> {
  const answer = await client.get(`/api/v1/admin/analytics${query}`);
  expect(answer.status).toBe(200);
  return answer.body as Analytics;
}

async function companyId(name: string): Promise<string> {
  const { companies } = (await demo.users.tech.get('/api/v1/admin/companies')).body as { companies: { id: string; name: string }[] };
  return companies.find((c) => c.name === name)!.id;
}

describe('analytics for technicians', () => {
  it('shows thirty days of demo history on a fresh start: sessions of every outcome, actions, installs, rated articles and unanswered questions in several languages', async () => {
    const figures = await analytics(demo.users.tech);
    expect(figures.totals.sessions).toBeGreaterThanOrEqual(50);
    for (const key of ['escalated', 'resolvedConfirmed', 'resolvedQuiet', 'pending', 'unresolved'] as const) expect({ key, some: figures.totals[key] > 0 }).toEqual({ key, some: true });
    expect(figures.buckets.filter((b) => b.sessions > 0).length).toBeGreaterThanOrEqual(25);
    expect(figures.actions.reduce((sum, a) => sum + a.byStatus.succeeded!, 0)).toBeGreaterThan(0);
    expect(figures.installs.length).toBeGreaterThanOrEqual(3);
    expect(figures.articles.some((a) => a.citedAnswers > 0 && a.articleFeedback.helpful > 0)).toBe(true);
    const groups = figures.unansweredQuestions.groups;
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(new Set(groups.flatMap((g) => g.languages)).size).toBeGreaterThanOrEqual(3);
    expect(groups[0]!.count).toBeGreaterThan(1);
  });

  it('counts real chats: the session the user said was solved, the escalated one, the one still pending, and the cited article with its ratings', async () => {
    const { tech, tom } = demo.users;
    const before = await analytics(tech);
    const chat = await demo.chat('tom');

    const solved = await chat.ask('How do I set up the VPN?');
    const [cited] = solved.answer.message.citations as { articleId: string }[];
    expect(cited).toBeDefined();
    expect(await chat.emit('chat:feedback', { conversationId: solved.ack.conversationId, messageId: solved.answer.message.id, solved: true })).toEqual({ ok: true });
    expect((await tom.post(`/api/v1/kb/articles/${cited!.articleId}/feedback`, { helpful: true })).status).toBe(200);

    const escalated = await chat.ask('Outlook keeps asking for my password');
    const handoff = await chat.ask('that did not help, I want to talk to a person', escalated.ack.conversationId);
    expect(handoff.answer.message.toolCalls[0].name).toBe('escalate_to_technician');

    await chat.ask('my printer is jammed');

    const after = await analytics(tech);
    const change = (key: keyof Figures) => after.totals[key] - before.totals[key];
    expect({
      sessions: change('sessions'),
      escalated: change('escalated'),
      notEscalated: change('notEscalated'),
      resolvedConfirmed: change('resolvedConfirmed'),
      resolvedQuiet: change('resolvedQuiet'),
      pending: change('pending'),
      unresolved: change('unresolved'),
    }).toEqual({ sessions: 3, escalated: 1, notEscalated: 2, resolvedConfirmed: 1, resolvedQuiet: 0, pending: 1, unresolved: 0 });
    expect(after.buckets.at(-1)!.start).toBe(today());
    expect(after.buckets.at(-1)!.sessions - before.buckets.at(-1)!.sessions).toBe(3);
    expect(after.buckets.reduce((sum, b) => sum + b.sessions, 0)).toBe(after.totals.sessions);

    const article = (figures: Analytics) => figures.articles.find((a) => a.articleId === cited!.articleId);
    expect(article(after)!.citedAnswers - (article(before)?.citedAnswers ?? 0)).toBeGreaterThanOrEqual(1);
    expect(article(after)!.answerFeedback.solved - (article(before)?.answerFeedback.solved ?? 0)).toBe(1);
    expect(article(after)!.articleFeedback.helpful - (article(before)?.articleFeedback.helpful ?? 0)).toBe(1);
  });

  it('counts a proposed install by app and its cancellation by kind and outcome', async () => {
    const { tech } = demo.users;
    const before = await analytics(tech);
    const chat = await demo.chat('tom');
    const seen = chat.waitFor('chat:action', () => true, 45_000);
    await chat.ask('please install Zoom');
    const { action } = await seen;
    expect(action.appName).toMatch(/Zoom/);
    expect((await chat.emit('action:cancel', { actionId: action.id })).action.status).toBe('cancelled');
    const after = await analytics(tech);
    const install = (figures: Analytics) => figures.actions.find((a) => a.kind === 'install')!;
    expect(install(after).byStatus.cancelled! - install(before).byStatus.cancelled!).toBe(1);
    const zoom = (figures: Analytics) => figures.installs.find((i) => i.appId === action.appId);
    expect(zoom(after)!.total - (zoom(before)?.total ?? 0)).toBe(1);
  });

  it('calls a quiet session resolved only once 72 hours have passed since the assistant last answered', async () => {
    const { tech } = demo.users;
    const chat = await demo.chat('luc');
    const { ack } = await chat.ask('Mon imprimante est hors ligne');
    const dayOf = (figures: Analytics, day: string) => figures.buckets.find((b) => b.start === day)!;

    const fresh = dayOf(await analytics(tech, `?from=${daysAgo(5)}&to=${today()}`), today());
    const pool = demo.portico.db.pool;
    // The same session, as if it had happened four days ago and nobody wrote since.
    await pool.query("UPDATE conversations SET created_at = created_at - interval '4 days' WHERE id = $1", [ack.conversationId]);
    await pool.query("UPDATE messages SET created_at = created_at - interval '4 days' WHERE conversation_id = $1", [ack.conversationId]);
    const figures = await analytics(tech, `?from=${daysAgo(5)}&to=${today()}`);
    const aged = dayOf(figures, daysAgo(4));
    const now = dayOf(figures, today());
    expect(now.pending).toBe(fresh.pending - 1);
    expect(now.sessions).toBe(fresh.sessions - 1);
    expect(aged.resolvedQuiet).toBeGreaterThanOrEqual(1);
    expect(aged.pending).toBe(0);

    // Three days after the answer is not yet enough.
    await pool.query("UPDATE messages SET created_at = created_at + interval '1 day' + interval '1 hour' WHERE conversation_id = $1", [ack.conversationId]);
    const early = dayOf(await analytics(tech, `?from=${daysAgo(5)}&to=${today()}`), daysAgo(4));
    expect(early.resolvedQuiet).toBe(aged.resolvedQuiet - 1);
    expect(early.pending).toBe(1);
  });

  it('groups the questions the knowledge base could not answer: two paraphrases in two languages together, an unrelated one apart, by company', async () => {
    const { tech } = demo.users;
    const before = (await analytics(tech)).unansweredQuestions;
    const tom = await demo.chat('tom');
    const luc = await demo.chat('luc');
    const [english, french, unrelated] = ['How can I book a meeting room for tomorrow?', 'Comment réserver une salle de réunion ?', 'Can I expense my home office chair?'];
    await tom.ask(english);
    await luc.ask(french);
    await tom.ask(unrelated);
    // Answered by the knowledge base: not a gap.
    await tom.ask('How do I set up the VPN?');

    const after = (await analytics(tech)).unansweredQuestions;
    expect(after.total - before.total).toBe(3);
    const groupOf = (groups: Groups, question: string) => groups.find((g) => g.examples.some((e) => e.question === question));
    const rooms = groupOf(after.groups, english)!;
    expect(rooms.examples.slice(0, 2).map((e) => e.question).sort()).toEqual([french, english].sort());
    expect(rooms.languages).toEqual(expect.arrayContaining(['en', 'fr']));
    expect(rooms.suggestedArticle.title.length).toBeGreaterThan(0);
    // The demo history asked about meeting rooms too: the group grew by these two.
    const roomsBefore = before.groups.find((g) => g.examples.some((e) => rooms.examples.some((r) => r.question === e.question && r.askedAt === e.askedAt)));
    expect(rooms.count - (roomsBefore?.count ?? 0)).toBe(2);
    const chair = groupOf(after.groups, unrelated)!;
    expect(chair).not.toBe(rooms);
    expect(chair.examples.map((e) => e.question)).not.toContain(english);
    expect(groupOf(after.groups, 'How do I set up the VPN?')).toBeUndefined();

    const rossi = (await analytics(tech, `?companyId=${await companyId('Rossi Logistics')}`)).unansweredQuestions;
    expect(groupOf(rossi.groups, french)).toBeDefined();
    expect(groupOf(rossi.groups, english)).toBeUndefined();
    expect(groupOf(rossi.groups, unrelated)).toBeUndefined();
  });

  it('filters every figure by company within the tenant', async () => {
    const { tech } = demo.users;
    const [acme, rossi] = [await companyId('Acme Dental'), await companyId('Rossi Logistics')];
    const beforeAcme = await analytics(tech, `?companyId=${acme}`);
    const beforeRossi = await analytics(tech, `?companyId=${rossi}`);
    const chat = await demo.chat('luc');
    await chat.ask('Mon Wi-Fi ne fonctionne pas');
    const afterAcme = await analytics(tech, `?companyId=${acme}`);
    const afterRossi = await analytics(tech, `?companyId=${rossi}`);
    expect(afterRossi.period.companyId).toBe(rossi);
    expect(afterRossi.totals.sessions - beforeRossi.totals.sessions).toBe(1);
    expect(afterAcme.totals).toEqual(beforeAcme.totals);
    const all = await analytics(tech);
    expect(all.totals.sessions).toBe(afterAcme.totals.sessions + afterRossi.totals.sessions);
    expect((await tech.get('/api/v1/admin/analytics?companyId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuses end users, and answers 400 to bad dates', async () => {
    for (const user of [demo.users.tom, demo.users.anna]) {
      const answer = await user.get('/api/v1/admin/analytics');
      expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 403, code: 'forbidden' });
    }
    for (const query of ['from=yesterday', 'to=2026-13-01', 'from=2026-02-30', 'from=2026-12-05&to=2026-12-01', 'from=2020-01-01&to=2026-12-01', 'companyId=acme', 'bucket=hour']) {
      const answer = await demo.users.tech.get(`/api/v1/admin/analytics?${query}`);
      expect({ query, status: answer.status, code: answer.body.error?.code }).toEqual({ query, status: 400, code: 'validation_failed' });
    }
  });

  it('counts by day up to two months and by week beyond, from the first to the last day asked', async () => {
    const byDay = await analytics(demo.users.tech, '?from=2026-10-01&to=2026-10-31');
    expect([byDay.period.bucket, byDay.buckets.length, byDay.buckets[0]!.start, byDay.buckets.at(-1)!.end]).toEqual(['day', 31, '2026-10-01', '2026-10-31']);
    const byWeek = await analytics(demo.users.tech, '?from=2026-01-01&to=2026-06-30');
    expect([byWeek.period.bucket, byWeek.buckets[0]!.start, byWeek.buckets.at(-1)!.end]).toEqual(['week', '2026-01-01', '2026-06-30']);
    const defaults = await analytics(demo.users.tech);
    expect([defaults.period.from, defaults.period.to, defaults.buckets.length]).toEqual([daysAgo(29), today(), 30]);
  });
});
