import type pg from 'pg';
import type { ExtendedError, Socket } from 'socket.io';
import { findTenantByHostname, type TenantRow } from '../../db/repositories/tenants.js';
import { resolveSession, sessionKey } from '../../domain/auth/sessions.js';
import type { Actor, Ctx } from '../../domain/context.js';
import { isAppError } from '../../domain/errors.js';
import { assertOriginAllowed } from '../http/origin-policy.js';
import { hostnameOf } from '../http/resolve-tenant.js';
import { readHandshakeToken } from '../http/session-cookie.js';

export type SessionSocketData<A extends Actor> = { tenant: TenantRow; token: string; sessionKey: string; ctx: Ctx & { actor: A } };

/**
 * A namespace's connection check: a session of the tenant the Host names, of the kind the namespace serves, opened from
 * a page the tenant trusts (the session cookie goes with a handshake from any page; a bearer token from the embedded
 * widget obeys the same rule). Refusals carry their code in `data.code`.
 */
export function sessionHandshake<K extends Actor['kind']>(pool: pg.Pool, kind: K) {
  return (socket: Socket, next: (error?: ExtendedError) => void) => {
    const refuse = (code: string) => {
      const error = new Error(code) as ExtendedError;
      error.data = { code };
      next(error);
    };
    void (async () => {
      const { headers } = socket.handshake;
      const tenant = await findTenantByHostname(pool, hostnameOf(headers.host));
      if (!tenant) return refuse('unauthenticated');
      try {
        await assertOriginAllowed(pool, tenant.id, headers);
      } catch (error) {
        if (isAppError(error)) return refuse(error.code);
        throw error;
      }
      const token = readHandshakeToken(socket.handshake.auth, headers.cookie);
      const actor = token ? await resolveSession(pool, tenant.id, token) : undefined;
      if (!token || !actor) return refuse('unauthenticated');
      if (actor.kind !== kind) return refuse('forbidden');
      const data: SessionSocketData<Extract<Actor, { kind: K }>> = {
        tenant,
        token,
        sessionKey: sessionKey(token),
        ctx: { tenantId: tenant.id, actor: actor as Extract<Actor, { kind: K }> },
      };
      socket.data = data;
      next();
    })().catch((error: unknown) => next(error instanceof Error ? error : new Error('connect failed')));
  };
}
