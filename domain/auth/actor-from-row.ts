import type { ContactRow, TechnicianRow } from '../../db/repositories/principals.js';
import { isLanguage } from '../../i18n/languages.js';
import type { ContactActor, TechnicianActor } from '../context.js';

/** A contact as the domain sees them, from the columns that say who they are. */
export function contactActor(row: Pick<ContactRow, 'id' | 'name' | 'company_id' | 'is_primary' | 'language'>): ContactActor {
  return {
    kind: 'contact',
    id: row.id,
    name: row.name,
    companyId: row.company_id,
    primary: row.is_primary,
    language: isLanguage(row.language) ? row.language : 'en',
  };
}

export function technicianActor(row: TechnicianRow): TechnicianActor {
  return { kind: 'technician', id: row.id, name: row.name, admin: row.is_admin, language: isLanguage(row.language) ? row.language : 'en' };
}
