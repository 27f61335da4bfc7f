// The portal settings as the server last answered them. Each form of the Settings screen keeps its own draft and
// sends only its part as a merge patch, so two admins changing different parts do not undo each other.
import { signal } from '@preact/signals';
import type { PortalSettings } from '../../../domain/settings/settings-schema.js';
import type { CustomFieldView } from '../../../domain/tickets/custom-field-schemas.js';
import { listCustomFields } from '../api/custom-fields.js';
import { getSettings, patchSettings } from '../api/settings.js';
import { tr } from '../i18n/i18n.js';

export const settings = signal<PortalSettings | undefined>(undefined);
export const settingsError = signal<string | undefined>(undefined);
/** The custom ticket fields, for admins (the API lists them to admins only); undefined for other technicians. */
export const customFields = signal<CustomFieldView[] | undefined>(undefined);

export async function loadSettings(): Promise<void> {
  const answer = await getSettings();
  if (answer.ok) {
    settings.value = answer.body;
    settingsError.value = undefined;
  } else settingsError.value = answer.error.message || tr('console.settings.unreachable');
}

/** Resolves with the server's reason (in the technician's language) when the change is refused. */
export async function saveSettings(patch: Record<string, unknown>): Promise<string | undefined> {
  const answer = await patchSettings(patch);
  if (!answer.ok) return answer.error.message || tr('console.settings.unreachable');
  settings.value = answer.body;
  return undefined;
}

export async function loadCustomFields(): Promise<void> {
  const answer = await listCustomFields();
  if (answer.ok) customFields.value = answer.body.fields;
}

/** A custom field changed: its list again, and the settings whose field visibility changed with it. */
export async function customFieldsChanged(): Promise<void> {
  await Promise.all([loadCustomFields(), loadSettings()]);
}
