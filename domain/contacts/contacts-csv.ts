import { CsvError, parse } from 'csv-parse/sync';
import { LANGUAGES, type Language } from '../../i18n/languages.js';
import { AppError } from '../errors.js';
import { normalizeEmailDomain } from '../companies/email-domain.js';

/** What one import may hold: enough for a large customer, small enough that its report stays one answer. */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_CSV_CHARS = 2_000_000;

export const CSV_FIELDS = ['name', 'firstName', 'lastName', 'email', 'company', 'language', 'phone', 'primary'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** A row as read, with its row number as a spreadsheet shows it (the header is row 1). */
export type CsvContactRow = { row: number } & Record<CsvField, string>;

export type ParsedContactsCsv = {
  /** Which header of the file fills each field. */
  columns: Partial<Record<CsvField, string>>;
  /** Headers that fill no field, so the technician sees what was left out. */
  ignoredColumns: string[];
  rows: CsvContactRow[];
};

/** Header names as spreadsheets in the five languages write them, compared without case, accents or punctuation. */
const HEADER_ALIASES: Record<CsvField, string[]> = {
  name: ['name', 'full name', 'contact', 'contact name', 'display name', 'nom', 'nom complet', 'vollstandiger name', 'nombre', 'nombre completo', 'nome', 'nome completo'],
  firstName: ['first name', 'given name', 'prenom', 'vorname', 'nombre de pila'],
  lastName: ['last name', 'surname', 'family name', 'nom de famille', 'nachname', 'apellido', 'apellidos', 'cognome'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'courriel', 'adresse e mail', 'e mail adresse', 'correo', 'correo electronico', 'indirizzo email'],
  company: ['company', 'company name', 'organization', 'organisation', 'customer', 'client', 'entreprise', 'societe', 'firma', 'unternehmen', 'empresa', 'azienda', 'societa'],
  language: ['language', 'lang', 'locale', 'langue', 'sprache', 'idioma', 'lingua'],
  phone: ['phone', 'mobile', 'mobile phone', 'cell', 'cell phone', 'phone number', 'telephone', 'portable', 'telefon', 'handy', 'mobilnummer', 'telefono', 'movil', 'cellulare'],
  primary: ['primary', 'primary contact', 'is primary', 'contact principal', 'principal', 'hauptkontakt', 'contacto principal', 'contatto principale', 'referente'],
};

const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en', anglais: 'en', englisch: 'en', ingles: 'en', inglese: 'en',
  french: 'fr', francais: 'fr', franzosisch: 'fr', frances: 'fr', francese: 'fr',
  german: 'de', allemand: 'de', deutsch: 'de', aleman: 'de', tedesco: 'de',
  spanish: 'es', espagnol: 'es', spanisch: 'es', espanol: 'es', castellano: 'es', spagnolo: 'es',
  italian: 'it', italien: 'it', italienisch: 'it', italiano: 'it',
};

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'ja', 'si', 'primary']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'non', 'nein']);

/** Lower case, accents and punctuation gone, single spaces: how headers and names are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FIELD_OF_HEADER = new Map(CSV_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [foldText(alias), field] as const)));

function csvProblem(detail: string): AppError {
  return new AppError('validation_failed', `csv: ${detail}`, { params: { detail: `csv: ${detail}` } });
}

/** The separator of the header line: spreadsheets in much of Europe write semicolons, some exports tabs. */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/**
 * Reads a contacts CSV: the header row names the columns (in any of the five languages, any order), every other row is
 * a contact. Refuses, naming the problem, a file that cannot be read as CSV, one without an email or a name column, and
 * one over the size of an import; problems of single rows are left to the report.
 */
export function parseContactsCsv(text: string): ParsedContactsCsv {
  if (text.trim() === '') throw csvProblem('the file is empty');
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: guessDelimiter(text.replace(/^\uFEFF/, '')), trim: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error.message);
    throw error;
  }
  const [header = [], ...body] = records;
  const columns: Partial<Record<CsvField, string>> = {};
  const indexes: Partial<Record<CsvField, number>> = {};
  const ignoredColumns: string[] = [];
  for (const [index, title] of header.entries()) {
    const field = FIELD_OF_HEADER.get(foldText(title));
    if (!field) {
      if (title !== '') ignoredColumns.push(title);
      continue;
    }
    if (columns[field] !== undefined) throw csvProblem(`the columns "${columns[field]}" and "${title}" both hold the ${field}`);
    columns[field] = title;
    indexes[field] = index;
  }
  const found = header.filter((title) => title !== '').join(', ') || 'nothing';
  if (indexes.email === undefined) throw csvProblem(`no email column in the header row (it holds: ${found})`);
  if (indexes.name === undefined && indexes.firstName === undefined && indexes.lastName === undefined) {
    throw csvProblem(`no name column in the header row (it holds: ${found})`);
  }

  const rows: CsvContactRow[] = [];
  for (const [index, record] of body.entries()) {
    if (record.every((cell) => cell === '')) continue;
    const cell = (field: CsvField) => (indexes[field] === undefined ? '' : (record[indexes[field]] ?? ''));
    rows.push({ row: index + 2, ...Object.fromEntries(CSV_FIELDS.map((field) => [field, cell(field)])) } as CsvContactRow);
  }
  if (rows.length === 0) throw csvProblem('no contacts under the header row');
  if (rows.length > MAX_IMPORT_ROWS) throw csvProblem(`${rows.length} contacts, at most ${MAX_IMPORT_ROWS} per import`);
  return { columns, ignoredColumns, rows };
}

export type CompanyForImport = { id: string; name: string; emailDomains: string[] };

export type RowProblem = 'missing_name' | 'bad_email' | 'bad_language' | 'bad_primary' | 'unknown_company';

export type ResolvedRow =
  | { ok: true; name: string; email: string; companyId: string; language?: Language; primary: boolean; phone?: string }
  | { ok: false; reason: RowProblem; detail: string };

export function readLanguage(value: string): Language | undefined | 'bad' {
  if (value === '') return undefined;
  const code = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  return LANGUAGE_NAMES[foldText(value)] ?? 'bad';
}

/**
 * Turns a row into the create-contact input: the name (or first and last names), the company by its name, by one of
 * its email domains written in the company column, or, with no company given, by the domain of the contact's email.
 */
export function resolveCsvRow(row: CsvContactRow, companies: CompanyForImport[], isEmail: (email: string) => boolean): ResolvedRow {
  const name = row.name || [row.firstName, row.lastName].filter(Boolean).join(' ');
  if (!name) return { ok: false, reason: 'missing_name', detail: '' };
  if (!isEmail(row.email)) return { ok: false, reason: 'bad_email', detail: row.email };
  const language = readLanguage(row.language);
  if (language === 'bad') return { ok: false, reason: 'bad_language', detail: row.language };
  const primary = foldText(row.primary);
  if (!YES.has(primary) && !NO.has(primary)) return { ok: false, reason: 'bad_primary', detail: row.primary };

  let company: CompanyForImport | undefined;
  if (row.company) {
    const folded = foldText(row.company);
    const domain = normalizeEmailDomain(row.company);
    company =
      companies.find((candidate) => foldText(candidate.name) === folded) ??
      (domain ? companies.find((candidate) => candidate.emailDomains.includes(domain)) : undefined);
  } else {
    const domain = normalizeEmailDomain(row.email.slice(row.email.lastIndexOf('@') + 1));
    company = domain ? companies.find((candidate) => candidate.emailDomains.includes(domain)) : undefined;
  }
  if (!company) return { ok: false, reason: 'unknown_company', detail: row.company || row.email.slice(row.email.lastIndexOf('@') + 1) };

  return {
    ok: true,
    name,
    email: row.email,
    companyId: company.id,
    ...(language ? { language } : {}),
    primary: YES.has(primary),
    ...(row.phone ? { phone: row.phone } : {}),
  };
}
