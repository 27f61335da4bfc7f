import { useEffect, useState } from 'preact/hooks';
import type { AdminArticlePage, AdminArticleSummary } from '../../../../domain/kb/kb-schemas.js';
import { LANGUAGES } from '../../../../i18n/languages.js';
import { listArticles } from '../../api/kb.js';
import { followLink, href, navigate, search } from '../../app/router.js';
import { OptionalSelect } from '../../components/OptionalSelect.js';
import { timeAgo, tr } from '../../i18n/i18n.js';
import { apiQuery, filtersFromSearch, PAGE_SIZE, searchOf, VISIBILITIES, type ArticleListFilters } from '../../store/kb-filters.js';
import { languageName } from '../contacts/languages.js';
import { ImportArticlesDialog } from './ImportArticlesDialog.js';

type List = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; page: AdminArticlePage };

function setFilters(current: ArticleListFilters, change: Partial<ArticleListFilters>): void {
  navigate(`/kb${searchOf({ ...current, page: 1, ...change })}`, { replace: true });
}

function Filters({ filters, tags }: { filters: ArticleListFilters; tags: string[] }) {
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  // Typing narrows the list after a pause, as a search box does; Enter at once.
  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => setFilters(filters, { q: text.trim() || undefined }), 350);
    return () => clearTimeout(timer);
  }, [text]);
  const filtered = searchOf({ ...filters, page: 1 }) !== '';
  return (
    <form
      class="filters kb-filters"
      role="search"
      aria-label={tr('console.kb.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(filters, { q: text.trim() || undefined });
      }}
    >
      <label class="filter-search">
        <span>{tr('console.kb.filter.search')}</span>
        <input type="search" value={text} placeholder={tr('console.kb.filter.searchHint')} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <OptionalSelect
        label={tr('console.kb.language')}
        anyLabel={tr('console.kb.filter.anyLanguage')}
        value={filters.language}
        options={LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
        onChange={(language) => setFilters(filters, { language })}
      />
      <OptionalSelect
        label={tr('console.kb.visibility')}
        anyLabel={tr('console.kb.filter.anyVisibility')}
        value={filters.visibility}
        options={VISIBILITIES.map((visibility) => ({ value: visibility, label: tr(`console.kb.visibility.${visibility}`) }))}
        onChange={(visibility) => setFilters(filters, { visibility })}
      />
      <OptionalSelect
        label={tr('console.kb.tag')}
        anyLabel={tr('console.kb.filter.anyTag')}
        value={filters.tag}
        options={[...new Set([...tags, ...(filters.tag ? [filters.tag] : [])])].map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => setFilters(filters, { tag })}
      />
      {filtered && (
        <button type="button" class="secondary filter-clear" onClick={() => navigate('/kb', { replace: true })}>
          {tr('console.kb.filter.clear')}
        </button>
      )}
    </form>
  );
}

function Row({ article }: { article: AdminArticleSummary }) {
  const to = `/kb/${article.id}`;
  return (
    <tr
      class="queue-row"
      onClick={(event) => {
        // The whole row opens the article for a mouse; the title is the link keyboards and screen readers use.
        if ((event.target as HTMLElement).closest('a')) return;
        navigate(to);
      }}
    >
      <th scope="row" class="cell-subject">
        <a href={href(to)} lang={article.lang} onClick={(event) => followLink(event, to)}>
          {article.title}
        </a>
        <span class="sub mono">{article.slug}</span>
      </th>
      <td class="cell-lang">
        <span class="lang-code">
          <abbr title={languageName(article.lang)}>{article.lang.toUpperCase()}</abbr>
        </span>
      </td>
      <td class="cell-tags">
        {article.tags.length > 0 ? (
          <ul class="chip-list" aria-label={tr('console.kb.tagsOf', { title: article.title })}>
            {article.tags.map((tag) => (
              <li key={tag} class="chip">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td class="cell-visibility">
        <span class={`visibility visibility-${article.visibility}`}>{tr(`console.kb.visibility.${article.visibility}`)}</span>
      </td>
      <td class="cell-feedback">
        <span>{tr('console.kb.feedbackCounts', { helpful: article.helpful, notHelpful: article.notHelpful })}</span>
        <span class="sub">{tr('console.kb.views', { count: article.views })}</span>
      </td>
      <td class="cell-updated">
        <time dateTime={article.updatedAt} title={article.updatedAt}>
          {timeAgo(article.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

/** Every article of the tenant, filtered from the address, newest change first, with the way to write or import more. */
export function ArticleList() {
  const filters = filtersFromSearch(search.value);
  const [list, setList] = useState<List>({ state: 'loading' });
  const [importing, setImporting] = useState(false);

  const load = async () => {
    const asked = search.peek();
    const answer = await listArticles(apiQuery(filters));
    // An answer for filters the technician has since changed is not shown.
    if (search.peek() !== asked) return;
    setList(answer.ok ? { state: 'ready', page: answer.body } : { state: 'failed', message: answer.error.message });
  };
  useEffect(() => {
    void load();
  }, [search.value]);

  const page = list.state === 'ready' ? list.page : undefined;
  const filtered = searchOf({ ...filters, page: 1 }) !== '';
  return (
    <section class="panel" aria-labelledby="kb-title">
      <div class="panel-head">
        <div class="queue-head">
          <h1 id="kb-title">{tr('console.kb.title')}</h1>
          <p class="muted queue-count" aria-live="polite">
            {page ? tr('console.kb.count', { count: page.total }) : ''}
          </p>
        </div>
        <div class="head-actions">
          <button type="button" class="secondary" onClick={() => setImporting(true)}>
            {tr('console.kb.import.open')}
          </button>
          <a class="button primary" href={href('/kb/new')} onClick={(event) => followLink(event, '/kb/new')}>
            {tr('console.kb.new')}
          </a>
        </div>
      </div>
      <p class="intro muted">{tr('console.kb.intro')}</p>
      <Filters filters={filters} tags={page?.tags ?? []} />
      {list.state === 'loading' && (
        <p class="muted loading" role="status">
          {tr('shell.loading')}
        </p>
      )}
      {list.state === 'failed' && (
        <p class="error" role="alert">
          {list.message}
        </p>
      )}
      {page && page.articles.length === 0 && (
        <div class="empty">
          <p>{tr(filtered ? 'console.kb.noMatch' : 'console.kb.empty')}</p>
          {!filtered && (
            <a class="button primary" href={href('/kb/new')} onClick={(event) => followLink(event, '/kb/new')}>
              {tr('console.kb.new')}
            </a>
          )}
        </div>
      )}
      {page && page.articles.length > 0 && (
        <>
          <table class="kb-list">
            <caption class="visually-hidden">{tr('console.kb.count', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.kb.articleTitle')}</th>
                <th scope="col">{tr('console.kb.languageShort')}</th>
                <th scope="col">{tr('console.kb.tags')}</th>
                <th scope="col">{tr('console.kb.visibility')}</th>
                <th scope="col">{tr('console.kb.feedback')}</th>
                <th scope="col">{tr('console.kb.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {page.articles.map((article) => (
                <Row key={article.id} article={article} />
              ))}
            </tbody>
          </table>
          <nav class="pages" aria-label={tr('console.kb.pages')}>
            <span>{tr('console.kb.range', { first: page.offset + 1, last: page.offset + page.articles.length, total: page.total })}</span>
            <button type="button" class="secondary" disabled={filters.page <= 1} onClick={() => setFilters(filters, { page: filters.page - 1 })}>
              {tr('console.kb.previous')}
            </button>
            <button type="button" class="secondary" disabled={page.offset + PAGE_SIZE >= page.total} onClick={() => setFilters(filters, { page: filters.page + 1 })}>
              {tr('console.kb.next')}
            </button>
          </nav>
        </>
      )}
      {importing && (
        <ImportArticlesDialog
          onImported={() => void load()}
          onClose={() => setImporting(false)}
        />
      )}
    </section>
  );
}
