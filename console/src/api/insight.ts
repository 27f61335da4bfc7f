import type { Analytics } from '../../../domain/analytics/analytics-schemas.js';
import type { AuditPage } from '../../../domain/audit/audit-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

/** Leaves out the empty values, so that the server applies its defaults. */
const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]]))).toString();

export const getAnalytics = (params: { from: string; to: string; companyId?: string }) => request<Analytics>(`/api/v1/admin/analytics?${query(params)}`);

export type AuditFilters = { q?: string; action?: string; entity?: string; from?: string; to?: string; limit: number; offset: number };
export const getAudit = (filters: AuditFilters) => request<AuditPage>(`/api/v1/admin/audit?${query(filters)}`);
