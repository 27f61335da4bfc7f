import type { PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

const CHOICES = ['refuse', 'queue'] as const;

export function EmailChannelForm({ saved }: { saved: PortalSettings['email'] }) {
  return (
    <SettingsForm id="settings-email" title={tr('console.settings.email.title')} saved={saved} toPatch={(draft) => ({ email: draft })}>
      {(draft, change) => (
        <fieldset class="checks">
          <legend>{tr('console.settings.email.unknownSenders')}</legend>
          <p class="muted form-hint">{tr('console.settings.email.unknownSenders.hint')}</p>
          <div class="segmented">
            {CHOICES.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="email-unknown-senders"
                  checked={draft.unknownSenders === choice}
                  onChange={() => change({ unknownSenders: choice })}
                />
                <span>{tr(`console.settings.email.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </SettingsForm>
  );
}
