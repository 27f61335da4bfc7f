// Every HTTP call of the portal goes through here: JSON both ways, and the server's error (already in the user's
// language) handed back rather than thrown.

export type ApiError = { code: string; message: string };
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiError };

export async function request<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let answer: Response;
  try {
    answer = await fetch(path, {
      method: options.method ?? 'GET',
      headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: '' } };
  }
  const body: unknown = answer.status === 204 ? undefined : await answer.json().catch(() => undefined);
  if (answer.ok) return { ok: true, status: answer.status, body: body as T };
  const error = (body as { error?: ApiError } | undefined)?.error ?? { code: 'internal', message: answer.statusText };
  return { ok: false, status: answer.status, error };
}
