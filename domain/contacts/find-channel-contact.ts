import type pg from 'pg';
import { findContactByEmail } from '../../db/repositories/inbound-emails.js';
import { contactActor } from '../auth/actor-from-row.js';
import { canonicalUsername } from '../auth/canonical-username.js';
import type { ContactActor } from '../context.js';

/**
 * The contact a chat app's user is, by an email address that app vouches for (Teams: the sign-in name of the Microsoft
 * 365 account). The app's own authentication stands for the portal's sign-in, so the caller must pass only an address
 * the app has verified, never one its user typed. Undefined for an address no contact of the tenant has.
 */
export async function findChannelContact(pool: pg.Pool, tenantId: string, verifiedEmail: string): Promise<ContactActor | undefined> {
  const row = await findContactByEmail(pool, tenantId, canonicalUsername(verifiedEmail));
  return row ? contactActor(row) : undefined;
}
