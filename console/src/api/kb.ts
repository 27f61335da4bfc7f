import type {
  AdminArticlePage,
  AdminArticleQuery,
  ArticleInput,
  ArticleSource,
  ArticleView,
  ImportSummary,
} from '../../../domain/kb/kb-schemas.js';
import { request, type ApiResult } from '../../../portal-widget/src/api/http.js';

export type ArticleFilters = Partial<AdminArticleQuery>;
/** What the import route takes: article files, or one zip of them, base64-encoded. */
export type ImportBody = { files: { path: string; contentBase64: string }[] } | { zipBase64: string };

function queryOf(filters: ArticleFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const listArticles = (filters: ArticleFilters) => request<AdminArticlePage>(`/api/v1/admin/kb/articles${queryOf(filters)}`);
export const getArticleSource = (id: string) => request<ArticleSource>(`/api/v1/admin/kb/articles/${encodeURIComponent(id)}`);
export const createArticle = (input: ArticleInput) => request<ArticleView>('/api/v1/admin/kb/articles', { method: 'POST', body: input });
export const updateArticle = (id: string, input: ArticleInput) =>
  request<ArticleView>(`/api/v1/admin/kb/articles/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
export const deleteArticle = (id: string) => request<unknown>(`/api/v1/admin/kb/articles/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const previewArticle = (body: string) => request<{ html: string }>('/api/v1/admin/kb/preview', { method: 'POST', body: { body } });

/**
 * Sends an import with the share of it uploaded so far reported as it goes (fetch cannot report an upload's
 * progress); the answer is read as `request` reads one.
 */
export function importArticles(body: ImportBody, onProgress: (sent: number) => void): Promise<ApiResult<ImportSummary>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/admin/kb/import');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: 'network', message: '' } });
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, status: xhr.status, body: parsed as ImportSummary });
      else {
        const error = (parsed as { error?: { code: string; message: string } } | undefined)?.error ?? { code: 'internal', message: xhr.statusText };
        resolve({ ok: false, status: xhr.status, error });
      }
    };
    xhr.send(JSON.stringify(body));
  });
}
