import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntryView, AuditPage } from '../../../domain/audit/audit-schemas.js';
import { getAudit } from '../api/insight.js';
import { OptionalSelect } from '../components/OptionalSelect.js';
import { loaded, LoadStatus, type Loadable } from '../components/LoadStatus.js';
import { dateTime, tr } from '../i18n/i18n.js';

const PAGE = 25;
/** The families of actions: `ticket.status_changed` is of the family `ticket`. */
const FAMILIES = ['ticket', 'contact', 'company', 'settings', 'custom_field', 'catalog_app', 'device', 'kb', 'conversation', 'auth'];
/** The kinds of things the entries change, each under the name of its family. */
const ENTITIES: Record<string, string> = {
  ticket: 'ticket',
  contact: 'contact',
  company: 'company',
  portal_settings: 'settings',
  custom_field: 'custom_field',
  catalog_app: 'catalog_app',
  device: 'device',
  kb_article: 'kb',
  conversation: 'conversation',
};

type Filters = { q: string; action: string; entity: string; from: string; to: string };
const NO_FILTERS: Filters = { q: '', action: '', entity: '', from: '', to: '' };
type List = Loadable<{ page: AuditPage }>;

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? tr('console.audit.none') : typeof value === 'string' ? value : JSON.stringify(value));

function actorName(entry: AuditEntryView) {
  if (entry.actor.kind === 'system') return tr('console.audit.system');
  return entry.actor.name ?? tr('console.audit.removed');
}

function Changes({ entry }: { entry: AuditEntryView }) {
  return (
    <>
      {entry.changes && Object.keys(entry.changes).length > 0 && (
        <table class="changes insight-table">
          <caption class="visually-hidden">{tr('console.audit.details', { action: entry.action, at: dateTime(entry.at) })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.audit.field')}</th>
              <th scope="col">{tr('console.audit.before')}</th>
              <th scope="col">{tr('console.audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(entry.changes).map(([field, change]) => (
              <tr key={field}>
                <th scope="row">{field}</th>
                <td data-label={tr('console.audit.before')}>{shown(change.from)}</td>
                <td data-label={tr('console.audit.after')}>{shown(change.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <pre class="audit-details">{JSON.stringify({ entity: entry.entity, entityId: entry.entityId, ...entry.details }, null, 2)}</pre>
    </>
  );
}

export function AuditView() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [typed, setTyped] = useState('');
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<List>({ state: 'loading' });
  const [open, setOpen] = useState<string | undefined>(undefined);

  // The search waits for a pause in typing, so that each key does not ask the server.
  useEffect(() => {
    const timer = setTimeout(() => change({ q: typed.trim() }), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    let current = true;
    setList({ state: 'loading' });
    void getAudit({ ...filters, limit: PAGE, offset }).then((answer) => {
      if (current) setList(loaded(answer, (page) => ({ page })));
    });
    return () => {
      current = false;
    };
  }, [filters, offset]);

  function change(part: Partial<Filters>) {
    setFilters((before) => {
      const next = { ...before, ...part };
      return Object.entries(part).every(([key, value]) => before[key as keyof Filters] === value) ? before : next;
    });
    setOffset(0);
  }

  const filtered = Object.values(filters).some(Boolean);
  return (
    <section class="panel" aria-labelledby="audit-title" aria-busy={list.state === 'loading'}>
      <div class="queue-head">
        <h1 id="audit-title">{tr('console.audit.title')}</h1>
        {list.state === 'ready' && (
          <p class="queue-count muted" role="status">
            {tr('console.audit.count', { count: list.page.total })}
          </p>
        )}
      </div>
      <div class="insight-filters" role="search">
        <label class="grow">
          <span>{tr('console.audit.search')}</span>
          <input type="search" value={typed} placeholder={tr('console.audit.searchHint')} onInput={(event) => setTyped(event.currentTarget.value)} />
        </label>
        <OptionalSelect
          label={tr('console.audit.action')}
          anyLabel={tr('console.audit.any')}
          value={filters.action || undefined}
          options={FAMILIES.map((family) => ({ value: family, label: tr(`console.audit.family.${family}`) }))}
          onChange={(action) => change({ action: action ?? '' })}
        />
        <OptionalSelect
          label={tr('console.audit.entity')}
          anyLabel={tr('console.audit.any')}
          value={filters.entity || undefined}
          options={Object.entries(ENTITIES).map(([entity, family]) => ({ value: entity, label: tr(`console.audit.family.${family}`) }))}
          onChange={(entity) => change({ entity: entity ?? '' })}
        />
        <label>
          <span>{tr('console.audit.from')}</span>
          <input type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => change({ from: event.currentTarget.value })} />
        </label>
        <label>
          <span>{tr('console.audit.to')}</span>
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => change({ to: event.currentTarget.value })} />
        </label>
        {filtered && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setTyped('');
              setFilters(NO_FILTERS);
              setOffset(0);
            }}
          >
            {tr('console.audit.clear')}
          </button>
        )}
      </div>
      <LoadStatus load={list} spaced />
      {list.state === 'ready' && list.page.entries.length === 0 && <p class="empty">{tr('console.audit.empty')}</p>}
      {list.state === 'ready' && list.page.entries.length > 0 && (
        <>
          <table class="list audit">
            <caption class="visually-hidden">{tr('console.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.audit.when')}</th>
                <th scope="col">{tr('console.audit.who')}</th>
                <th scope="col">{tr('console.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              {list.page.entries.map((entry) => {
                const expanded = open === entry.id;
                return (
                  <Fragment key={entry.id}>
                    <tr>
                      <td class="cell-when">{dateTime(entry.at)}</td>
                      <td>{actorName(entry)}</td>
                      <td>
                        <button
                          type="button"
                          class="link-button"
                          aria-expanded={expanded}
                          aria-controls={`audit-${entry.id}`}
                          onClick={() => setOpen(expanded ? undefined : entry.id)}
                        >
                          <code>{entry.action}</code>
                        </button>
                        {entry.summary && <span class="sub">{entry.summary}</span>}
                      </td>
                    </tr>
                    {expanded && (
                      <tr class="audit-more" id={`audit-${entry.id}`}>
                        <td colSpan={3}>
                          <Changes entry={entry} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <nav class="pages" aria-label={tr('console.audit.title')}>
            <span>
              {tr('console.audit.page', { first: list.page.offset + 1, last: list.page.offset + list.page.entries.length, total: list.page.total })}
            </span>
            <button type="button" class="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {tr('console.audit.previous')}
            </button>
            <button type="button" class="secondary" disabled={offset + PAGE >= list.page.total} onClick={() => setOffset(offset + PAGE)}>
              {tr('console.audit.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
