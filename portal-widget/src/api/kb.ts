import type { ArticleView, KbSearchResult } from '../../../domain/kb/kb-schemas.js';
import { request } from './http.js';

export type PopularArticle = { articleId: string; slug: string; title: string; lang: string; views: number };

export const searchArticles = (q: string) => request<{ results: KbSearchResult[] }>(`/api/v1/kb/search?q=${encodeURIComponent(q)}`);
export const popularArticles = () => request<{ articles: PopularArticle[] }>('/api/v1/kb/popular?limit=8');
export const getArticle = (ref: string) => request<ArticleView>(`/api/v1/kb/articles/${encodeURIComponent(ref)}`);
export const sendArticleFeedback = (id: string, helpful: boolean) =>
  request<{ helpful: number; notHelpful: number }>(`/api/v1/kb/articles/${encodeURIComponent(id)}/feedback`, { method: 'POST', body: { helpful } });
