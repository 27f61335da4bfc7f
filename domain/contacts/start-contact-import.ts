import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { listCompanies } from '../../db/repositories/companies.js';
import {
  appendContactImportRows,
  findContactImport,
  insertContactImport,
  interruptStalledContactImports,
} from '../../db/repositories/contact-imports.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import { canonicalUsername } from '../auth/canonical-username.js';
import type { Ctx } from '../context.js';
import type { EmailDispatch } from '../email/email-transport.js';
import { AppError, isAppError, type ErrorCode } from '../errors.js';
import { loadSettings } from '../settings/load-settings.js';
import {
  contactImportView,
  IMPORT_HEARTBEAT_SECONDS,
  type ContactImport,
  type ContactImportReport,
} from './contact-import-schemas.js';
import { parseContactsCsv, resolveCsvRow, type CompanyForImport, type CsvContactRow } from './contacts-csv.js';
import { createContact, CreateContactSchema } from './create-contact.js';

type Deps = { pool: pg.Pool; email: EmailDispatch };

// How often the report is written while rows are handled: often enough for a smooth progress bar, few enough writes.
const FLUSH_EVERY_ROWS = 20;
const FLUSH_EVERY_MS = 500;

const SKIP_REASON_OF_ERROR: Partial<Record<ErrorCode, ContactImportReport['reason']>> = {
  contact_exists: 'duplicate_email',
  invalid_phone: 'bad_phone',
  not_found: 'unknown_company',
  validation_failed: 'bad_email',
};

const isEmail = (email: string) => CreateContactSchema.shape.email.safeParse(email).success;

/**
 * Starts an import of contacts from CSV (admins). The file is read and its header checked at once, so a file that is no
 * contacts CSV is refused with the problem named; the rows are then created one by one in the background through the
 * create-contact use case (generated credentials, welcome email as the setting says), and `run` reports each row.
 * The generated passwords go out only in the welcome emails; the report never holds them.
 */
export async function startContactImport(deps: Deps, ctx: Ctx, csv: string): Promise<{ job: ContactImport; run: () => Promise<void> }> {
  requireAdmin(ctx);
  const parsed = parseContactsCsv(csv);
  const jobId = await withTransaction(deps.pool, async (client) => {
    await interruptStalledContactImports(client, ctx.tenantId, IMPORT_HEARTBEAT_SECONDS);
    const id = await insertContactImport(client, ctx.tenantId, {
      createdBy: ctx.actor.id,
      total: parsed.rows.length,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
    });
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'contact.import_started',
      targetKind: 'contact_import',
      targetId: id,
      details: { rows: parsed.rows.length },
    });
    return id;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? new AppError('import_running', 'an import of this tenant is running', { cause: error }) : error;
  });
  const job = contactImportView((await findContactImport(deps.pool, ctx.tenantId, jobId, IMPORT_HEARTBEAT_SECONDS))!);
  return { job, run: () => runImport(deps, ctx, jobId, parsed.rows) };
}

async function runImport(deps: Deps, ctx: Ctx, jobId: string, rows: CsvContactRow[]): Promise<void> {
  const companies: CompanyForImport[] = (await listCompanies(deps.pool, ctx.tenantId)).map((company) => ({
    id: company.id,
    name: company.name,
    emailDomains: company.email_domains,
  }));
  const welcomeEmail = (await loadSettings(deps.pool, ctx.tenantId)).welcomeEmail.automatic;
  const firstRowOfEmail = new Map<string, number>();
  let batch: ContactImportReport[] = [];
  let flushedAt = Date.now();
  for (const [index, row] of rows.entries()) {
    batch.push(await importRow(deps, ctx, row, companies, firstRowOfEmail, welcomeEmail));
    const done = index === rows.length - 1;
    if (done || batch.length >= FLUSH_EVERY_ROWS || Date.now() - flushedAt >= FLUSH_EVERY_MS) {
      await appendContactImportRows(deps.pool, ctx.tenantId, jobId, batch, done);
      batch = [];
      flushedAt = Date.now();
    }
  }
}

async function importRow(
  deps: Deps,
  ctx: Ctx,
  row: CsvContactRow,
  companies: CompanyForImport[],
  firstRowOfEmail: Map<string, number>,
  welcomeEmail: boolean,
): Promise<ContactImportReport> {
  const resolved = resolveCsvRow(row, companies, isEmail);
  const base = { row: row.row, name: resolved.ok ? resolved.name : row.name || [row.firstName, row.lastName].filter(Boolean).join(' '), email: row.email };
  if (!resolved.ok) return { ...base, status: 'skipped', reason: resolved.reason, ...(resolved.detail ? { detail: resolved.detail } : {}) };

  const key = canonicalUsername(resolved.email);
  const earlier = firstRowOfEmail.get(key);
  if (earlier !== undefined) return { ...base, status: 'skipped', reason: 'duplicate_in_file', detail: `row ${earlier}` };
  firstRowOfEmail.set(key, row.row);

  try {
    const { name, email, companyId, language, primary, phone } = resolved;
    const created = await createContact(deps, ctx, { name, email, companyId, language, primary, phone });
    return { ...base, status: 'created', contactId: created.contact.id, username: created.username, welcomeEmail };
  } catch (error) {
    const reason = isAppError(error) ? SKIP_REASON_OF_ERROR[error.code] : undefined;
    if (!reason) throw error;
    return { ...base, status: 'skipped', reason };
  }
}
