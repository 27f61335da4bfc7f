import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { canonicalUsername } from '../../domain/auth/canonical-username.js';
import { hashPassword } from '../../domain/auth/password.js';
import { insertAuditEntry } from '../repositories/audit.js';
import { upsertCatalogApp, type CatalogAppInput } from '../repositories/catalog.js';
import { insertCustomField } from '../repositories/custom-fields.js';
import { insertContact, insertTechnician } from '../repositories/principals.js';
import { saveSettingsDocument } from '../repositories/settings.js';
import { findTenantBySlug, insertTenant, insertTenantHostname, takeTicketNumber } from '../repositories/tenants.js';
import { insertComment, insertTicket, updateTicketStatus, type TicketStatus } from '../repositories/tickets.js';
import { withTransaction, type Queryable } from '../transaction.js';

export const DEMO_PASSWORD = 'portico-demo';
export const DEMO_SLUG = 'demo';

export const DEMO_LOGINS = [
  { username: 'tech@demo.portico.local', role: 'technician, admin' },
  { username: 'anna.bianchi@acmedental.example', role: 'end user, primary contact of Acme Dental (it)' },
  { username: 'tom.baker@acmedental.example', role: 'end user of Acme Dental (en)' },
  { username: 'luc.martin@rossilogistics.example', role: 'end user of Rossi Logistics (fr)' },
] as const;

type DemoContact = { key: string; company: string; name: string; email: string; language: string; primary: boolean };

const COMPANIES = [
  { key: 'acme', name: 'Acme Dental', domains: ['acmedental.example'] },
  { key: 'rossi', name: 'Rossi Logistics', domains: ['rossilogistics.example'] },
];

const CONTACTS: DemoContact[] = [
  { key: 'anna', company: 'acme', name: 'Anna Bianchi', email: 'anna.bianchi@acmedental.example', language: 'it', primary: true },
  { key: 'tom', company: 'acme', name: 'Tom Baker', email: 'tom.baker@acmedental.example', language: 'en', primary: false },
  { key: 'giulia', company: 'acme', name: 'Giulia Verdi', email: 'giulia.verdi@acmedental.example', language: 'it', primary: false },
  { key: 'luc', company: 'rossi', name: 'Luc Martin', email: 'luc.martin@rossilogistics.example', language: 'fr', primary: false },
  { key: 'marco', company: 'rossi', name: 'Marco Rossi', email: 'marco.rossi@rossilogistics.example', language: 'it', primary: true },
];

const DEVICES = [
  { contact: 'tom', name: 'TOM-LAPTOP', os: 'windows', osVersion: 'Windows 11 Pro 23H2', model: 'Lenovo ThinkPad T14' },
  { contact: 'anna', name: 'ANNA-DESKTOP', os: 'windows', osVersion: 'Windows 11 Pro 23H2', model: 'Dell OptiPlex 7010' },
  { contact: 'anna', name: 'MacBook Air di Anna', os: 'macos', osVersion: 'macOS 14.6 Sonoma', model: 'MacBook Air M2' },
  { contact: 'luc', name: 'MacBook Pro de Luc', os: 'macos', osVersion: 'macOS 15.1 Sequoia', model: 'MacBook Pro 14" M3' },
  { contact: 'giulia', name: 'GIULIA-PC', os: 'windows', osVersion: 'Windows 11 Pro 23H2', model: 'HP EliteDesk 800 G9' },
  { contact: 'marco', name: 'ROSSI-MARCO-NB', os: 'windows', osVersion: 'Windows 11 Pro 24H2', model: 'Lenovo ThinkPad E14' },
];

type CatalogSeedEntry = {
  id: string;
  name: string;
  publisher: string;
  aliases: string[];
  category: string;
  chocolatey: string | null;
  homebrew: { name: string; cask: boolean } | null;
  apt: string | null;
};

function demoCatalog(): CatalogAppInput[] {
  const entries = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8')) as CatalogSeedEntry[];
  return entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    publisher: entry.publisher,
    aliases: entry.aliases,
    category: entry.category,
    chocolateyId: entry.chocolatey,
    homebrewId: entry.homebrew?.name ?? null,
    homebrewCask: entry.homebrew?.cask ?? false,
    aptId: entry.apt,
    enabled: true,
  }));
}

const CUSTOM_FIELDS = [
  { key: 'asset_tag', label: 'Asset tag', kind: 'text', options: [], required: false },
  { key: 'affected_users', label: 'Affected users', kind: 'number', options: [], required: false },
  { key: 'needed_by', label: 'Needed by', kind: 'date', options: [], required: false },
  { key: 'location', label: 'Location', kind: 'select', options: ['Head office', 'Branch office', 'Remote'], required: false },
  { key: 'business_critical', label: 'Business critical', kind: 'checkbox', options: [], required: false },
] as const;

type DemoTicket = {
  requester: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: string;
  type: string;
  source: string;
  customFields: Record<string, unknown>;
  comments: { by: 'tech' | 'requester'; body: string; public?: boolean }[];
  /** How long ago it was opened, so the demo's lists look lived-in. */
  daysAgo: number;
};

const TICKETS: DemoTicket[] = [
  {
    requester: 'tom',
    subject: 'Outlook keeps asking for my password',
    description: 'Since this morning Outlook on my laptop asks for my password every few minutes, even after I type it.',
    status: 'open',
    priority: 'high',
    type: 'incident',
    source: 'portal',
    customFields: { asset_tag: 'ACME-0142', location: 'Head office' },
    daysAgo: 1,
    comments: [
      { by: 'tech', body: 'Thanks Tom, we are looking at your mailbox sign-in logs now.' },
      { by: 'tech', body: 'Token refresh failing after the password change on Monday; check the credential manager.', public: false },
    ],
  },
  {
    requester: 'tom',
    subject: 'Printer on the second floor jams',
    description: 'The HP printer next to reception jams on every double-sided print.',
    status: 'resolved',
    priority: 'medium',
    type: 'incident',
    source: 'email',
    customFields: { location: 'Head office', affected_users: 12 },
    daysAgo: 9,
    comments: [
      { by: 'tech', body: 'We replaced the duplex roller. Please let us know if it happens again.' },
      { by: 'requester', body: 'Works now, thank you!' },
    ],
  },
  {
    requester: 'anna',
    subject: 'Laptop per la nuova assunta Giulia',
    description: 'Giulia Verdi inizia lunedì: serve un portatile con Office, Teams e accesso alla cartella condivisa Amministrazione.',
    status: 'pending',
    priority: 'medium',
    type: 'request',
    source: 'portal',
    customFields: { needed_by: '2026-12-07', location: 'Branch office', business_critical: false },
    daysAgo: 3,
    comments: [{ by: 'tech', body: 'Il portatile è pronto: ci confermi a che ora arriva Giulia lunedì?' }],
  },
  {
    requester: 'anna',
    subject: 'La VPN si disconnette',
    description: 'Da casa la VPN cade ogni 10 minuti circa.',
    status: 'closed',
    priority: 'low',
    type: 'problem',
    source: 'phone',
    customFields: { location: 'Remote' },
    daysAgo: 40,
    comments: [{ by: 'tech', body: 'Abbiamo aggiornato il client VPN alla versione 7.2; il problema è risolto.' }],
  },
  {
    requester: 'giulia',
    subject: 'Non riesco a scansionare verso la cartella',
    description: 'Lo scanner dice "percorso non trovato" quando scansiono verso la cartella Amministrazione.',
    status: 'open',
    priority: 'medium',
    type: 'incident',
    source: 'portal',
    customFields: {},
    daysAgo: 0,
    comments: [],
  },
  {
    requester: 'luc',
    subject: "Impossible d'accéder au lecteur partagé",
    description: 'Le lecteur réseau Logistique affiche « accès refusé » depuis ce matin.',
    status: 'open',
    priority: 'high',
    type: 'incident',
    source: 'portal',
    customFields: { affected_users: 1, business_critical: true },
    daysAgo: 0,
    comments: [{ by: 'requester', body: "J'ai redémarré le Mac, toujours pareil." }],
  },
  {
    requester: 'luc',
    subject: 'Écran externe non détecté',
    description: 'Mon deuxième écran ne s’affiche plus quand je branche la station d’accueil.',
    status: 'resolved',
    priority: 'low',
    type: 'incident',
    source: 'ai_assistant',
    customFields: {},
    daysAgo: 14,
    comments: [{ by: 'tech', body: 'Câble USB-C remplacé, tout fonctionne.' }],
  },
  {
    requester: 'marco',
    subject: 'Richiesta licenza Adobe Acrobat Pro',
    description: 'Serve una licenza Acrobat Pro per l’ufficio acquisti.',
    status: 'pending',
    priority: 'low',
    type: 'request',
    source: 'portal',
    customFields: {},
    daysAgo: 6,
    comments: [],
  },
];

export type SeedResult = { seeded: boolean; tenantId: string };

async function insertDemoCompanies(client: Queryable, tenantId: string) {
  const ids = new Map<string, string>();
  for (const company of COMPANIES) {
    const { rows } = await client.query<{ id: string }>('INSERT INTO companies (tenant_id, name) VALUES ($1, $2) RETURNING id', [
      tenantId,
      company.name,
    ]);
    ids.set(company.key, rows[0]!.id);
    for (const domain of company.domains) {
      await client.query('INSERT INTO company_email_domains (tenant_id, company_id, domain) VALUES ($1, $2, $3)', [
        tenantId,
        rows[0]!.id,
        domain,
      ]);
    }
  }
  return ids;
}

// Any constant other than the migrations' lock; the same on every node.
const DEMO_SEED_LOCK_KEY = 7_202_612;

/** Seeds the demo tenant once; a data directory that already has it is left alone. */
export async function seedDemoTenant(pool: pg.Pool, baseDomain: string): Promise<SeedResult> {
  const existing = await findTenantBySlug(pool, DEMO_SLUG);
  if (existing) return { seeded: false, tenantId: existing.id };
  // Hashing is slow on purpose; done before the transaction so it never holds the single connection.
  const hashes = await Promise.all([...CONTACTS, { key: 'tech' }].map(() => hashPassword(DEMO_PASSWORD)));

  return withTransaction(pool, async (client) => {
    // Nodes starting together on one database: the first seeds, the others find its tenant once it committed.
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
    const seededMeanwhile = await findTenantBySlug(client, DEMO_SLUG);
    if (seededMeanwhile) return { seeded: false, tenantId: seededMeanwhile.id };
    const tenant = await insertTenant(client, { name: 'Demo MSP', slug: DEMO_SLUG });
    await insertTenantHostname(client, tenant.id, `${DEMO_SLUG}.${baseDomain}`, 'generated');
    for (const local of ['localhost', '127.0.0.1', '[::1]']) await insertTenantHostname(client, tenant.id, local, 'local');

    const techId = await insertTechnician(client, tenant.id, {
      name: 'Sam Torres',
      email: canonicalUsername('tech@demo.portico.local'),
      username: canonicalUsername('tech@demo.portico.local'),
      passwordHash: hashes[CONTACTS.length]!,
      language: 'en',
      admin: true,
    });
    const companyIds = await insertDemoCompanies(client, tenant.id);
    const contacts = new Map<string, { id: string; companyId: string; name: string }>();
    for (const [i, contact] of CONTACTS.entries()) {
      const companyId = companyIds.get(contact.company)!;
      const id = await insertContact(client, tenant.id, {
        companyId,
        name: contact.name,
        email: canonicalUsername(contact.email),
        username: canonicalUsername(contact.email),
        passwordHash: hashes[i]!,
        language: contact.language,
        primary: contact.primary,
      });
      contacts.set(contact.key, { id, companyId, name: contact.name });
    }
    for (const device of DEVICES) {
      const owner = contacts.get(device.contact)!;
      await client.query(
        `INSERT INTO devices (tenant_id, company_id, contact_id, name, os, os_version, model) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenant.id, owner.companyId, owner.id, device.name, device.os, device.osVersion, device.model],
      );
    }
    for (const [position, field] of CUSTOM_FIELDS.entries()) {
      await insertCustomField(client, tenant.id, { ...field, options: [...field.options], position });
    }
    await saveSettingsDocument(client, tenant.id, {
      fieldVisibility: {
        subject: 'editable',
        description: 'editable',
        status: 'readonly',
        priority: 'editable',
        type: 'editable',
        asset_tag: 'editable',
        affected_users: 'editable',
        needed_by: 'editable',
        location: 'editable',
        business_critical: 'readonly',
      },
    });
    for (const ticket of TICKETS) {
      const requester = contacts.get(ticket.requester)!;
      const number = await takeTicketNumber(client, tenant.id);
      const ticketId = await insertTicket(client, tenant.id, {
        number,
        subject: ticket.subject,
        description: ticket.description,
        priority: ticket.priority,
        type: ticket.type,
        source: ticket.source,
        requesterId: requester.id,
        companyId: requester.companyId,
        customFields: ticket.customFields,
      });
      for (const comment of ticket.comments) {
        const byTech = comment.by === 'tech';
        await insertComment(client, tenant.id, {
          ticketId,
          authorKind: byTech ? 'technician' : 'contact',
          authorId: byTech ? techId : requester.id,
          authorName: byTech ? 'Sam Torres' : requester.name,
          body: comment.body,
          isPublic: comment.public ?? true,
        });
      }
      if (ticket.status !== 'open') await updateTicketStatus(client, tenant.id, ticketId, ticket.status);
      await client.query(
        `UPDATE tickets SET created_at = now() - make_interval(days => $3), updated_at = now() - make_interval(days => $3) / 2
         WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, ticketId, ticket.daysAgo],
      );
      await client.query(
        `UPDATE ticket_comments SET created_at = now() - make_interval(days => $3) / 3 + make_interval(secs => position)
         FROM (SELECT id AS cid, row_number() OVER (ORDER BY created_at, id) AS position FROM ticket_comments
               WHERE tenant_id = $1 AND ticket_id = $2) numbered
         WHERE tenant_id = $1 AND ticket_id = $2 AND id = numbered.cid`,
        [tenant.id, ticketId, ticket.daysAgo],
      );
    }
    for (const app of demoCatalog()) await upsertCatalogApp(client, tenant.id, app);
    await insertAuditEntry(client, tenant.id, { actorKind: 'system', action: 'tenant.seeded', details: { seed: 'demo' } });
    return { seeded: true, tenantId: tenant.id };
  });
}
