import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { webApi } from '@slack/bolt';
import type pg from 'pg';
import pino from 'pino';
import type { ConversationTo } from '../channel-outbound.js';
import { SlackOutbound, STREAM_UPDATE_MS } from './slack-outbound.js';

const to: ConversationTo = {
  tenantId: 't1',
  conversationId: 'c1',
  contactId: 'u1',
  channel: { kind: 'slack', thread: 'T/D1/100.1/U1', address: { teamId: 'T', channelId: 'D1', threadTs: '100.1' } },
};

function fakes() {
  const calls: { method: 'post' | 'update'; args: Record<string, any> }[] = [];
  const client = {
    chat: {
      postMessage: async (args: Record<string, any>) => {
        calls.push({ method: 'post', args });
        return { ok: true, ts: `200.${calls.length}` };
      },
      update: async (args: Record<string, any>) => {
        calls.push({ method: 'update', args });
        return { ok: true };
      },
    },
  } as unknown as webApi.WebClient;
  const pool = {
    query: async (sql: string) => ({
      rows: sql.includes('tenant_hostnames')
        ? [{ hostname: 'demo.portal.test', kind: 'generated' }]
        : [{ id: 'u1', name: 'Tom', company_id: 'co', is_primary: false, language: 'en' }],
    }),
  } as unknown as pg.Pool;
  return { calls, outbound: new SlackOutbound({ pool, logger: pino({ level: 'silent' }), client, token: 'xoxb-t' }) };
}

const message = (text: string, citations: { articleId: string; slug: string; title: string }[] = []) => ({
  id: 'm1',
  role: 'assistant' as const,
  text,
  toolCalls: [],
  citations,
  createdAt: new Date(0).toISOString(),
});

describe('SlackOutbound streaming', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('posts the answer once and edits it at most once per interval, however many pieces stream', async () => {
    const { calls, outbound } = fakes();
    const words = Array.from({ length: 60 }, (_, i) => `word${i} `);
    for (const word of words) {
      outbound.delta(to, 'm1', word);
      await jest.advanceTimersByTimeAsync(50);
    }
    await outbound.message(to, message(`${words.join('')}[VPN](/kb/vpn)`));
    const posts = calls.filter((c) => c.method === 'post');
    const updates = calls.filter((c) => c.method === 'update');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'D1', thread_ts: '100.1', text: 'word0 ', token: 'xoxb-t' });
    // 60 pieces over 3 s: one edit per interval, then the final one.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil((60 * 50) / STREAM_UPDATE_MS) + 1);
    expect(updates.at(-1)!.args).toMatchObject({ ts: '200.1', text: expect.stringMatching(/word59 <https:\/\/demo\.portal\.test\/kb\/vpn\|VPN>$/) });
  });

  it("posts an answer that did not stream, with its sources, and a technician's words escaped under their name", async () => {
    const { calls, outbound } = fakes();
    await outbound.message(to, message('See the article.', [{ articleId: 'a', slug: 'vpn', title: 'VPN setup' }]));
    await outbound.message(to, { ...message('<!here> done & dusted'), id: 'm2', role: 'technician', author: { name: 'Sam <T>' } });
    await outbound.message(to, { ...message('my own words'), id: 'm3', role: 'user' });
    expect(calls.map((c) => c.args.text)).toEqual([
      'See the article.\n\n*Sources:* <https://demo.portal.test/kb/vpn|VPN setup>',
      '*Sam &lt;T&gt;*: &lt;!here&gt; done &amp; dusted',
    ]);
  });
});
