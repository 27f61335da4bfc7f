import { describe, expect, it } from '@jest/globals';
import { parseContactsCsv, readLanguage, resolveCsvRow } from './contacts-csv.js';

const companies = [
  { id: 'acme', name: 'Acme Dental', emailDomains: ['acmedental.example'] },
  { id: 'muller', name: 'Müller GmbH', emailDomains: ['müller.example'] },
];
const isEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

describe('contacts CSV', () => {
  it('maps headers written in the five languages, with a byte order mark and tabs', () => {
    const parsed = parseContactsCsv('\uFEFFPrénom\tNachname\tCorreo electrónico\tAzienda\tTéléphone\n Ada \tLovelace\tada@acmedental.example\tacme dental\t\n');
    expect(parsed.columns).toEqual({ firstName: 'Prénom', lastName: 'Nachname', email: 'Correo electrónico', company: 'Azienda', phone: 'Téléphone' });
    expect(parsed.rows).toEqual([expect.objectContaining({ row: 2, firstName: 'Ada', lastName: 'Lovelace', company: 'acme dental' })]);
    expect(resolveCsvRow(parsed.rows[0]!, companies, isEmail)).toMatchObject({ ok: true, name: 'Ada Lovelace', companyId: 'acme' });
  });

  it('finds the company by a domain written in Unicode or punycode, or by the email when none is given', () => {
    const row = { row: 2, name: 'A', firstName: '', lastName: '', email: 'a@other.example', language: '', phone: '', primary: '' };
    expect(resolveCsvRow({ ...row, company: 'xn--mller-kva.example' }, companies, isEmail)).toMatchObject({ ok: true, companyId: 'muller' });
    expect(resolveCsvRow({ ...row, company: '', email: 'a@MÜLLER.example' }, companies, isEmail)).toMatchObject({ ok: true, companyId: 'muller' });
    expect(resolveCsvRow({ ...row, company: '' }, companies, isEmail)).toEqual({ ok: false, reason: 'unknown_company', detail: 'other.example' });
  });

  it('reads languages as codes, regional codes and names in the five languages', () => {
    expect(['FR', 'de-CH', 'it_IT', 'Español', 'anglais', ''].map(readLanguage)).toEqual(['fr', 'de', 'it', 'es', 'en', undefined]);
    expect(readLanguage('pt')).toBe('bad');
  });
});
