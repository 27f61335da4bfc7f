import type { MessageView } from '../../../domain/conversations/conversation-schemas.js';
import type { ActiveConversation } from '../../../domain/conversations/takeover-schemas.js';
import { addMessage, plainExcerpt, upsertLine } from './conversation-list.js';

const line = (id: string, updatedAt: string, technician: ActiveConversation['technician'] = null): ActiveConversation => ({
  id,
  user: { id: `u-${id}`, name: `User ${id}`, company: 'Acme' },
  lastMessage: null,
  technician,
  ticket: null,
  channel: 'widget',
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt,
});
const message = (id: string, createdAt: string): MessageView => ({ id, role: 'user', text: id, toolCalls: [], citations: [], createdAt });

describe('upsertLine', () => {
  it('puts a conversation that moved at the top, once', () => {
    const lines = [line('a', '2026-12-06T12:00:00.000Z'), line('b', '2026-12-06T11:00:00.000Z')];
    expect(upsertLine(lines, line('b', '2026-12-06T13:00:00.000Z')).map((each) => each.id)).toEqual(['b', 'a']);
  });

  it('adds a new conversation in its place', () => {
    const lines = [line('a', '2026-12-06T12:00:00.000Z'), line('b', '2026-12-06T10:00:00.000Z')];
    expect(upsertLine(lines, line('c', '2026-12-06T11:00:00.000Z')).map((each) => each.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the newer line when an older one arrives late', () => {
    const joined = line('a', '2026-12-06T12:00:00.000Z', { id: 't', name: 'Tess' });
    expect(upsertLine([joined], line('a', '2026-12-06T11:00:00.000Z'))).toEqual([joined]);
  });
});

describe('addMessage', () => {
  it('adds a message heard twice (the acknowledgement and the event) once', () => {
    const first = [message('m1', '2026-12-06T12:00:00.000Z')];
    expect(addMessage(first, message('m1', '2026-12-06T12:00:00.000Z'))).toBe(first);
  });

  it('keeps the stored order when messages arrive out of order', () => {
    const messages = addMessage([message('m2', '2026-12-06T12:00:02.000Z')], message('m1', '2026-12-06T12:00:01.000Z'));
    expect(messages.map((each) => each.id)).toEqual(['m1', 'm2']);
  });
});

describe('plainExcerpt', () => {
  it('shows the words of bold text and links without their marks', () => {
    expect(plainExcerpt('Here is what the article **Connect to the VPN** says: see [the guide](/kb/vpn-guide)')).toBe(
      'Here is what the article Connect to the VPN says: see the guide',
    );
  });

  it('keeps a link cut off by the excerpt readable', () => {
    expect(plainExcerpt('Read [the guide](/kb/vpn-gu…')).toBe('Read the guide');
  });
});
