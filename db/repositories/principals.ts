import type { Queryable } from '../transaction.js';

/** A username or email in its canonical form (domain/auth/canonical-username.ts): compared here with plain equality. */
export type CanonicalName = string & { readonly canonical: unique symbol };

export type ContactRow = {
  id: string;
  tenant_id: string;
  company_id: string;
  company_name: string;
  name: string;
  email: string;
  username: string;
  password_hash: string;
  language: string;
  phone: string | null;
  is_primary: boolean;
};

export type TechnicianRow = {
  id: string;
  tenant_id: string;
  name: string;
  email: string;
  username: string;
  password_hash: string;
  language: string;
  is_admin: boolean;
};

const CONTACT_COLUMNS = `c.id, c.tenant_id, c.company_id, co.name AS company_name, c.name, c.email, c.username,
  c.password_hash, c.language, c.phone, c.is_primary`;

export async function findContactByUsername(q: Queryable, tenantId: string, username: CanonicalName) {
  const { rows } = await q.query<ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c JOIN companies co ON co.id = c.company_id
     WHERE c.tenant_id = $1 AND c.username = $2`,
    [tenantId, username],
  );
  return rows[0];
}

export async function findContactById(q: Queryable, tenantId: string, contactId: string): Promise<ContactRow | undefined> {
  const { rows } = await q.query<ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.tenant_id = $1 AND c.id = $2`,
    [tenantId, contactId],
  );
  return rows[0];
}

/** Whether a contact or a technician of the tenant signs in with this name already. */
export async function usernameTaken(q: Queryable, tenantId: string, username: CanonicalName): Promise<boolean> {
  const { rowCount } = await q.query(
    `SELECT 1 FROM contacts WHERE tenant_id = $1 AND username = $2 UNION ALL SELECT 1 FROM technicians WHERE tenant_id = $1 AND username = $2`,
    [tenantId, username],
  );
  return (rowCount ?? 0) > 0;
}

export async function setContactPasswordHash(q: Queryable, tenantId: string, contactId: string, passwordHash: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE contacts SET password_hash = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, contactId, passwordHash]);
  return (rowCount ?? 0) > 0;
}

export async function searchContacts(q: Queryable, tenantId: string, text: string | undefined, limit: number) {
  const pattern = text ? `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const { rows } = await q.query<ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c JOIN companies co ON co.id = c.company_id
     WHERE c.tenant_id = $1
       AND ($2::text IS NULL OR c.name ILIKE $2 OR c.email ILIKE $2 OR c.username ILIKE $2 OR co.name ILIKE $2)
     ORDER BY c.name LIMIT $3`,
    [tenantId, pattern, limit],
  );
  return rows;
}

export async function existingContactIds(q: Queryable, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [tenantId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

export async function insertContact(
  q: Queryable,
  tenantId: string,
  input: {
    companyId: string;
    name: string;
    email: CanonicalName;
    username: CanonicalName;
    passwordHash: string;
    language: string;
    primary: boolean;
    phone?: string | null;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO contacts (tenant_id, company_id, name, email, username, password_hash, language, is_primary, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [tenantId, input.companyId, input.name, input.email, input.username, input.passwordHash, input.language, input.primary, input.phone ?? null],
  );
  return rows[0]!.id;
}

export async function findTechnicianByUsername(q: Queryable, tenantId: string, username: CanonicalName) {
  const { rows } = await q.query<TechnicianRow>(
    `SELECT id, tenant_id, name, email, username, password_hash, language, is_admin FROM technicians
     WHERE tenant_id = $1 AND username = $2`,
    [tenantId, username],
  );
  return rows[0];
}

export async function insertTechnician(
  q: Queryable,
  tenantId: string,
  input: { name: string; email: CanonicalName; username: CanonicalName; passwordHash: string; language: string; admin: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO technicians (tenant_id, name, email, username, password_hash, language, is_admin)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [tenantId, input.name, input.email, input.username, input.passwordHash, input.language, input.admin],
  );
  return rows[0]!.id;
}

/** The phone that receives a contact's verification codes; null removes it, which resets their 2FA. */
export async function setContactPhone(q: Queryable, tenantId: string, contactId: string, phone: string | null): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE contacts SET phone = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, contactId, phone]);
  return (rowCount ?? 0) > 0;
}

/** Saves a first phone; false when one is already saved, so of two saves at once only one lands. */
export async function claimContactPhone(q: Queryable, tenantId: string, contactId: string, phone: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE contacts SET phone = $3 WHERE tenant_id = $1 AND id = $2 AND phone IS NULL', [tenantId, contactId, phone]);
  return (rowCount ?? 0) > 0;
}

/** Takes back a phone just claimed, unless it was replaced in the meantime. */
export async function releaseContactPhone(q: Queryable, tenantId: string, contactId: string, phone: string): Promise<void> {
  await q.query('UPDATE contacts SET phone = NULL WHERE tenant_id = $1 AND id = $2 AND phone = $3', [tenantId, contactId, phone]);
}

/** Replaces the phone on record only if it is still `from`, the one that received the proof. */
export async function replaceContactPhone(q: Queryable, tenantId: string, contactId: string, from: string, to: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE contacts SET phone = $4 WHERE tenant_id = $1 AND id = $2 AND phone = $3', [tenantId, contactId, from, to]);
  return (rowCount ?? 0) > 0;
}

/** What proves a contact's identity for a change of phone: their password hash and the phone on record. */
export async function findContactCredentials(q: Queryable, tenantId: string, contactId: string): Promise<{ password_hash: string; phone: string | null } | undefined> {
  const { rows } = await q.query<{ password_hash: string; phone: string | null }>(
    'SELECT password_hash, phone FROM contacts WHERE tenant_id = $1 AND id = $2',
    [tenantId, contactId],
  );
  return rows[0];
}

export async function findContactPhone(q: Queryable, tenantId: string, contactId: string): Promise<string | null> {
  const { rows } = await q.query<{ phone: string | null }>('SELECT phone FROM contacts WHERE tenant_id = $1 AND id = $2', [tenantId, contactId]);
  return rows[0]?.phone ?? null;
}

export async function findContactCompany(q: Queryable, tenantId: string, contactId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ company_id: string }>('SELECT company_id FROM contacts WHERE tenant_id = $1 AND id = $2', [tenantId, contactId]);
  return rows[0]?.company_id;
}

/** The language a contact or technician reads the portal, emails and texts in. */
export async function setPrincipalLanguage(
  q: Queryable,
  tenantId: string,
  principal: { kind: 'contact' | 'technician'; id: string },
  language: string,
): Promise<boolean> {
  const table = principal.kind === 'contact' ? 'contacts' : 'technicians';
  const { rowCount } = await q.query(`UPDATE ${table} SET language = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, principal.id, language]);
  return (rowCount ?? 0) > 0;
}

/** The contact, locked for an edit in the caller's transaction. */
export async function lockContact(q: Queryable, tenantId: string, contactId: string): Promise<ContactRow | undefined> {
  const { rows } = await q.query<ContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE OF c`,
    [tenantId, contactId],
  );
  return rows[0];
}

export async function updateContactProfile(
  q: Queryable,
  tenantId: string,
  contactId: string,
  profile: { name: string; language: string; primary: boolean; phone: string | null; companyId: string },
): Promise<void> {
  await q.query('UPDATE contacts SET name = $3, language = $4, is_primary = $5, phone = $6, company_id = $7 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    contactId,
    profile.name,
    profile.language,
    profile.primary,
    profile.phone,
    profile.companyId,
  ]);
}

/** The tenant's first administrator: whom a stranger on a chat channel is told to ask for access. */
export async function findFirstAdministrator(q: Queryable, tenantId: string): Promise<{ name: string; email: string } | undefined> {
  const { rows } = await q.query<{ name: string; email: string }>(
    'SELECT name, email FROM technicians WHERE tenant_id = $1 AND is_admin ORDER BY created_at, id LIMIT 1',
    [tenantId],
  );
  return rows[0];
}
