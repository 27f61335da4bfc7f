import type * as z from 'zod';
import type { ContactSummary } from '../../../domain/contacts/list-contacts.js';
import type { EmbedSecretSchema } from '../../../domain/embed/get-embed-secret.js';
import type { PortalHostname } from '../../../domain/portal/get-portal-hostname.js';
import type { PortalSettings } from '../../../domain/settings/settings-schema.js';
import { request } from '../../../portal-widget/src/api/http.js';

export type EmbedSecret = z.infer<typeof EmbedSecretSchema>;

export const getSettings = () => request<PortalSettings>('/api/v1/admin/settings');
/** A JSON merge patch: objects merge, arrays and values replace, null removes. */
export const patchSettings = (patch: Record<string, unknown>) => request<PortalSettings>('/api/v1/admin/settings', { method: 'PATCH', body: patch });

export const searchContacts = (q: string, limit = 20) =>
  request<{ contacts: ContactSummary[] }>(`/api/v1/admin/contacts?${new URLSearchParams({ q, limit: String(limit) }).toString()}`);

export const getEmbedSecret = () => request<EmbedSecret>('/api/v1/admin/embed/secret');
export const rotateEmbedSecret = () => request<EmbedSecret>('/api/v1/admin/embed/secret/rotate', { method: 'POST' });

export const getPortalHostname = () => request<PortalHostname>('/api/v1/admin/portal/hostname');
export const checkPortalHostname = () => request<PortalHostname>('/api/v1/admin/portal/hostname/check', { method: 'POST' });
