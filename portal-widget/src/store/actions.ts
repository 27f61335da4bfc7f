// The steps of an action request (confirm, phone, code, cancel) and its live state, shared by every list that shows
// action cards: the chat and the Self-service tab. Each list follows the actions it shows; a pushed `action:update` or
// an acknowledgement reaches all of them.
import type { ActionView } from '../../../domain/actions/action-schemas.js';
import * as socket from '../api/socket.js';
import { tr } from '../i18n/i18n.js';

const RANK: Partial<Record<ActionView['status'], number>> = { awaiting_confirmation: 0, awaiting_code: 1, queued: 2, dispatched: 3, running: 4 };
const rank = (status: ActionView['status']) => RANK[status] ?? 5;

/** Called with each new state of an action; `fromAck` when it comes from an acknowledgement rather than a push. */
export type ActionListener = (action: ActionView, fromAck: boolean) => void;

const listeners = new Set<ActionListener>();

/** Follows every action's changes; returns how to stop. */
export function followActions(listener: ActionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishAction(action: ActionView, { fromAck = false } = {}): void {
  for (const listener of listeners) listener(action, fromAck);
}

/** An acknowledgement can arrive after a pushed update that it precedes: it never moves a card backwards. */
export const isStale = (next: ActionView, shown: ActionView, fromAck: boolean) => fromAck && rank(next.status) < rank(shown.status);

/** Confirms, or asks again for a code (the server sends a new one for an action already waiting for its code). */
export async function confirmAction(actionId: string) {
  const ack = await socket.send('action:confirm', { actionId }, tr('chat.noAnswer'));
  if (!ack.error) publishAction(ack.action, { fromAck: true });
  return ack;
}

export async function cancelAction(actionId: string) {
  const ack = await socket.send('action:cancel', { actionId }, tr('chat.noAnswer'));
  if (!ack.error) publishAction(ack.action, { fromAck: true });
  return ack;
}

export async function verifyAction(actionId: string, code: string) {
  const ack = await socket.send('action:verify', { actionId, code }, tr('chat.noAnswer'));
  if (!ack.error) publishAction(ack.action, { fromAck: true });
  return ack;
}

export const savePhone = (phone: string) => socket.send('phone:set', { phone }, tr('chat.noAnswer'));
