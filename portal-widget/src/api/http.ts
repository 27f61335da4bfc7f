// Every HTTP call of the portal goes through here: JSON both ways, and the server's error (already in the user's
// language) handed back rather than thrown. Embedded on another site, calls go to the portal's origin with the bearer
// token; a token the server no longer accepts is forgotten.
import { embedded, portalUrl } from '../app/environment.js';
import { currentToken, forgetToken } from './token.js';

export type ApiError = { code: string; message: string };
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiError };

export async function request<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  const token = embedded() ? currentToken()?.token : undefined;
  let answer: Response;
  try {
    answer = await fetch(portalUrl(path), {
      method: options.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: '' } };
  }
  // Only the token refused: another may have been issued meanwhile.
  if (answer.status === 401 && token && currentToken()?.token === token) forgetToken();
  const body: unknown = answer.status === 204 ? undefined : await answer.json().catch(() => undefined);
  if (answer.ok) return { ok: true, status: answer.status, body: body as T };
  const error = (body as { error?: ApiError } | undefined)?.error ?? { code: 'internal', message: answer.statusText };
  return { ok: false, status: answer.status, error };
}

/**
 * Saves a file of the portal under its name. Embedded, the link cannot carry the bearer token, so the file is fetched
 * with it and handed to the browser as a download; answers whether that worked.
 */
export async function downloadFile(path: string, filename: string): Promise<boolean> {
  const token = currentToken()?.token;
  try {
    const answer = await fetch(portalUrl(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!answer.ok) return false;
    const url = URL.createObjectURL(await answer.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
