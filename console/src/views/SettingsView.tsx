import { useEffect } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { isAdmin } from '../store/session.js';
import { customFields, loadCustomFields, loadSettings, settings, settingsError } from '../store/settings.js';
import { BrandingForm } from './settings/BrandingForm.js';
import { CustomFieldsEditor } from './settings/CustomFieldsEditor.js';
import { EmailChannelForm } from './settings/EmailChannelForm.js';
import { EmbedForm } from './settings/EmbedForm.js';
import { defaultTicketFields, FieldVisibilityForm, type TicketField } from './settings/FieldVisibilityForm.js';
import { PortalAddressForm, type PortalAddress } from './settings/PortalAddressForm.js';
import { PortalHostnamePanel } from './settings/PortalHostnamePanel.js';
import { SectionsForm } from './settings/SectionsForm.js';
import { TicketingForm } from './settings/TicketingForm.js';
import { WelcomeEmailForm } from './settings/WelcomeEmailForm.js';

/** The groups in the order of the page, by the id of their heading. */
function Contents({ admin, portal }: { admin: boolean; portal: boolean }) {
  const entries: [string, string][] = [
    ['settings-sections', 'console.settings.sections.title'],
    ['settings-ticketing', 'console.settings.ticketing.title'],
    ['settings-fields', 'console.settings.fields.title'],
    ...(admin ? [['custom-fields', 'console.settings.customFields.title'] as [string, string]] : []),
    ['settings-branding', 'console.settings.branding.title'],
    ['settings-embed', 'console.settings.embed.title'],
    ['settings-welcome', 'console.settings.welcome.title'],
    ['settings-email', 'console.settings.email.title'],
    ...(portal
      ? [['settings-portal', 'console.settings.portal.title'] as [string, string], ['settings-hostname', 'console.settings.hostname.title'] as [string, string]]
      : []),
  ];
  // The address keeps naming the screen: the link moves the view and the keyboard to the group's heading.
  const jump = (event: MouseEvent, id: string) => {
    event.preventDefault();
    const heading = document.getElementById(`${id}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <nav class="contents" aria-label={tr('console.settings.contents')}>
      <ul>
        {entries.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}-title`} onClick={(event) => jump(event, id)}>
              {tr(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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
          <Contents admin={isAdmin.value} portal={'portal' in current} />
          <SectionsForm saved={current.sections} />
          <TicketingForm saved={current.tickets} />
          <FieldVisibilityForm saved={current.fieldVisibility} customFields={custom} />
          {isAdmin.value && <CustomFieldsEditor />}
          <BrandingForm saved={current.branding} />
          <EmbedForm saved={current.embed} />
          <WelcomeEmailForm saved={current.welcomeEmail} />
          <EmailChannelForm saved={current.email} />
          {'portal' in current && (
            <>
              <PortalAddressForm saved={current.portal as PortalAddress} />
              <PortalHostnamePanel customHostname={(current.portal as PortalAddress).customHostname} />
            </>
          )}
        </>
      )}
    </div>
  );
}
