import type { Queryable } from '../../db/transaction.js';
import { findContactImport } from '../../db/repositories/contact-imports.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { contactImportView, IMPORT_HEARTBEAT_SECONDS, type ContactImport } from './contact-import-schemas.js';

/** An import's progress and its report per row, for the console's progress bar. */
export async function getContactImport(q: Queryable, ctx: Ctx, jobId: string, rowsFrom: number): Promise<ContactImport> {
  requireAdmin(ctx);
  const row = await findContactImport(q, ctx.tenantId, jobId, IMPORT_HEARTBEAT_SECONDS);
  if (!row) throw new AppError('not_found', 'no such import');
  return contactImportView(row, rowsFrom);
}
