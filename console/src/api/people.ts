import type { Company, CreateCompanyInput, UpdateCompanyInput } from '../../../domain/companies/company-schemas.js';
import type { ContactImport } from '../../../domain/contacts/contact-import-schemas.js';
import type { CreateContactInput, CreatedContact } from '../../../domain/contacts/create-contact.js';
import type { ContactDetail } from '../../../domain/contacts/get-contact.js';
import type { ContactSummary } from '../../../domain/contacts/list-contacts.js';
import type { WelcomeQueued } from '../../../domain/contacts/send-welcome-email.js';
import type { UpdateContactInput } from '../../../domain/contacts/update-contact.js';
import type { OutboxEmail } from '../../../domain/email/list-email-outbox.js';
import type { PortalSettings } from '../../../domain/settings/settings-schema.js';
import { request } from '../../../portal-widget/src/api/http.js';

export const listCompanies = () => request<{ companies: Company[] }>('/api/v1/admin/companies');
export const createCompany = (input: CreateCompanyInput) => request<Company>('/api/v1/admin/companies', { method: 'POST', body: input });
export const updateCompany = (id: string, input: UpdateCompanyInput) =>
  request<Company>(`/api/v1/admin/companies/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const searchContacts = (q: string, limit: number) =>
  request<{ contacts: ContactSummary[] }>(`/api/v1/admin/contacts?${new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), limit: String(limit) })}`);
export const createContact = (input: CreateContactInput) => request<CreatedContact>('/api/v1/admin/contacts', { method: 'POST', body: input });
export const getContact = (id: string) => request<ContactDetail>(`/api/v1/admin/contacts/${encodeURIComponent(id)}`);
export const updateContact = (id: string, input: UpdateContactInput) =>
  request<ContactDetail>(`/api/v1/admin/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const resetPasswordAndSend = (id: string) =>
  request<WelcomeQueued>(`/api/v1/admin/contacts/${encodeURIComponent(id)}/welcome`, { method: 'POST' });
export const removeContactPhone = (id: string) => request<unknown>(`/api/v1/admin/contacts/${encodeURIComponent(id)}/phone`, { method: 'DELETE' });

export const listSentEmails = () => request<{ emails: OutboxEmail[] }>('/api/v1/admin/outbox/email?limit=200');

export const getSettings = () => request<PortalSettings>('/api/v1/admin/settings');

export const startContactImport = (csv: string) => request<ContactImport>('/api/v1/admin/contacts/import', { method: 'POST', body: { csv } });
export const getContactImport = (id: string, rowsFrom: number) =>
  request<ContactImport>(`/api/v1/admin/contacts/import/${encodeURIComponent(id)}?rowsFrom=${rowsFrom}`);
