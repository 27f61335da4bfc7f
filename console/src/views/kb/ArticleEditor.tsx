import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleInput } from '../../../../domain/kb/kb-schemas.js';
import { LANGUAGES, type Language } from '../../../../i18n/languages.js';
import { createArticle, deleteArticle, getArticleSource, previewArticle, updateArticle } from '../../api/kb.js';
import { followLink, guardLeaving, href, navigate, search } from '../../app/router.js';
import { ChipsInput } from '../../components/ChipsInput.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { tr } from '../../i18n/i18n.js';
import { VISIBILITIES, type ArticleVisibility } from '../../store/kb-filters.js';
import { languageName } from '../contacts/languages.js';

type Draft = { title: string; lang: Language; tags: string[]; visibility: ArticleVisibility; slug: string; body: string };
type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; saved: Draft; sourcePath: string | null };

/** How long typing pauses before the preview asks the server to render it. */
const PREVIEW_DELAY_MS = 250;

/** A new article from the address: /kb/new?title=…&lang=… is what the Analytics screen links to. */
function draftFromSearch(query: string): Draft {
  const params = new URLSearchParams(query);
  const lang = params.get('lang');
  return {
    title: params.get('title')?.slice(0, 300) ?? '',
    lang: lang && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en',
    tags: [],
    visibility: 'portal',
    slug: '',
    body: '',
  };
}

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

function Preview({ title, lang, body }: { title: string; lang: Language; body: string }) {
  const [html, setHtml] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void previewArticle(body).then((answer) => {
        if (!current) return;
        if (answer.ok) {
          setHtml(answer.body.html);
          setError('');
        } else setError(answer.error.message);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body]);
  return (
    <div class="kb-preview kb-article" lang={lang}>
      <h2 class="kb-preview-title">{title || <span class="muted">{tr('console.kb.editor.untitled')}</span>}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {/* Rendered and sanitized on the server by the portal's own article renderer (kb-index/render). */}
      <div class="kb-article-body" dangerouslySetInnerHTML={{ __html: html }} />
      {body.trim() === '' && <p class="muted">{tr('console.kb.editor.previewEmpty')}</p>}
    </div>
  );
}

function Form({ id, saved, sourcePath }: { id: string | undefined; saved: Draft; sourcePath: string | null }) {
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(saved);
  const [pane, setPane] = useState<'write' | 'preview'>('write');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState(false);
  const dirty = !same(draft, base);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    guardLeaving(() => !dirtyRef.current || confirm(tr('console.kb.editor.leave')));
    const unload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    addEventListener('beforeunload', unload);
    return () => {
      guardLeaving(undefined);
      removeEventListener('beforeunload', unload);
    };
  }, []);

  const change = (part: Partial<Draft>) => {
    setDraft({ ...draft, ...part });
    setNotice('');
  };

  async function save() {
    if (busy) return;
    if (!form.current?.reportValidity()) return;
    setBusy(true);
    setError('');
    const input: ArticleInput = {
      title: draft.title,
      lang: draft.lang,
      tags: draft.tags,
      visibility: draft.visibility,
      body: draft.body,
      ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    };
    const answer = id ? await updateArticle(id, input) : await createArticle(input);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    const stored = { ...draft, title: answer.body.title, slug: answer.body.slug };
    setDraft(stored);
    setBase(stored);
    dirtyRef.current = false;
    setNotice(tr(id ? 'console.kb.editor.saved' : 'console.kb.editor.created', { title: answer.body.title }));
    if (!id) navigate(`/kb/${answer.body.id}`, { replace: true });
  }

  async function remove(): Promise<string | undefined> {
    const answer = await deleteArticle(id!);
    if (!answer.ok) return answer.error.message;
    dirtyRef.current = false;
    navigate('/kb');
    return undefined;
  }

  return (
    <form
      ref={form}
      class="kb-editor"
      aria-labelledby="kb-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div class="panel-head">
        <h1 id="kb-editor-title">{id ? tr('console.kb.editor.editTitle') : tr('console.kb.editor.newTitle')}</h1>
        <div class="head-actions">
          {dirty && <span class="badge badge-unsaved">{tr('console.kb.editor.unsaved')}</span>}
          {id && (
            <button type="button" class="danger" onClick={() => setDeleting(true)}>
              {tr('console.kb.editor.delete')}
            </button>
          )}
          <button type="submit" class="primary" disabled={busy} aria-keyshortcuts="Control+S">
            {id ? tr('console.kb.editor.save') : tr('console.kb.editor.create')}
          </button>
        </div>
      </div>
      {sourcePath && <p class="field-hint kb-source">{tr('console.kb.editor.imported', { path: sourcePath })}</p>}
      <p class="notice" role="status">
        {notice}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      <div class="kb-fields">
        <label class="kb-field-title">
          <span>{tr('console.kb.articleTitle')}</span>
          <input value={draft.title} required maxLength={300} onInput={(event) => change({ title: event.currentTarget.value })} />
        </label>
        <label>
          <span>{tr('console.kb.language')}</span>
          <select value={draft.lang} onChange={(event) => change({ lang: event.currentTarget.value as Language })}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{tr('console.kb.visibility')}</span>
          <select value={draft.visibility} onChange={(event) => change({ visibility: event.currentTarget.value as ArticleVisibility })}>
            {VISIBILITIES.map((visibility) => (
              <option key={visibility} value={visibility}>
                {tr(`console.kb.visibility.${visibility}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="kb-field-slug">
          <span>{tr('console.kb.editor.slug')}</span>
          <input
            value={draft.slug}
            class="mono"
            maxLength={120}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            spellcheck={false}
            autocapitalize="off"
            placeholder={tr('console.kb.editor.slugAuto')}
            title={tr('console.kb.editor.slugHint')}
            onInput={(event) => change({ slug: event.currentTarget.value })}
          />
        </label>
      </div>
      <ChipsInput
        label={tr('console.kb.tags')}
        hint={tr('console.kb.editor.tagsHint')}
        values={draft.tags}
        keep={(typed) => typed.trim().toLowerCase().slice(0, 60)}
        onValues={(tags) => change({ tags: tags.slice(0, 20) })}
        removeLabel={(tag) => tr('console.kb.editor.removeTag', { tag })}
      />
      <div class="kb-tabs" role="tablist" aria-label={tr('console.kb.editor.panes')}>
        {(['write', 'preview'] as const).map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            id={`kb-tab-${each}`}
            aria-selected={pane === each}
            aria-controls={`kb-pane-${each}`}
            tabIndex={pane === each ? 0 : -1}
            onClick={() => setPane(each)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              const next = each === 'write' ? 'preview' : 'write';
              setPane(next);
              document.getElementById(`kb-tab-${next}`)?.focus();
            }}
          >
            {tr(`console.kb.editor.${each}`)}
          </button>
        ))}
      </div>
      <div class={`kb-panes kb-panes-${pane}`}>
        <div class="kb-pane kb-pane-write" id="kb-pane-write" role="tabpanel" aria-labelledby="kb-tab-write">
          <label>
            <span>{tr('console.kb.editor.body')}</span>
            <textarea
              class="mono kb-body"
              value={draft.body}
              required
              maxLength={200_000}
              spellcheck
              lang={draft.lang}
              aria-describedby="kb-body-hint"
              onInput={(event) => change({ body: event.currentTarget.value })}
            />
          </label>
          <p class="field-hint" id="kb-body-hint">
            {tr('console.kb.editor.bodyHint')}
          </p>
        </div>
        <section class="kb-pane kb-pane-preview" id="kb-pane-preview" role="tabpanel" aria-labelledby="kb-tab-preview">
          <h2 class="kb-pane-label" aria-hidden="true">
            {tr('console.kb.editor.preview')}
          </h2>
          <Preview title={draft.title} lang={draft.lang} body={draft.body} />
        </section>
      </div>
      {deleting && (
        <ConfirmDialog
          title={tr('console.kb.editor.deleteTitle', { title: base.title })}
          confirmLabel={tr('console.kb.editor.delete')}
          danger
          onConfirm={remove}
          onClose={() => setDeleting(false)}
        >
          <p>{tr('console.kb.editor.deleteText', { title: base.title })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

/** /console/kb/new (prefilled from its address) or /console/kb/<id>: the article's fields, its Markdown and the preview. */
export function ArticleEditor({ id }: { id: string | undefined }) {
  const [loaded, setLoaded] = useState<Loaded>(() => (id ? { state: 'loading' } : { state: 'ready', saved: draftFromSearch(search.peek()), sourcePath: null }));
  useEffect(() => {
    if (!id) return;
    // Once saved, a new article's address becomes its own: the form already holds it.
    if (loaded.state === 'ready') return;
    void getArticleSource(id).then((answer) =>
      setLoaded(
        answer.ok
          ? {
              state: 'ready',
              saved: { title: answer.body.title, lang: answer.body.lang, tags: answer.body.tags, visibility: answer.body.visibility, slug: answer.body.slug, body: answer.body.body },
              sourcePath: answer.body.sourcePath,
            }
          : { state: 'failed', message: answer.error.message },
      ),
    );
  }, [id]);
  return (
    <section class="panel kb-editor-panel">
      <a class="back-link" href={href('/kb')} onClick={(event) => followLink(event, '/kb')}>
        {tr('console.kb.editor.back')}
      </a>
      {loaded.state === 'loading' && (
        <p class="muted" role="status">
          {tr('shell.loading')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <p class="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && <Form id={id} saved={loaded.saved} sourcePath={loaded.sourcePath} />}
    </section>
  );
}
