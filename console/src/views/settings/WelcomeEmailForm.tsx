import type { PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

export function WelcomeEmailForm({ saved }: { saved: PortalSettings['welcomeEmail'] }) {
  return (
    <SettingsForm id="settings-welcome" title={tr('console.settings.welcome.title')} saved={saved} toPatch={(draft) => ({ welcomeEmail: draft })}>
      {(draft, change) => (
        <label class="check">
          <input type="checkbox" checked={draft.automatic} onChange={(event) => change({ automatic: event.currentTarget.checked })} />
          <span>
            {tr('console.settings.welcome.automatic')}
            <span class="sub">{tr('console.settings.welcome.automatic.hint')}</span>
          </span>
        </label>
      )}
    </SettingsForm>
  );
}
