import type pg from 'pg';
import { canonicalUsername } from '../domain/auth/canonical-username.js';
import { startSession } from '../domain/auth/sessions.js';
import { hashToken, newToken } from '../domain/devices/agent-token.js';
import { insertEnrolledDevice } from '../db/repositories/devices.js';
import { insertContact } from '../db/repositories/principals.js';

export type LoadPopulation = { sessionTokens: string[]; agentTokens: string[] };

/**
 * `count` portal users (named after `prefix`, which a second run on the same database changes) of the demo tenant's Acme Dental, each signed in once, and as many enrolled computers, written
 * straight into the database as an admin's import and the users' own sign-ins would leave them. The bench then holds
 * a session token per user and an agent token per device, as a thousand real browsers and agents would: it signs no
 * one in over HTTP, so the per-address sign-in throttle stays on and is never met.
 */
export async function addLoadPopulation(pool: pg.Pool, count: number, prefix = 'load'): Promise<LoadPopulation> {
  const { rows } = await pool.query<{ tenant_id: string; company_id: string; password_hash: string }>(
    `SELECT tenant_id, company_id, password_hash FROM contacts WHERE username = 'tom.baker@acmedental.example'`,
  );
  const tom = rows[0];
  if (!tom) throw new Error('the demo tenant is not seeded');
  const sessionTokens: string[] = [];
  const agentTokens: string[] = [];
  // One transaction on one connection: ten thousand rows in seconds rather than a minute of single commits.
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < count; i++) {
      const username = canonicalUsername(`${prefix}${i}@acmedental.example`);
      const name = `Load User ${prefix} ${i}`;
      const id = await insertContact(client, tom.tenant_id, {
        companyId: tom.company_id,
        name,
        email: username,
        username,
        passwordHash: tom.password_hash,
        language: 'en',
        primary: false,
      });
      const actor = { kind: 'contact' as const, id, name, companyId: tom.company_id, primary: false, language: 'en' as const };
      sessionTokens.push((await startSession(client, tom.tenant_id, actor)).token);
      const agentToken = newToken('pat');
      await insertEnrolledDevice(client, tom.tenant_id, {
        companyId: tom.company_id,
        // Unassigned, as enrolment leaves a device: the server's simulated demo agents take every assigned device of the
        // demo tenant, and these must be the bench's own.
        contactId: null,
        name: `${prefix.toUpperCase()}-${String(i).padStart(5, '0')}`,
        os: 'windows',
        osVersion: 'Windows 11 23H2',
        model: null,
        loggedInUser: name,
        agentVersion: 'bench',
        agentTokenHash: hashToken(agentToken),
      });
      agentTokens.push(agentToken);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { sessionTokens, agentTokens };
}
