import { useEffect, useState } from 'preact/hooks';
import type { ContactSummary } from '../../../../domain/contacts/list-contacts.js';
import type { PortalSettings, SectionName } from '../../../../domain/settings/settings-schema.js';
import { searchContacts } from '../../api/settings.js';
import { ContactPicker } from '../../components/ContactPicker.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

type Sections = PortalSettings['sections'];
type Mode = Sections[SectionName]['mode'];

const MODES: Mode[] = ['off', 'everyone', 'selected'];
// The enough-for-most-tenants first page of contacts names the chosen ones; the picker adds any it finds.
const CONTACTS_NAMED = 500;

export function SectionsForm({ saved }: { saved: Sections }) {
  const [known, setKnown] = useState(new Map<string, ContactSummary>());
  useEffect(() => {
    void searchContacts('', CONTACTS_NAMED).then((answer) => {
      if (answer.ok) setKnown(new Map(answer.body.contacts.map((contact) => [contact.id, contact])));
    });
  }, []);

  return (
    <SettingsForm id="settings-sections" title={tr('console.settings.sections.title')} hint={tr('console.settings.sections.hint')} saved={saved} toPatch={(draft) => ({ sections: draft })}>
      {(draft, change) =>
        (Object.keys(draft) as SectionName[]).map((name) => {
          const access = draft[name];
          const set = (next: Partial<Sections[SectionName]>) => change({ ...draft, [name]: { ...access, ...next } });
          const title = tr(`console.settings.section.${name}`);
          return (
            <fieldset key={name} class="section-access">
              <legend>{title}</legend>
              <div class="segmented">
                {MODES.map((mode) => (
                  <label key={mode}>
                    <input type="radio" name={`section-${name}`} value={mode} checked={access.mode === mode} onChange={() => set({ mode })} />
                    <span>{tr(`console.settings.mode.${mode}`)}</span>
                  </label>
                ))}
              </div>
              {access.mode === 'selected' && (
                <ContactPicker
                  label={tr('console.settings.picker.label', { section: title })}
                  chosen={access.userIds}
                  known={known}
                  onChange={(userIds, added) => {
                    if (added) setKnown(new Map(known).set(added.id, added));
                    set({ userIds });
                  }}
                />
              )}
            </fieldset>
          );
        })
      }
    </SettingsForm>
  );
}
