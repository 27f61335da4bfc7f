import { useEffect } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';
import { customFields, loadCustomFields, loadSettings, settings, settingsError } from '../store/settings.js';
import { BrandingForm } from './settings/BrandingForm.js';
import { CustomFieldsEditor } from './settings/CustomFieldsEditor.js';
import { EmbedForm } from './settings/EmbedForm.js';
import { defaultTicketFields, FieldVisibilityForm, type TicketField } from './settings/FieldVisibilityForm.js';
import { PortalAddressForm, type PortalAddress } from './settings/PortalAddressForm.js';
import { SectionsForm } from './settings/SectionsForm.js';
import { TicketingForm } from './settings/TicketingForm.js';
import { WelcomeEmailForm } from './settings/WelcomeEmailForm.js';

/** Every setting of the portal, one form per group; a save applies to signed-in users at once. */
export function SettingsView() {
  useEffect(() => {
    void loadSettings();
    if (isAdmin.value) void loadCustomFields();
  }, []);
  const current = settings.value;
  const defaults = new Set(defaultTicketFields().map((field) => field.key));
  // Technicians who are not admins cannot list the custom fields: they read them by key from the settings.
  const custom: TicketField[] =
    customFields.value?.map((field) => ({ key: field.key, label: field.label, custom: true })) ??
    Object.keys(current?.fieldVisibility ?? {})
      .filter((key) => !defaults.has(key))
      .map((key) => ({ key, label: key, custom: true }));

  return (
    <div class="settings">
      <header class="settings-head">
        <h1>{tr('console.settings.title')}</h1>
        <p class="muted">{tr(isAdmin.value ? 'console.settings.intro' : 'console.settings.readOnly')}</p>
      </header>
      {settingsError.value && (
        <p class="error" role="alert">
          {settingsError.value}
        </p>
      )}
      {!current && !settingsError.value && <p class="muted">{tr('shell.loading')}</p>}
      {current && (
        <>
          <SectionsForm saved={current.sections} />
          <TicketingForm saved={current.tickets} />
          <FieldVisibilityForm saved={current.fieldVisibility} customFields={custom} />
          {isAdmin.value && <CustomFieldsEditor />}
          <BrandingForm saved={current.branding} />
          <EmbedForm saved={current.embed} />
          <WelcomeEmailForm saved={current.welcomeEmail} />
          {'portal' in current && <PortalAddressForm saved={current.portal as PortalAddress} />}
        </>
      )}
    </div>
  );
}
