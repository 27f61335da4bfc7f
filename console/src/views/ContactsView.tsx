import { useEffect, useState } from 'preact/hooks';
import type { ContactSummary } from '../../../domain/contacts/list-contacts.js';
import { searchContacts } from '../api/people.js';
import { followLink, href, segments } from '../app/router.js';
import { loaded, LoadStatus, type Loadable } from '../components/LoadStatus.js';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';
import { ContactDialog } from './contacts/ContactDialog.js';
import { CreateContactDialog } from './contacts/CreateContactDialog.js';
import { ImportContactsDialog } from './contacts/ImportContactsDialog.js';
import { languageName } from './contacts/languages.js';
import { SentEmails } from './contacts/SentEmails.js';

type List = Loadable<{ contacts: ContactSummary[] }>;

/** As many contacts as the list asks for; a longer list is found by searching. */
const LIST_LIMIT = 100;
/** Typing in the search waits this long for the next key before asking the server. */
const SEARCH_PAUSE_MS = 250;

function ContactList() {
  const [query, setQuery] = useState('');
  const [list, setList] = useState<List>({ state: 'loading' });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [open, setOpen] = useState<ContactSummary | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () =>
        void searchContacts(query, LIST_LIMIT).then((answer) => {
          if (current) setList(loaded(answer, (body) => ({ contacts: body.contacts })));
        }),
      query ? SEARCH_PAUSE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, generation]);

  function changed(contact: ContactSummary) {
    if (list.state === 'ready') setList({ state: 'ready', contacts: list.contacts.map((other) => (other.id === contact.id ? contact : other)) });
    setOpen(contact);
  }

  return (
    <>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">{tr('console.contacts.search')}</span>
          <input type="search" value={query} placeholder={tr('console.contacts.searchPlaceholder')} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          {tr('console.contacts.new')}
        </button>
        {isAdmin.value && (
          <button type="button" class="secondary" onClick={() => setImporting(true)}>
            {tr('console.contacts.import.open')}
          </button>
        )}
      </div>
      <LoadStatus load={list} />
      <p class="visually-hidden" role="status">
        {list.state === 'ready' ? tr('console.contacts.count', { count: list.contacts.length }) : ''}
      </p>
      {list.state === 'ready' && list.contacts.length === 0 && <p class="empty">{query ? tr('console.contacts.noMatch') : tr('console.contacts.empty')}</p>}
      {list.state === 'ready' && list.contacts.length > 0 && (
        <table class="list contacts">
          <caption class="visually-hidden">{tr('console.contacts.count', { count: list.contacts.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.contacts.name')}</th>
              <th scope="col">{tr('console.contacts.company')}</th>
              <th scope="col">{tr('console.contacts.language')}</th>
              <th scope="col">{tr('console.contacts.twoStep')}</th>
            </tr>
          </thead>
          <tbody>
            {list.contacts.map((contact) => (
              <tr key={contact.id}>
                <td>
                  <button type="button" class="link strong" onClick={() => setOpen(contact)}>
                    {contact.name}
                  </button>
                  {contact.primary && <span class="badge">{tr('console.contacts.primary')}</span>}
                  <span class="sub break">{contact.email}</span>
                </td>
                <td>{contact.companyName}</td>
                <td lang={contact.language}>{languageName(contact.language)}</td>
                <td>{contact.phone ? <span>{contact.phone}</span> : <span class="muted">{tr('console.contacts.noPhone')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.state === 'ready' && list.contacts.length >= LIST_LIMIT && <p class="muted small">{tr('console.contacts.more', { count: LIST_LIMIT })}</p>}
      {creating && (
        <CreateContactDialog
          onCreated={(created) => list.state === 'ready' && setList({ state: 'ready', contacts: [created.contact, ...list.contacts] })}
          onClose={() => setCreating(false)}
        />
      )}
      {importing && (
        <ImportContactsDialog
          onImported={() => setGeneration((value) => value + 1)}
          onClose={() => {
            setImporting(false);
            setGeneration((value) => value + 1);
          }}
        />
      )}
      {open && <ContactDialog contact={open} onChanged={changed} onClose={() => setOpen(undefined)} />}
    </>
  );
}

export function ContactsView() {
  const tab = segments.value[1] === 'emails' && isAdmin.value ? 'emails' : 'contacts';
  const tabs = [
    { id: 'contacts', path: '/contacts', label: tr('console.contacts.tabContacts') },
    ...(isAdmin.value ? [{ id: 'emails', path: '/contacts/emails', label: tr('console.contacts.tabEmails') }] : []),
  ];
  return (
    <section class="panel" aria-labelledby="contacts-title">
      <h1 id="contacts-title">{tr('console.contacts.title')}</h1>
      {tabs.length > 1 && (
        <nav class="subnav" aria-label={tr('console.contacts.sections')}>
          {tabs.map((item) => (
            <a key={item.id} href={href(item.path)} aria-current={item.id === tab ? 'page' : undefined} onClick={(event) => followLink(event, item.path)}>
              {item.label}
            </a>
          ))}
        </nav>
      )}
      {tab === 'emails' ? <SentEmails /> : <ContactList />}
    </section>
  );
}
