import type pg from 'pg';
import pino from 'pino';
import { jest } from '@jest/globals';
import type { ChannelOutbound } from './channel-outbound.js';
import { ChannelOutbounds } from './channel-outbound.js';

function recording(): ChannelOutbound & { calls: string[] } {
  const calls: string[] = [];
  const note = (name: string) => (to: { conversationId: string }) => void calls.push(`${name}:${to.conversationId}`);
  return {
    calls,
    typing: note('typing'),
    delta: note('delta'),
    message: note('message'),
    handoff: note('handoff'),
    action: note('action'),
    actionUpdate: note('actionUpdate'),
    failed: note('failed'),
  };
}

const rows: Record<string, { contact_id: string; channel: string; channel_thread: string | null; channel_address: unknown }> = {
  'c-widget': { contact_id: 'u1', channel: 'widget', channel_thread: null, channel_address: null },
  'c-teams': { contact_id: 'u1', channel: 'teams', channel_thread: 't/1', channel_address: { conversation: '19:abc' } },
  'c-slack': { contact_id: 'u1', channel: 'slack', channel_thread: 's/1', channel_address: { channelId: 'D1', threadTs: '1.2' } },
};
const fakePool = () => {
  const query = jest.fn(async (_sql: string, values: unknown[]) => ({ rows: rows[values[1] as string] ? [rows[values[1] as string]] : [] }));
  return { pool: { query } as unknown as pg.Pool, query };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ChannelOutbounds', () => {
  it("hands each conversation's news to its own channel, and to the widget when its channel is not configured here", async () => {
    const { pool } = fakePool();
    const widget = recording();
    const teams = recording();
    const channels = new ChannelOutbounds(pool, pino({ level: 'silent' }), widget);
    channels.register('teams', teams);
    for (const id of ['c-widget', 'c-teams', 'c-slack']) channels.sendTo('tenant', id, 'message', (channel, to) => channel.message(to, {} as never, undefined));
    await settle();
    expect(teams.calls).toEqual(['message:c-teams']);
    expect(widget.calls.sort()).toEqual(['message:c-slack', 'message:c-widget']);
  });

  it('reads a conversation\'s channel once, then says its news at once, in order', async () => {
    const { pool, query } = fakePool();
    const teams = recording();
    const channels = new ChannelOutbounds(pool, pino({ level: 'silent' }), recording());
    channels.register('teams', teams);
    const to = await channels.locate('tenant', 'c-teams');
    expect(to).toMatchObject({ contactId: 'u1', channel: { kind: 'teams', thread: 't/1', address: { conversation: '19:abc' } } });
    channels.sendTo('tenant', 'c-teams', 'delta', (channel, at) => channel.delta(at, 'm', 'a'));
    channels.send(to!, 'typing', (channel) => channel.typing(to!, false));
    expect(teams.calls).toEqual(['delta:c-teams', 'typing:c-teams']);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('keeps a failing channel to itself: logged, never thrown at the caller', async () => {
    const { pool } = fakePool();
    const failing = { ...recording(), message: () => Promise.reject(new Error('slack down')), typing: () => { throw new Error('sync'); } };
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const channels = new ChannelOutbounds(pool, logger, recording());
    channels.register('teams', failing);
    const to = (await channels.locate('tenant', 'c-teams'))!;
    expect(() => channels.send(to, 'typing', (channel) => channel.typing(to, true))).not.toThrow();
    channels.send(to, 'message', (channel) => channel.message(to, {} as never, undefined));
    await settle();
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['channel delivery failed', 'channel delivery failed']);
  });
});
