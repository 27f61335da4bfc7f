import type { MeView } from '../../../domain/auth/describe-me.js';
import type { VerifiedIdentity } from '../../../domain/auth/verified-identity.js';
import type { Language } from '../../../i18n/languages.js';
import { embedded } from '../app/environment.js';
import { request } from './http.js';
import { keepToken, type TokenGrant } from './token.js';

export type Me = MeView;

export const getMe = () => request<Me>('/api/v1/me');

/** Embedded, the session comes back as a bearer token, kept for the next calls. */
export async function login(username: string, password: string) {
  const answer = await request<Partial<TokenGrant>>('/api/v1/auth/login', {
    method: 'POST',
    body: { username, password, ...(embedded() ? { transport: 'token' } : {}) },
  });
  if (answer.ok && answer.body.token && answer.body.expiresAt) keepToken({ token: answer.body.token, expiresAt: answer.body.expiresAt });
  return answer;
}

/** The host page vouches for its user with a signature made with the embed secret. */
export async function loginWithIdentity(identity: VerifiedIdentity) {
  const answer = await request<TokenGrant>('/api/v1/auth/verified-identity', { method: 'POST', body: identity });
  if (answer.ok) keepToken(answer.body);
  return answer;
}

export async function renewToken() {
  const answer = await request<TokenGrant>('/api/v1/auth/token', { method: 'POST' });
  if (answer.ok) keepToken(answer.body);
  return answer;
}

export const logout = () => request<unknown>('/api/v1/auth/logout', { method: 'POST' });
export const setLanguage = (language: Language) => request<Me>('/api/v1/me', { method: 'PATCH', body: { language } });
