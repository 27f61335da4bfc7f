import type { Language } from '../../../i18n/languages.js';
import { request } from './http.js';

export const getMessages = (lang: Language) => request<{ lang: Language; messages: Record<string, string> }>(`/api/v1/i18n/${lang}`);
