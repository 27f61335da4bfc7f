import * as z from 'zod';
import type { ContactImportRow } from '../../db/repositories/contact-imports.js';
import { MAX_CSV_CHARS } from './contacts-csv.js';

/** A node that has not written a running import's progress for this long has stopped working on it. */
export const IMPORT_HEARTBEAT_SECONDS = 120;

export const ImportContactsSchema = z.strictObject({
  csv: z
    .string()
    .max(MAX_CSV_CHARS)
    .meta({
      description:
        'The CSV text. A header row names the columns, in any order: name (or first and last name), email, and optionally company (its name, or one of its email domains; by default the company holding the email\'s domain), language (en, fr, de, es, it), phone (mobile, with country code), primary (yes/no). Commas, semicolons or tabs.',
    }),
});

export const IMPORT_SKIP_REASONS = [
  'missing_name',
  'bad_email',
  'bad_language',
  'bad_primary',
  'bad_phone',
  'unknown_company',
  'duplicate_email',
  'duplicate_in_file',
] as const;

export const ContactImportRowSchema = z
  .object({
    row: z.number().int().meta({ description: "The row's number as a spreadsheet shows it; the header is row 1." }),
    status: z.enum(['created', 'skipped']),
    name: z.string(),
    email: z.string(),
    reason: z.enum(IMPORT_SKIP_REASONS).optional().meta({ description: 'Why a row was skipped.' }),
    detail: z.string().optional().meta({ description: 'The value at fault, or the earlier row with the same email.' }),
    contactId: z.string().optional(),
    username: z.string().optional(),
    welcomeEmail: z.boolean().optional().meta({ description: 'Whether the welcome email with the credentials was queued (setting welcomeEmail.automatic).' }),
  })
  .meta({ id: 'ContactImportRow' });
export type ContactImportReport = z.infer<typeof ContactImportRowSchema>;

export const ContactImportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'interrupted']).meta({ description: 'interrupted: the server stopped during the import; rows not reported were not imported.' }),
    total: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    skipped: z.number().int(),
    columns: z.record(z.string(), z.string()).meta({ description: 'Which header of the file fills each field.' }),
    ignoredColumns: z.array(z.string()),
    rowsFrom: z.number().int(),
    rows: z.array(ContactImportRowSchema).meta({ description: 'The report of each row handled so far, from index rowsFrom on.' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ContactImport' });
export type ContactImport = z.infer<typeof ContactImportSchema>;

export const ContactImportParamsSchema = z.strictObject({ jobId: z.uuid() });
export const ContactImportQuerySchema = z.strictObject({
  rowsFrom: z.coerce.number().int().min(0).default(0).meta({ description: 'Only the rows from this index on, for a client that has the earlier ones.' }),
});

export function contactImportView(row: ContactImportRow, rowsFrom = 0): ContactImport {
  const rows = row.rows as ContactImportReport[];
  const created = rows.filter((entry) => entry.status === 'created').length;
  return {
    id: row.id,
    status: row.stalled ? 'interrupted' : row.status,
    total: row.total,
    processed: row.processed,
    created,
    skipped: rows.length - created,
    columns: row.columns,
    ignoredColumns: row.ignored_columns,
    rowsFrom,
    rows: rows.slice(rowsFrom),
    createdAt: row.created_at.toISOString(),
  };
}
