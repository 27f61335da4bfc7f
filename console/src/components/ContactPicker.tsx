import { useEffect, useId, useState } from 'preact/hooks';
import type { ContactSummary } from '../../../domain/contacts/list-contacts.js';
import { searchContacts } from '../api/settings.js';
import { tr } from '../i18n/i18n.js';

const SEARCH_DELAY_MS = 250;

type Props = {
  /** The accessible name of the search box, naming what the contacts are chosen for. */
  label: string;
  chosen: string[];
  /** Names of chosen contacts, by id, as far as they are known. */
  known: Map<string, ContactSummary>;
  onChange: (ids: string[], added?: ContactSummary) => void;
};

/** Chosen contacts as a list with a Remove button each, and a search box whose matches are buttons that add. */
export function ContactPicker({ label, chosen, known, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ q: string; contacts: ContactSummary[] }>({ q: '', contacts: [] });
  const [failure, setFailure] = useState('');
  const resultsId = useId();

  useEffect(() => {
    const wanted = query.trim();
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      void searchContacts(wanted).then((answer) => {
        if (!current) return;
        setFailure(answer.ok ? '' : answer.error.message || tr('console.settings.unreachable'));
        setResult({ q: wanted, contacts: answer.ok ? answer.body.contacts : [] });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const q = query.trim();
  const offered = q && result.q === q ? result.contacts.filter((contact) => !chosen.includes(contact.id)) : [];
  return (
    <div class="picker">
      {chosen.length === 0 ? (
        <p class="muted picker-none">{tr('console.settings.picker.none')}</p>
      ) : (
        <ul class="chips" aria-label={tr('console.settings.picker.chosen')}>
          {chosen.map((id) => {
            const contact = known.get(id);
            const name = contact?.name ?? tr('console.settings.picker.unknown');
            return (
              <li key={id} class="chip">
                <span>
                  {name}
                  {contact && <span class="chip-sub">{contact.companyName}</span>}
                </span>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={tr('console.settings.picker.remove', { name })}
                  onClick={() => onChange(chosen.filter((other) => other !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label class="picker-search">
        <span>{label}</span>
        <input
          type="search"
          value={query}
          autocomplete="off"
          placeholder={tr('console.settings.picker.placeholder')}
          aria-controls={resultsId}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      <ul id={resultsId} class="picker-results" aria-label={tr('console.settings.picker.results')} hidden={!q}>
        {offered.map((contact) => (
          <li key={contact.id}>
            <button
              type="button"
                  aria-label={tr('console.settings.picker.add', { name: contact.name, email: contact.email })}
              onClick={() => onChange([...chosen, contact.id], contact)}
            >
              <strong>{contact.name}</strong>
              <span class="sub">
                {contact.email} · {contact.companyName}
              </span>
            </button>
          </li>
        ))}
        {q && result.q === q && offered.length === 0 && !failure && <li class="muted picker-empty">{tr('console.settings.picker.noMatch')}</li>}
      </ul>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
