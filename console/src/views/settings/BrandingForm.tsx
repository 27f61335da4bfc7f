import type { PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { readableOnWhiteText } from '../../../../domain/settings/brand-color.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

type Branding = PortalSettings['branding'];

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** An empty box means the portal's own default, which the document spells null. */
const orNull = (value: string) => (value.trim() === '' ? null : value);

/** The portal's header and first chat bubble as a user will see them, in the colour the portal will really use. */
function Preview({ draft }: { draft: Branding }) {
  const color = HEX_COLOR.test(draft.color) ? readableOnWhiteText(draft.color.toLowerCase()) : undefined;
  return (
    <figure class="brand-preview">
      <figcaption>{tr('console.settings.branding.preview')}</figcaption>
      <div class="brand-preview-frame" aria-hidden="true">
        <div class="brand-preview-top" style={color ? { background: color } : undefined}>
          {draft.logoUrl && <img src={draft.logoUrl} alt="" />}
          <span>{draft.name ?? tr('console.settings.branding.tenantName')}</span>
        </div>
        <p class="brand-preview-bubble">{draft.greeting ?? tr('console.settings.branding.defaultGreeting')}</p>
        <span class="brand-preview-send" style={color ? { background: color } : undefined}>
          {tr('console.settings.branding.send')}
        </span>
      </div>
      {color && color !== draft.color.toLowerCase() && <p class="muted form-hint">{tr('console.settings.branding.darkened', { color })}</p>}
    </figure>
  );
}

export function BrandingForm({ saved }: { saved: Branding }) {
  return (
    <SettingsForm id="settings-branding" title={tr('console.settings.branding.title')} saved={saved} toPatch={(draft) => ({ branding: draft })}>
      {(draft, change) => (
        <div class="brand-grid">
          <div>
            <label>
              <span>{tr('console.settings.branding.name')}</span>
              <input value={draft.name ?? ''} maxLength={80} placeholder={tr('console.settings.branding.tenantName')} onInput={(event) => change({ ...draft, name: orNull(event.currentTarget.value) })} />
            </label>
            <label>
              <span>{tr('console.settings.branding.logoUrl')}</span>
              <input
                type="url"
                value={draft.logoUrl ?? ''}
                placeholder="https://…"
                onInput={(event) => change({ ...draft, logoUrl: orNull(event.currentTarget.value) })}
              />
            </label>
            <div class="color-row">
              <label>
                <span>{tr('console.settings.branding.color')}</span>
                <input class="hex" value={draft.color} maxLength={7} spellcheck={false} onInput={(event) => change({ ...draft, color: event.currentTarget.value.trim() })} />
              </label>
              <label>
                <span>{tr('console.settings.branding.colorPicker')}</span>
                <input
                  type="color"
                  value={HEX_COLOR.test(draft.color) ? draft.color.toLowerCase() : '#000000'}
                  onInput={(event) => change({ ...draft, color: event.currentTarget.value })}
                />
              </label>
            </div>
            <label>
              <span>{tr('console.settings.branding.greeting')}</span>
              <textarea
                value={draft.greeting ?? ''}
                maxLength={500}
                rows={3}
                placeholder={tr('console.settings.branding.defaultGreeting')}
                onInput={(event) => change({ ...draft, greeting: orNull(event.currentTarget.value) })}
              />
            </label>
          </div>
          <Preview draft={draft} />
        </div>
      )}
    </SettingsForm>
  );
}
