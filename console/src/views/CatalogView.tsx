import { useEffect, useState } from 'preact/hooks';
import type { CatalogAdminApp } from '../../../domain/catalog/catalog-admin-schemas.js';
import { createCatalogApp, deleteCatalogApp, listCatalog, updateCatalogApp } from '../api/catalog.js';
import { ConfirmDialog } from '../components/Dialog.js';
import { FormDialog, settle } from '../components/FormDialog.js';
import { loaded, LoadStatus, type Loadable } from '../components/LoadStatus.js';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';

type List = Loadable<{ apps: CatalogAdminApp[] }>;
type Manager = keyof CatalogAdminApp['packages'];
const MANAGERS: { key: Manager; label: string; hint: string }[] = [
  { key: 'chocolatey', label: 'Chocolatey', hint: 'Windows' },
  { key: 'homebrew', label: 'Homebrew', hint: 'macOS' },
  { key: 'apt', label: 'apt', hint: 'Debian, Ubuntu' },
  { key: 'dnf', label: 'dnf', hint: 'Fedora, RHEL' },
];

const byName = (a: CatalogAdminApp, b: CatalogAdminApp) => a.name.localeCompare(b.name);

function AppDialog({ app, onSaved, onClose }: { app: CatalogAdminApp | undefined; onSaved(app: CatalogAdminApp): void; onClose(): void }) {
  const [name, setName] = useState(app?.name ?? '');
  const [publisher, setPublisher] = useState(app?.publisher ?? '');
  const [category, setCategory] = useState(app?.category ?? '');
  const [description, setDescription] = useState(app?.description ?? '');
  const [aliases, setAliases] = useState((app?.aliases ?? []).join(', '));
  const [packages, setPackages] = useState<Record<Manager, string>>({
    chocolatey: app?.packages.chocolatey ?? '',
    homebrew: app?.packages.homebrew ?? '',
    apt: app?.packages.apt ?? '',
    dnf: app?.packages.dnf ?? '',
  });
  const [cask, setCask] = useState(app?.homebrewCask ?? false);
  const [enabled, setEnabled] = useState(app?.enabled ?? true);

  async function send(): Promise<string | undefined> {
    if (!Object.values(packages).some((id) => id.trim())) return tr('console.catalog.needPackage');
    const names = aliases.split(',').map((alias) => alias.trim()).filter(Boolean);
    const input = { name, publisher, description, category: category.trim() || null, aliases: names, packages, homebrewCask: cask, enabled };
    return settle(app ? await updateCatalogApp(app.id, input) : await createCatalogApp(input), onSaved);
  }

  return (
    <FormDialog
      title={app ? tr('console.catalog.editTitle', { name: app.name }) : tr('console.catalog.newTitle')}
      size="wide"
      submitLabel={app ? tr('console.catalog.save') : tr('console.catalog.create')}
      onSubmit={send}
      onClose={onClose}
    >
      <div class="form-row">
        <label>
          <span>{tr('console.catalog.name')}</span>
          <input value={name} required maxLength={100} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          <span>{tr('console.catalog.publisher')}</span>
          <input value={publisher} maxLength={100} onInput={(event) => setPublisher(event.currentTarget.value)} />
        </label>
      </div>
      <label>
        <span>{tr('console.catalog.category')}</span>
        <input value={category} maxLength={50} onInput={(event) => setCategory(event.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('console.catalog.description')}</span>
        <textarea rows={2} value={description} maxLength={2000} onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('console.catalog.aliases')}</span>
        <input value={aliases} maxLength={2000} aria-describedby="catalog-aliases-hint" onInput={(event) => setAliases(event.currentTarget.value)} />
      </label>
      <p class="field-hint" id="catalog-aliases-hint">
        {tr('console.catalog.aliasesHint')}
      </p>
      <fieldset class="packages">
        <legend>{tr('console.catalog.packages')}</legend>
        <p class="field-hint">{tr('console.catalog.packagesHint')}</p>
        <div class="form-row">
          {MANAGERS.map((manager) => (
            <label key={manager.key}>
              <span>
                {manager.label} <span class="muted">({manager.hint})</span>
              </span>
              <input
                value={packages[manager.key]}
                maxLength={100}
                spellcheck={false}
                autocapitalize="off"
                class="mono"
                onInput={(event) => setPackages({ ...packages, [manager.key]: event.currentTarget.value })}
              />
            </label>
          ))}
        </div>
        <label class="check">
          <input type="checkbox" checked={cask} onChange={(event) => setCask(event.currentTarget.checked)} />
          <span>{tr('console.catalog.cask')}</span>
        </label>
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <span>{tr('console.catalog.enabledLabel')}</span>
      </label>
    </FormDialog>
  );
}

export function CatalogView() {
  const [list, setList] = useState<List>({ state: 'loading' });
  const [editing, setEditing] = useState<{ app: CatalogAdminApp | undefined } | undefined>(undefined);
  const [deleting, setDeleting] = useState<CatalogAdminApp | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void listCatalog().then((answer) => setList(loaded(answer, (body) => ({ apps: body.apps.sort(byName) }))));
  }, []);

  function replace(app: CatalogAdminApp) {
    if (list.state !== 'ready') return;
    setList({ state: 'ready', apps: [...list.apps.filter((candidate) => candidate.id !== app.id), app].sort(byName) });
  }

  function saved(app: CatalogAdminApp) {
    replace(app);
    setNotice(tr(editing?.app ? 'console.catalog.saved' : 'console.catalog.created', { name: app.name }));
    setEditing(undefined);
  }

  async function toggle(app: CatalogAdminApp) {
    setError('');
    const answer = await updateCatalogApp(app.id, { enabled: !app.enabled });
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    replace(answer.body);
    setNotice(tr(answer.body.enabled ? 'console.catalog.enabledNotice' : 'console.catalog.disabledNotice', { name: app.name }));
  }

  async function remove(app: CatalogAdminApp): Promise<string | undefined> {
    const answer = await deleteCatalogApp(app.id);
    if (!answer.ok) return answer.error.message;
    if (list.state === 'ready') setList({ state: 'ready', apps: list.apps.filter((candidate) => candidate.id !== app.id) });
    setNotice(tr('console.catalog.deleted', { name: app.name }));
    return undefined;
  }

  const needle = query.trim().toLowerCase();
  const shown =
    list.state === 'ready'
      ? list.apps.filter((app) => !needle || [app.name, app.publisher, app.category ?? '', ...app.aliases].some((text) => text.toLowerCase().includes(needle)))
      : [];

  return (
    <section class="panel" aria-labelledby="catalog-title">
      <div class="panel-head">
        <h1 id="catalog-title">{tr('console.catalog.title')}</h1>
        {isAdmin.value && (
          <button type="button" class="primary" onClick={() => setEditing({ app: undefined })}>
            {tr('console.catalog.new')}
          </button>
        )}
      </div>
      <p class="intro muted">{tr('console.catalog.intro')}</p>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">{tr('console.catalog.search')}</span>
          <input type="search" placeholder={tr('console.catalog.search')} value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      <LoadStatus load={list} />
      {list.state === 'ready' && shown.length === 0 && <p class="empty">{tr(list.apps.length === 0 ? 'console.catalog.empty' : 'console.catalog.noMatch')}</p>}
      {shown.length > 0 && (
        <table class="list catalog">
          <caption class="visually-hidden">{tr('console.catalog.count', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.catalog.name')}</th>
              <th scope="col">{tr('console.catalog.category')}</th>
              <th scope="col">{tr('console.catalog.packages')}</th>
              <th scope="col">{tr('console.catalog.state')}</th>
              {isAdmin.value && (
                <th scope="col">
                  <span class="visually-hidden">{tr('console.catalog.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((app) => (
              <tr key={app.id} class={app.enabled ? undefined : 'row-off'}>
                <th scope="row">
                  <span class="strong">{app.name}</span>
                  {app.publisher && <span class="sub">{app.publisher}</span>}
                </th>
                <td>{app.category ?? <span class="muted">—</span>}</td>
                <td>
                  <ul class="chip-list" aria-label={tr('console.catalog.packagesOf', { name: app.name })}>
                    {MANAGERS.filter((manager) => app.packages[manager.key]).map((manager) => (
                      <li key={manager.key} class="chip mono">
                        <span class="muted">{manager.label}</span> {app.packages[manager.key]}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {isAdmin.value ? (
                    <label class="check switch">
                      <input type="checkbox" role="switch" checked={app.enabled} onChange={() => void toggle(app)} aria-label={tr('console.catalog.enabledNamed', { name: app.name })} />
                      <span aria-hidden="true">{tr(app.enabled ? 'console.catalog.enabled' : 'console.catalog.disabled')}</span>
                    </label>
                  ) : (
                    <span class={`badge ${app.enabled ? 'badge-in' : ''}`}>{tr(app.enabled ? 'console.catalog.enabled' : 'console.catalog.disabled')}</span>
                  )}
                </td>
                {isAdmin.value && (
                  <td class="row-actions">
                    <button type="button" class="secondary small" aria-label={tr('console.catalog.editNamed', { name: app.name })} onClick={() => setEditing({ app })}>
                      {tr('console.catalog.edit')}
                    </button>{' '}
                    <button type="button" class="danger small" aria-label={tr('console.catalog.deleteNamed', { name: app.name })} onClick={() => setDeleting(app)}>
                      {tr('console.catalog.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <AppDialog app={editing.app} onSaved={saved} onClose={() => setEditing(undefined)} />}
      {deleting && (
        <ConfirmDialog
          title={tr('console.catalog.deleteTitle', { name: deleting.name })}
          confirmLabel={tr('console.catalog.delete')}
          danger
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(undefined)}
        >
          <p>{tr('console.catalog.deleteText', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
