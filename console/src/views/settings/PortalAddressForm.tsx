import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

/** `portal.customHostname` of the settings document; its DNS record and state are in `PortalHostnamePanel`. */
export type PortalAddress = { customHostname: string | null };

export function PortalAddressForm({ saved }: { saved: PortalAddress }) {
  return (
    <SettingsForm id="settings-portal" title={tr('console.settings.portal.title')} hint={tr('console.settings.portal.hint')} saved={saved} toPatch={(draft) => ({ portal: draft })}>
      {(draft, change) => (
        <label>
          <span>{tr('console.settings.portal.customHostname')}</span>
          <input
            value={draft.customHostname ?? ''}
            placeholder="help.example.com"
            spellcheck={false}
            autocomplete="off"
            onInput={(event) => change({ customHostname: event.currentTarget.value.trim() === '' ? null : event.currentTarget.value.trim() })}
          />
        </label>
      )}
    </SettingsForm>
  );
}
