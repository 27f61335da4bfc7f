// The article list's filters live in the address (/console/kb?language=fr&tag=vpn&q=printer), as the ticket queue's
// do, so a view can be reloaded and shared.
import type { AdminArticleQuery } from '../../../domain/kb/kb-schemas.js';
import { LANGUAGES, type Language } from '../../../i18n/languages.js';

export type ArticleVisibility = NonNullable<AdminArticleQuery['visibility']>;
// A record rather than the server's list, which would bring the validation library into the console's bundle.
const VISIBILITY_SET: Record<ArticleVisibility, true> = { portal: true, technicians: true };
export const VISIBILITIES = Object.keys(VISIBILITY_SET) as ArticleVisibility[];

export const PAGE_SIZE = 25;

export type ArticleListFilters = { q?: string; language?: Language; visibility?: ArticleVisibility; tag?: string; page: number };

/** What the address says; anything it cannot mean is left out rather than sent to be refused. */
export function filtersFromSearch(search: string): ArticleListFilters {
  const params = new URLSearchParams(search);
  const q = params.get('q')?.trim().slice(0, 200);
  const language = params.get('language');
  const visibility = params.get('visibility');
  const tag = params.get('tag')?.trim().slice(0, 60);
  const page = Number(params.get('page'));
  return {
    ...(q ? { q } : {}),
    ...(language && (LANGUAGES as readonly string[]).includes(language) ? { language: language as Language } : {}),
    ...(visibility && (VISIBILITIES as string[]).includes(visibility) ? { visibility: visibility as ArticleVisibility } : {}),
    ...(tag ? { tag } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address's query for these filters, "" for the whole list. */
export function searchOf(filters: ArticleListFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.language) params.set('language', filters.language);
  if (filters.visibility) params.set('visibility', filters.visibility);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function apiQuery(filters: ArticleListFilters): Partial<AdminArticleQuery> {
  return { q: filters.q, language: filters.language, visibility: filters.visibility, tag: filters.tag, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE };
}
