import type { CatalogAdminApp, CreateCatalogAppInput, UpdateCatalogAppInput } from '../../../domain/catalog/catalog-admin-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export const listCatalog = () => request<{ apps: CatalogAdminApp[] }>('/api/v1/admin/catalog');
export const createCatalogApp = (input: CreateCatalogAppInput) => request<CatalogAdminApp>('/api/v1/admin/catalog', { method: 'POST', body: input });
export const updateCatalogApp = (id: string, input: UpdateCatalogAppInput) =>
  request<CatalogAdminApp>(`/api/v1/admin/catalog/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const deleteCatalogApp = (id: string) => request<unknown>(`/api/v1/admin/catalog/${encodeURIComponent(id)}`, { method: 'DELETE' });
