// The knowledge base tab: popular articles while the search is empty, results as the user types, one article open.
import { signal } from '@preact/signals';
import type { ArticleView, KbSearchResult } from '../../../domain/kb/kb-schemas.js';
import { getArticle, popularArticles, searchArticles, sendArticleFeedback, type PopularArticle } from '../api/kb.js';
import type { Loadable } from './loadable.js';

const SEARCH_DELAY_MS = 200;


export const query = signal('');
export const results = signal<Loadable<KbSearchResult[]>>({ state: 'idle' });
export const popular = signal<Loadable<PopularArticle[]>>({ state: 'idle' });
export const article = signal<Loadable<ArticleView> | undefined>(undefined);
/** The answer to "Was this article helpful?" given for the open article. */
export const articleFeedback = signal<{ error?: string; answered?: boolean }>({});

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

export async function loadPopular(): Promise<void> {
  if (popular.value.state === 'loaded') return;
  popular.value = { state: 'loading' };
  const answer = await popularArticles();
  popular.value = answer.ok ? { state: 'loaded', value: answer.body.articles } : { state: 'failed', message: answer.error.message };
}

/** Searches once the user pauses typing; only the latest search's results are shown. */
export function setQuery(text: string): void {
  query.value = text;
  clearTimeout(searchTimer);
  const q = text.trim();
  if (!q) {
    results.value = { state: 'idle' };
    return;
  }
  const seq = ++searchSeq;
  searchTimer = setTimeout(() => {
    if (results.value.state !== 'loaded') results.value = { state: 'loading' };
    void searchArticles(q).then((answer) => {
      if (seq !== searchSeq) return;
      results.value = answer.ok ? { state: 'loaded', value: answer.body.results } : { state: 'failed', message: answer.error.message };
    });
  }, SEARCH_DELAY_MS);
}

/** Opens an article by id or slug. */
export async function openArticle(ref: string): Promise<void> {
  article.value = { state: 'loading' };
  articleFeedback.value = {};
  const answer = await getArticle(ref);
  article.value = answer.ok ? { state: 'loaded', value: answer.body } : { state: 'failed', message: answer.error.message };
}

export function closeArticle(): void {
  article.value = undefined;
}

export async function rateArticle(id: string, helpful: boolean): Promise<void> {
  const answer = await sendArticleFeedback(id, helpful);
  articleFeedback.value = answer.ok ? { answered: true } : { error: answer.error.message };
}

export function forgetKnowledgeBase(): void {
  clearTimeout(searchTimer);
  searchSeq++;
  query.value = '';
  results.value = { state: 'idle' };
  popular.value = { state: 'idle' };
  article.value = undefined;
  articleFeedback.value = {};
}
