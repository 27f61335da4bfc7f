import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../../domain/companies/company-schemas.js';
import { createCompany, listCompanies, updateCompany } from '../api/people.js';
import { ChipsInput } from '../components/ChipsInput.js';
import { FormDialog, settle } from '../components/FormDialog.js';
import { loaded, LoadStatus, type Loadable } from '../components/LoadStatus.js';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';

type List = Loadable<{ companies: Company[] }>;

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

  async function send(): Promise<string | undefined> {
    const input = { name, emailDomains: domains };
    return settle(company ? await updateCompany(company.id, input) : await createCompany(input), onSaved);
  }

  return (
    <FormDialog
      title={company ? tr('console.companies.editTitle', { name: company.name }) : tr('console.companies.newTitle')}
      size="wide"
      submitLabel={company ? tr('console.companies.save') : tr('console.companies.create')}
      onSubmit={send}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}

export function CompaniesView() {
  const [list, setList] = useState<List>({ state: 'loading' });
  const [editing, setEditing] = useState<{ company: Company | undefined } | undefined>(undefined);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void listCompanies().then((answer) => setList(loaded(answer, (body) => body)));
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
      <LoadStatus load={list} />
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
