import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { findEmbedSecret } from '../../db/repositories/embed.js';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../errors.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** What the embed secret's use cases need: the database and the server's key for stored secrets, absent when unset in scale-out mode. */
export type EmbedSecretDeps = { pool: pg.Pool; secrets: SecretBox | undefined };

export function newEmbedSecret(): string {
  return `pes_${randomBytes(32).toString('base64url')}`;
}

export function sealingContext(tenantId: string): string {
  return `embed-secret:${tenantId}`;
}

export function requireSecretBox(secrets: SecretBox | undefined): SecretBox {
  if (!secrets) throw new AppError('unavailable', 'PORTICO_SECRET_KEY is not set, so no secret can be stored');
  return secrets;
}

/** The tenant's embed secret in clear, or undefined when it has none or it was sealed with a key the server no longer has. */
export async function readEmbedSecret(q: Queryable, secrets: SecretBox | undefined, tenantId: string): Promise<{ secret: string; createdAt: Date } | undefined> {
  const row = await findEmbedSecret(q, tenantId);
  if (!row || !secrets) return undefined;
  try {
    return { secret: secrets.open(row.secret_encrypted, sealingContext(tenantId)), createdAt: row.created_at };
  } catch {
    return undefined;
  }
}
