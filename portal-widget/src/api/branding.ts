import type { BrandingView } from '../../../domain/settings/branding.js';
import { request } from './http.js';

export const getBranding = () => request<BrandingView>('/api/v1/portal/branding');
