import type { CreateCustomFieldInput, CustomFieldView, UpdateCustomFieldInput } from '../../../domain/tickets/custom-field-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export const listCustomFields = () => request<{ fields: CustomFieldView[] }>('/api/v1/admin/custom-fields');
export const createCustomField = (input: CreateCustomFieldInput) => request<CustomFieldView>('/api/v1/admin/custom-fields', { method: 'POST', body: input });
export const updateCustomField = (id: string, input: UpdateCustomFieldInput) =>
  request<CustomFieldView>(`/api/v1/admin/custom-fields/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const deleteCustomField = (id: string) => request<undefined>(`/api/v1/admin/custom-fields/${encodeURIComponent(id)}`, { method: 'DELETE' });
