import type pg from 'pg';
import { canonicalUsername } from '../../domain/auth/canonical-username.js';
import { hashPassword } from '../../domain/auth/password.js';
import { insertTechnician } from '../../db/repositories/principals.js';

export type CreatedTechnician = { id: string; username: string; password: string };

/** A technician of the tenant who is not an admin (the demo's only technician is one). */
export async function createTechnician(pool: pg.Pool, tenantId: string, options: { username?: string; admin?: boolean } = {}): Promise<CreatedTechnician> {
  const username = canonicalUsername(options.username ?? 'helpdesk@demo.portico.local');
  const password = 'helpdesk-pass';
  const id = await insertTechnician(pool, tenantId, {
    name: 'Helpdesk Technician',
    email: username,
    username,
    passwordHash: await hashPassword(password),
    language: 'en',
    admin: options.admin ?? false,
  });
  return { id, username, password };
}
