import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findContactByUsername, findTechnicianByUsername } from '../../db/repositories/principals.js';
import type { SessionTransport } from '../../db/repositories/sessions.js';
import { withTransaction } from '../../db/transaction.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import { contactActor, technicianActor } from './actor-from-row.js';
import { canonicalUsername } from './canonical-username.js';
import type { LoginThrottle } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { endSession, startSession } from './sessions.js';

export type LoginInput = {
  tenantId: string;
  username: string;
  password: string;
  address: string;
  previousToken?: string;
  /** How the session will travel: the portal's cookie, or a bearer token for the widget on another origin. */
  transport?: SessionTransport;
};

/**
 * Takes the attempt from the throttle first, then checks the password (against a decoy when the user is unknown, so
 * both failures look and take the same), and issues a fresh session, revoking the one the browser had. The username
 * is looked up and throttled in its one canonical form, so no other spelling reaches the account.
 */
export async function login(
  deps: { pool: pg.Pool; throttle: LoginThrottle },
  input: LoginInput,
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const { pool, throttle } = deps;
  const username = canonicalUsername(input.username);
  const attempt = await throttle.admit(input.tenantId, username, input.address);

  const technician = await findTechnicianByUsername(pool, input.tenantId, username);
  const contact = technician ? undefined : await findContactByUsername(pool, input.tenantId, username);
  const row = technician ?? contact;
  const valid = await verifyPassword(input.password, row?.password_hash ?? (await decoyPasswordHash()));
  if (!row || !valid) throw new AppError('invalid_credentials', 'bad username or password');
  await attempt.succeeded();

  const actor = technician ? technicianActor(technician) : contactActor(contact!);
  return withTransaction(pool, async (client) => {
    if (input.previousToken) await endSession(client, input.tenantId, input.previousToken);
    const session = await startSession(client, input.tenantId, actor, input.transport);
    await insertAuditEntry(client, input.tenantId, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'auth.login',
      details: { address: input.address, transport: input.transport ?? 'cookie' },
    });
    return { actor, ...session };
  });
}
