import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../../domain/companies/company-schemas.js';
import { createCompany, listCompanies, updateCompany } from '../api/people.js';
import { ChipsInput } from '../components/ChipsInput.js';
import { Dialog } from '../components/Dialog.js';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';

type List = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; companies: Company[] };

/** A domain as the server keeps it, give or take the letters it accepts: what a person pastes from an address bar too. */
export const domainOf = (typed: string) =>
  typed
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/[/.]+$/, '');

function CompanyDialog({ company, onSaved, onClose }: { company: Company | undefined; onSaved(company: Company): void; onClose(): void }) {
  const [name, setName] = useState(company?.name ?? '');
  const [domains, setDomains] = useState<string[]>(company?.emailDomains ?? []);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    const input = { name, emailDomains: domains };
    const answer = company ? await updateCompany(company.id, input) : await createCompany(input);
    setBusy(false);
    if (answer.ok) onSaved(answer.body);
    else setError(answer.error.message);
  }

  return (
    <Dialog title={company ? tr('console.companies.editTitle', { name: company.name }) : tr('console.companies.newTitle')} onClose={onClose} size="wide">
      <form class="dialog-body" onSubmit={(event) => void submit(event)}>
        <label>
          <span>{tr('console.companies.name')}</span>
          <input value={name} required maxLength={200} autocomplete="organization" onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <ChipsInput
          label={tr('console.companies.domains')}
          hint={tr('console.companies.domainsHint')}
          placeholder="example.com"
          values={domains}
          onValues={setDomains}
          keep={domainOf}
          removeLabel={(domain) => tr('console.companies.removeDomain', { domain })}
        />
        <p class="error" role="alert">
          {error}
        </p>
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={onClose}>
            {tr('console.dialog.cancel')}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {company ? tr('console.companies.save') : tr('console.companies.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CompaniesView() {
  const [list, setList] = useState<List>({ state: 'loading' });
  const [editing, setEditing] = useState<{ company: Company | undefined } | undefined>(undefined);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void listCompanies().then((answer) =>
      setList(answer.ok ? { state: 'ready', companies: answer.body.companies } : { state: 'failed', message: answer.error.message }),
    );
  }, []);

  function saved(company: Company) {
    if (list.state === 'ready') {
      const others = list.companies.filter((candidate) => candidate.id !== company.id);
      setList({ state: 'ready', companies: [...others, company].sort((a, b) => a.name.localeCompare(b.name)) });
    }
    setNotice(tr(editing?.company ? 'console.companies.saved' : 'console.companies.created', { name: company.name }));
    setEditing(undefined);
  }

  return (
    <section class="panel" aria-labelledby="companies-title">
      <div class="panel-head">
        <h1 id="companies-title">{tr('console.companies.title')}</h1>
        {isAdmin.value && (
          <button type="button" class="primary" onClick={() => setEditing({ company: undefined })}>
            {tr('console.companies.new')}
          </button>
        )}
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
      {list.state === 'loading' && <p class="muted">{tr('shell.loading')}</p>}
      {list.state === 'failed' && (
        <p class="error" role="alert">
          {list.message}
        </p>
      )}
      {list.state === 'ready' && list.companies.length === 0 && <p class="empty">{tr('console.companies.empty')}</p>}
      {list.state === 'ready' && list.companies.length > 0 && (
        <table class="list companies">
          <caption class="visually-hidden">{tr('console.companies.count', { count: list.companies.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.companies.name')}</th>
              <th scope="col">{tr('console.companies.domains')}</th>
              {isAdmin.value && (
                <th scope="col">
                  <span class="visually-hidden">{tr('console.companies.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.companies.map((company) => (
              <tr key={company.id}>
                <th scope="row" class="strong">
                  {company.name}
                </th>
                <td>
                  {company.emailDomains.length === 0 ? (
                    <span class="muted">{tr('console.companies.noDomains')}</span>
                  ) : (
                    <ul class="chip-list" aria-label={tr('console.companies.domainsOf', { name: company.name })}>
                      {company.emailDomains.map((domain) => (
                        <li key={domain} class="chip">
                          {domain}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {isAdmin.value && (
                  <td class="row-actions">
                    <button type="button" class="secondary small" aria-label={tr('console.companies.editNamed', { name: company.name })} onClick={() => setEditing({ company })}>
                      {tr('console.companies.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <CompanyDialog company={editing.company} onSaved={saved} onClose={() => setEditing(undefined)} />}
    </section>
  );
}
