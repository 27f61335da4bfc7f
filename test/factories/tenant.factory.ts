import type pg from 'pg';
import { canonicalUsername } from '../../domain/auth/canonical-username.js';
import { hashPassword } from '../../domain/auth/password.js';
import { insertContact } from '../../db/repositories/principals.js';
import { insertTenant, insertTenantHostname, takeTicketNumber } from '../../db/repositories/tenants.js';
import { insertTicket } from '../../db/repositories/tickets.js';

export type OtherTenant = { tenantId: string; hostname: string; username: string; password: string; ticketId: string; ticketNumber: number };

/** A second tenant with one company, one contact and one ticket, reachable on its own hostname. */
export async function createOtherTenant(pool: pg.Pool, slug = 'other'): Promise<OtherTenant> {
  const password = 'other-tenant-pass';
  const tenant = await insertTenant(pool, { name: `Tenant ${slug}`, slug });
  const hostname = `${slug}.portal.test`;
  await insertTenantHostname(pool, tenant.id, hostname, 'generated');
  const { rows } = await pool.query<{ id: string }>('INSERT INTO companies (tenant_id, name) VALUES ($1, $2) RETURNING id', [
    tenant.id,
    'Other Co',
  ]);
  const companyId = rows[0]!.id;
  // Same username as a demo contact: usernames are per tenant.
  const username = canonicalUsername('tom.baker@acmedental.example');
  const contactId = await insertContact(pool, tenant.id, {
    companyId,
    name: 'Other Tom',
    email: username,
    username,
    passwordHash: await hashPassword(password),
    language: 'en',
    primary: true,
  });
  const ticketNumber = await takeTicketNumber(pool, tenant.id);
  const ticketId = await insertTicket(pool, tenant.id, {
    number: ticketNumber,
    subject: 'Other tenant secret ticket',
    description: 'must never leak',
    priority: 'medium',
    type: 'incident',
    source: 'portal',
    requesterId: contactId,
    companyId,
    customFields: {},
  });
  return { tenantId: tenant.id, hostname, username, password, ticketId, ticketNumber };
}
