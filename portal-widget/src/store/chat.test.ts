import type { ActionView } from '../../../domain/actions/action-schemas.js';
import { replyAskingFeedback, replyOfferingChoices, type LogItem, type MessageItem } from './chat.js';

const message = (id: string, role: 'user' | 'assistant', extra: Partial<MessageItem> = {}): MessageItem => ({
  type: 'message',
  key: id,
  id,
  role,
  text: '',
  citations: [],
  quickReplies: [],
  stored: true,
  ...extra,
});
const cited = { citations: [{ articleId: 'a1', slug: 'vpn', title: 'VPN' }] };
const card = (status: ActionView['status']): LogItem => ({
  type: 'action',
  key: `action-${status}`,
  action: { id: status, kind: 'restart', deviceId: 'd', deviceName: 'Laptop', status },
});

describe('which reply asks "Did this solve it?"', () => {
  it('is the latest stored reply that cited articles, until it is answered', () => {
    expect(replyAskingFeedback([message('u1', 'user'), message('r1', 'assistant', cited)], {})).toBe('r1');
    expect(replyAskingFeedback([message('u1', 'user'), message('r1', 'assistant', cited)], { r1: true })).toBeUndefined();
    expect(replyAskingFeedback([message('r1', 'assistant', { ...cited, stored: false })], {})).toBeUndefined();
  });

  it('is the reply above an action once it succeeded, never one the user has written after', () => {
    expect(replyAskingFeedback([message('r1', 'assistant'), card('running')], {})).toBeUndefined();
    expect(replyAskingFeedback([message('r1', 'assistant'), card('succeeded')], {})).toBe('r1');
    expect(replyAskingFeedback([message('r1', 'assistant', cited), message('u2', 'user')], {})).toBeUndefined();
    expect(replyAskingFeedback([message('r1', 'assistant')], {})).toBeUndefined();
  });
});

describe('which reply offers its quick replies', () => {
  const asking = { quickReplies: [{ label: 'Yes', text: 'Yes' }] };

  it('is the latest stored question, until anything comes after it', () => {
    expect(replyOfferingChoices([message('u1', 'user'), message('r1', 'assistant', asking)])).toBe('r1');
    expect(replyOfferingChoices([message('r1', 'assistant', { ...asking, stored: false })])).toBeUndefined();
    expect(replyOfferingChoices([message('r1', 'assistant', asking), message('u2', 'user')])).toBeUndefined();
    expect(replyOfferingChoices([message('r1', 'assistant', asking), card('awaiting_confirmation')])).toBeUndefined();
    expect(replyOfferingChoices([message('r1', 'assistant')])).toBeUndefined();
  });
});
