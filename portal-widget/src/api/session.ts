import type { MeView } from '../../../domain/auth/describe-me.js';
import type { Language } from '../../../i18n/languages.js';
import { request } from './http.js';

export type Me = MeView;

export const getMe = () => request<Me>('/api/v1/me');
export const login = (username: string, password: string) => request<unknown>('/api/v1/auth/login', { method: 'POST', body: { username, password } });
export const logout = () => request<unknown>('/api/v1/auth/logout', { method: 'POST' });
export const setLanguage = (language: Language) => request<Me>('/api/v1/me', { method: 'PATCH', body: { language } });
