import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/transaction.js';
import {
  extendTokenSession,
  findLiveSession,
  findLiveTokenHashes,
  insertSession,
  revokeSession,
  touchSession,
  type SessionTransport,
} from '../../db/repositories/sessions.js';
import type { Actor } from '../context.js';
import { contactActor, technicianActor } from './actor-from-row.js';

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A bearer token sits where the host page's scripts can read it, unlike the httpOnly cookie: it works for an hour
 * unless the widget refreshes it, and at most a working day in all, after which the user signs in again (or the host
 * page signs them in again with a verified identity).
 */
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
export const TOKEN_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Writing last-seen on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60 * 1000;

/** What a session is known by outside the cookie (rooms, lists): the token's hash, never the token. */
export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function startSession(
  q: Queryable,
  tenantId: string,
  actor: Actor,
  transport: SessionTransport = 'cookie',
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + (transport === 'token' ? TOKEN_LIFETIME_MS : SESSION_ABSOLUTE_MS));
  await insertSession(q, { tokenHash: sessionKey(token), tenantId, principalKind: actor.kind, principalId: actor.id, expiresAt, transport });
  return { token, expiresAt };
}

/** A live bearer token's new expiry, an hour from now within its absolute end; undefined for a cookie session or an ended one. */
export function refreshToken(q: Queryable, tenantId: string, token: string): Promise<Date | undefined> {
  return extendTokenSession(q, tenantId, sessionKey(token), TOKEN_LIFETIME_MS / 1000, TOKEN_ABSOLUTE_MS / 1000);
}

export async function endSession(q: Queryable, tenantId: string, token: string): Promise<void> {
  await revokeSession(q, tenantId, sessionKey(token));
}

/** The actor behind a session token, or undefined when it is unknown, revoked, idle too long or past its absolute expiry. */
export async function resolveSession(q: Queryable, tenantId: string, token: string): Promise<Actor | undefined> {
  const tokenHash = sessionKey(token);
  const session = await findLiveSession(q, tenantId, tokenHash);
  if (!session) return undefined;
  const idleFor = Date.now() - session.last_seen_at.getTime();
  if (idleFor > SESSION_IDLE_MS) {
    await revokeSession(q, tenantId, tokenHash);
    return undefined;
  }
  if (idleFor > TOUCH_INTERVAL_MS) await touchSession(q, tenantId, tokenHash);
  if (session.contact) return contactActor(session.contact);
  return session.technician && technicianActor(session.technician);
}

/** Of these sessions, the keys of those still live; read without counting as activity, so a watcher keeps none alive. */
export function liveSessionKeys(q: Queryable, keys: string[]): Promise<Set<string>> {
  return findLiveTokenHashes(q, keys, SESSION_IDLE_MS / 1000);
}
