import type { MeView } from '../../../domain/auth/describe-me.js';
import { request } from '../../../portal-widget/src/api/http.js';

export const getMe = () => request<MeView>('/api/v1/me');
export const login = (username: string, password: string) =>
  request<unknown>('/api/v1/auth/login', { method: 'POST', body: { username, password } });
export const logout = () => request<unknown>('/api/v1/auth/logout', { method: 'POST' });
