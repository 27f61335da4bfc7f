import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { takeTicketNumber } from '../repositories/tenants.js';
import { flagTicketForTechnician, insertTicket, updateTicketStatus } from '../repositories/tickets.js';
import { withTransaction, type Queryable } from '../transaction.js';

type Said = { lang: Language; text: string };
type History = {
  people: string[];
  answered: (Said & { slug: string })[];
  actions: (Said & { kind: string; app?: string })[];
  unanswered: Said[];
  escalation: Record<Language, string>;
};

const DAYS = 30;
const HOUR_MS = 3_600_000;
// Any constant: the same history on every fresh start, its dates following the day of the start.
const SEED = 20_261_206;

/** mulberry32: a small seeded generator, so the demo history is the same on every fresh start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Person = { id: string; companyId: string; name: string; deviceId: string; deviceName: string };
type Article = { id: string; slug: string; title: string; lang: string };
type Session = { person: Person; conversationId: string; at: number };

/**
 * Thirty days of chats by the two demo users who have no login in the README (Giulia and Marco), so that the console's
 * analytics show real figures on a fresh start: answers from the knowledge base with the user's verdict, escalations
 * with their tickets (worked and resolved since), proposed actions and installs with their outcomes, and questions
 * the knowledge base could not answer, in several languages. About 75 sessions, written in one transaction.
 */
export async function seedDemoHistory(pool: pg.Pool, tenantId: string, now = new Date()): Promise<void> {
  const history = JSON.parse(readFileSync(new URL('./demo-history.json', import.meta.url), 'utf8')) as History;
  await withTransaction(pool, async (client) => {
    const people = await loadPeople(client, tenantId, history.people);
    const articles = await loadArticles(client, tenantId, history.answered.map((a) => a.slug));
    const apps = await loadApps(client, tenantId);
    const next = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    for (let day = DAYS - 1; day >= 0; day--) {
      const sessions = 1 + Math.floor(next() * 4);
      for (let i = 0; i < sessions; i++) {
        const person = pick(people);
        const at = now.getTime() - day * 24 * HOUR_MS - (1 + next() * 17) * HOUR_MS;
        const session = { person, at, conversationId: await insertConversation(client, tenantId, person.id, at) };
        const kind = next();
        if (kind < 0.5) await answeredSession(client, tenantId, session, pick(history.answered), articles, history, next, day);
        else if (kind < 0.72) await actionSession(client, tenantId, session, pick(history.actions), apps, next);
        else await unansweredSession(client, tenantId, session, pick(history.unanswered), history, next, day);
      }
    }
  });
}

async function loadPeople(q: Queryable, tenantId: string, emails: string[]): Promise<Person[]> {
  const { rows } = await q.query<{ id: string; company_id: string; name: string; device_id: string; device_name: string }>(
    `SELECT DISTINCT ON (c.email) c.id, c.company_id, c.name, d.id AS device_id, d.name AS device_name
     FROM contacts c JOIN devices d ON d.tenant_id = c.tenant_id AND d.contact_id = c.id
     WHERE c.tenant_id = $1 AND c.email = ANY($2) ORDER BY c.email, d.name`,
    [tenantId, emails],
  );
  return rows.map((r) => ({ id: r.id, companyId: r.company_id, name: r.name, deviceId: r.device_id, deviceName: r.device_name }));
}

async function loadArticles(q: Queryable, tenantId: string, slugs: string[]): Promise<Map<string, Article>> {
  const { rows } = await q.query<Article>('SELECT id, slug, title, lang FROM kb_articles WHERE tenant_id = $1 AND slug = ANY($2)', [tenantId, slugs]);
  return new Map(rows.map((row) => [row.slug, row]));
}

async function loadApps(q: Queryable, tenantId: string): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM catalog_apps WHERE tenant_id = $1', [tenantId]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function insertConversation(q: Queryable, tenantId: string, contactId: string, at: number): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO conversations (tenant_id, contact_id, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id',
    [tenantId, contactId, new Date(at)],
  );
  return rows[0]!.id;
}

type Message = { role: 'user' | 'assistant'; text: string; citations?: unknown[]; toolCalls?: unknown[]; toolResults?: unknown[] };

async function say(q: Queryable, tenantId: string, session: Session, at: number, message: Message): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `WITH m AS (
       INSERT INTO messages (tenant_id, conversation_id, role, text, citations, tool_calls, tool_results, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
     ), c AS (UPDATE conversations SET updated_at = $8 WHERE tenant_id = $1 AND id = $2)
     SELECT id FROM m`,
    [
      tenantId,
      session.conversationId,
      message.role,
      message.text,
      JSON.stringify(message.citations ?? []),
      JSON.stringify(message.toolCalls ?? []),
      JSON.stringify(message.toolResults ?? []),
      new Date(at),
    ],
  );
  return rows[0]!.id;
}

async function feedback(q: Queryable, tenantId: string, session: Session, messageId: string, solved: boolean, at: number): Promise<void> {
  await q.query('INSERT INTO conversation_feedback (message_id, tenant_id, conversation_id, solved, answered_at) VALUES ($1, $2, $3, $4, $5)', [
    messageId,
    tenantId,
    session.conversationId,
    solved,
    new Date(at),
  ]);
}

async function rateArticle(q: Queryable, tenantId: string, person: Person, article: Article, helpful: boolean, at: number): Promise<void> {
  await q.query(
    `WITH counted AS (
       UPDATE kb_articles SET helpful_count = helpful_count + $3::int, not_helpful_count = not_helpful_count + (1 - $3::int)
       WHERE tenant_id = $1 AND id = $2 RETURNING id
     )
     INSERT INTO kb_article_feedback (tenant_id, article_id, actor_kind, actor_id, company_id, helpful, created_at)
     SELECT $1, id, 'contact', $4, $5, $3::int = 1, $6 FROM counted`,
    [tenantId, article.id, helpful ? 1 : 0, person.id, person.companyId, new Date(at)],
  );
}

/** The user asks for a technician and the assistant hands over: the chat's ticket, flagged, since worked to its end. */
async function escalate(q: Queryable, tenantId: string, session: Session, first: Said, history: History, at: number, day: number): Promise<void> {
  await say(q, tenantId, session, at, { role: 'user', text: history.escalation[first.lang] });
  const number = await takeTicketNumber(q, tenantId);
  const ticketId = await insertTicket(q, tenantId, {
    number,
    subject: first.text,
    description: first.text,
    priority: 'medium',
    type: 'incident',
    source: 'ai_assistant',
    requesterId: session.person.id,
    companyId: session.person.companyId,
    customFields: {},
  });
  await flagTicketForTechnician(q, tenantId, ticketId);
  await updateTicketStatus(q, tenantId, ticketId, day > 7 ? 'closed' : 'resolved');
  await q.query(
    `UPDATE tickets SET created_at = $3, updated_at = $4, resolved_at = $4 WHERE tenant_id = $1 AND id = $2`,
    [tenantId, ticketId, new Date(at), new Date(Math.min(at + 26 * HOUR_MS, Date.now()))],
  );
  await q.query('UPDATE conversations SET ticket_id = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, session.conversationId, ticketId]);
  const result = { ok: true, data: { ticket: { number, created: true, escalated: true } } };
  await say(q, tenantId, session, at + 5_000, {
    role: 'assistant',
    text: t(first.lang, 'assistant.escalated', { number }),
    toolCalls: [{ name: 'escalate_to_technician', args: {} }],
    toolResults: [{ name: 'escalate_to_technician', result }],
  });
}

async function answeredSession(
  q: Queryable,
  tenantId: string,
  session: Session,
  asked: History['answered'][number],
  articles: Map<string, Article>,
  history: History,
  next: () => number,
  day: number,
): Promise<void> {
  const article = articles.get(asked.slug);
  if (!article) return;
  await say(q, tenantId, session, session.at, { role: 'user', text: asked.text });
  const answerId = await say(q, tenantId, session, session.at + 4_000, {
    role: 'assistant',
    text: [t(asked.lang, 'assistant.kb_intro', { title: article.title }), t(asked.lang, 'assistant.kb_followup')].join('\n\n'),
    citations: [{ articleId: article.id, slug: article.slug, title: article.title, lang: article.lang }],
    toolCalls: [{ name: 'search_knowledge_base', args: { query: asked.text, limit: 3 } }],
  });
  const outcome = next();
  const later = session.at + 3 * 60_000;
  if (outcome < 0.45) {
    await feedback(q, tenantId, session, answerId, true, later);
    if (next() < 0.4) await rateArticle(q, tenantId, session.person, article, true, later);
  } else if (outcome < 0.55) {
    await feedback(q, tenantId, session, answerId, false, later);
    if (next() < 0.6) await rateArticle(q, tenantId, session.person, article, false, later);
  } else if (outcome < 0.75) {
    await escalate(q, tenantId, session, asked, history, later, day);
  }
}

async function actionSession(
  q: Queryable,
  tenantId: string,
  session: Session,
  asked: History['actions'][number],
  apps: Map<string, string>,
  next: () => number,
): Promise<void> {
  const { person } = session;
  const appName = asked.app ? apps.get(asked.app) : undefined;
  if (asked.app && !appName) return;
  await say(q, tenantId, session, session.at, { role: 'user', text: asked.text });
  const text = appName
    ? t(asked.lang, 'assistant.install_proposed', { app: appName, device: person.deviceName })
    : t(asked.lang, 'assistant.action_proposed', { action: t(asked.lang, `assistant.action.${asked.kind}`), device: person.deviceName });
  const tool = appName ? 'request_software_install' : 'request_device_action';
  const args = appName ? { app: asked.app } : { action: asked.kind };
  const answerId = await say(q, tenantId, session, session.at + 4_000, {
    role: 'assistant',
    text,
    toolCalls: [{ name: tool, args }],
    toolResults: [{ name: tool, result: { ok: true, data: {} } }],
  });
  const roll = next();
  const status = roll < 0.7 ? 'succeeded' : roll < 0.8 ? 'failed' : roll < 0.9 ? 'cancelled' : 'expired';
  const done = new Date(session.at + 5 * 60_000);
  await q.query(
    `INSERT INTO action_requests (tenant_id, contact_id, device_id, conversation_id, kind, app_id, app_name, status, created_at, updated_at, expires_at, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $10, CASE WHEN $8 IN ('succeeded', 'failed') THEN $10::timestamptz END)`,
    [tenantId, person.id, person.deviceId, session.conversationId, asked.kind, asked.app ?? null, appName ?? null, status, new Date(session.at + 4_000), done],
  );
  if (status === 'succeeded' && next() < 0.5) await feedback(q, tenantId, session, answerId, true, done.getTime() + 60_000);
}

async function unansweredSession(
  q: Queryable,
  tenantId: string,
  session: Session,
  asked: Said,
  history: History,
  next: () => number,
  day: number,
): Promise<void> {
  await say(q, tenantId, session, session.at, { role: 'user', text: asked.text });
  await q.query('INSERT INTO kb_unanswered_questions (tenant_id, conversation_id, question, lang, asked_at) VALUES ($1, $2, $3, $4, $5)', [
    tenantId,
    session.conversationId,
    asked.text,
    asked.lang,
    new Date(session.at),
  ]);
  await say(q, tenantId, session, session.at + 4_000, {
    role: 'assistant',
    text: t(asked.lang, 'assistant.kb_nothing'),
    toolCalls: [{ name: 'search_knowledge_base', args: { query: asked.text, limit: 3 } }],
  });
  if (next() < 0.35) await escalate(q, tenantId, session, asked, history, session.at + 2 * 60_000, day);
}
