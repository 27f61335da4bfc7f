import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ArticleView } from '../../../domain/kb/kb-schemas.js';
import { portalUrl } from '../app/environment.js';
import { LanguageBadge } from '../components/LanguageBadge.js';
import { tr } from '../i18n/i18n.js';
import { article, articleFeedback, closeArticle, loadPopular, openArticle, popular, query, rateArticle, results, setQuery } from '../store/kb.js';
import { Loaded } from '../components/Loaded.js';
import { useFocusAfterRender } from '../components/use-focus-after-render.js';

/** The text an escaped string stands for; a detached textarea reads entities and never markup. */
function decode(escaped: string): string {
  const box = document.createElement('textarea');
  box.innerHTML = escaped;
  return box.value;
}

/** The search's snippet is escaped text with the matched words in <mark>: shown as text, the marks as elements. */
function Snippet({ escaped }: { escaped: string }) {
  const parts = escaped.split(/<mark>|<\/mark>/);
  return <p class="kb-snippet">{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{decode(part)}</mark> : decode(part)))}</p>;
}

function ArticleLink({ slug, title, lang }: { slug: string; title: string; lang: string }) {
  return (
    <a
      href={portalUrl(`/kb/${encodeURIComponent(slug)}`)}
      lang={lang}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        void openArticle(slug);
      }}
    >
      {title}
    </a>
  );
}

function ArticleList() {
  const searching = query.value.trim() !== '';
  const shown = searching ? results.value : popular.value;
  return (
    <div class="kb-list">
      <h2 id="kb-list-title">{tr(searching ? 'shell.kb.results' : 'shell.kb.popular')}</h2>
      <p role="status" class="kb-status">
        {shown.state === 'loading'
          ? tr('shell.loading')
          : shown.state === 'failed'
            ? shown.message
            : shown.state === 'loaded' && shown.value.length === 0
              ? tr('shell.kb.noResults')
              : searching && shown.state === 'loaded'
                ? tr('shell.kb.resultCount', { count: shown.value.length })
                : ''}
      </p>
      {searching && results.value.state === 'loaded' && (
        <ul class="kb-results" aria-labelledby="kb-list-title">
          {results.value.value.map((result) => (
            <li key={result.articleId}>
              <ArticleLink slug={result.slug} title={result.title} lang={result.lang} /> <LanguageBadge lang={result.lang} />
              <Snippet escaped={result.snippet} />
            </li>
          ))}
        </ul>
      )}
      {!searching && popular.value.state === 'loaded' && (
        <ul class="kb-results" aria-labelledby="kb-list-title">
          {popular.value.value.map((each) => (
            <li key={each.articleId}>
              <ArticleLink slug={each.slug} title={each.title} lang={each.lang} /> <LanguageBadge lang={each.lang} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Article({ value }: { value: ArticleView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [value.id]);
  const feedback = articleFeedback.value;
  return (
    <article class="kb-article" lang={value.lang} aria-labelledby="kb-article-title">
      <h2 id="kb-article-title" tabIndex={-1} ref={heading}>
        {value.title} <LanguageBadge lang={value.lang} />
      </h2>
      <div
        class="kb-article-body"
        // Rendered from Markdown and sanitized on the server (kb-index/render): no script, no foreign scheme.
        dangerouslySetInnerHTML={{ __html: value.html }}
        onClick={(event) => {
          const link = (event.target as Element).closest('a');
          const slug = /^\/kb\/([\w-]+)$/.exec(link?.getAttribute('href') ?? '')?.[1];
          if (!slug) return;
          event.preventDefault();
          void openArticle(slug);
        }}
      />
      <div class="feedback" role="group" aria-labelledby="kb-helpful">
        <span id="kb-helpful">{tr('shell.kb.helpful')}</span>
        {feedback.answered ? (
          <p class="feedback-thanks" role="status">
            {tr('chat.feedback.thanks')}
          </p>
        ) : (
          <>
            <button type="button" class="secondary" onClick={() => void rateArticle(value.id, true)}>
              {tr('chat.feedback.yes')}
            </button>
            <button type="button" class="secondary" onClick={() => void rateArticle(value.id, false)}>
              {tr('chat.feedback.no')}
            </button>
          </>
        )}
        {feedback.error && (
          <p class="inline-error" role="alert">
            {feedback.error}
          </p>
        )}
      </div>
    </article>
  );
}

export function KnowledgeBaseView({ hidden }: { hidden: boolean }) {
  const search = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();
  useEffect(() => {
    if (!hidden) void loadPopular();
  }, [hidden]);
  const open = article.value;

  return (
    <section id="kb" class="card kb" role="tabpanel" aria-labelledby="tab-kb" hidden={hidden}>
      <h1>{tr('shell.kb.title')}</h1>
      {open ? (
        <>
          <button
            type="button"
            class="secondary back"
            onClick={() => {
              focusAfterRender(() => search.current);
              closeArticle();
            }}
          >
            {tr('shell.kb.back')}
          </button>
          <Loaded value={open}>{(value) => <Article value={value} />}</Loaded>
        </>
      ) : (
        <>
          <div class="kb-search">
            <label for="kb-search" class="visually-hidden">
              {tr('shell.kb.search')}
            </label>
            <input
              id="kb-search"
              type="search"
              ref={search}
              placeholder={tr('shell.kb.search')}
              autocomplete="off"
              value={query.value}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <ArticleList />
        </>
      )}
    </section>
  );
}
