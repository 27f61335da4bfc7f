import type { DefaultTicketField, FieldVisibility, PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

type Visibilities = PortalSettings['fieldVisibility'];
export type TicketField = { key: string; label: string; custom: boolean };

// The portal's own choice for a field nobody chose for yet (as `visibilityOf` on the server): custom fields hidden.
const DEFAULTS: Record<DefaultTicketField, FieldVisibility> = {
  subject: 'editable',
  description: 'editable',
  status: 'readonly',
  priority: 'editable',
  type: 'editable',
};
const CHOICES: FieldVisibility[] = ['editable', 'readonly', 'hidden'];

export const defaultTicketFields = (): TicketField[] =>
  (Object.keys(DEFAULTS) as DefaultTicketField[]).map((key) => ({ key, label: tr(`console.settings.field.${key}`), custom: false }));

/** One choice per default field and per custom field; the status is never editable (users change it by reopening). */
export function FieldVisibilityForm({ saved, customFields }: { saved: Visibilities; customFields: TicketField[] }) {
  const rows = [...defaultTicketFields(), ...customFields];
  const current = (draft: Visibilities, key: string) => draft[key] ?? (DEFAULTS as Record<string, FieldVisibility>)[key] ?? 'hidden';
  return (
    <SettingsForm
      id="settings-fields"
      title={tr('console.settings.fields.title')}
      hint={tr('console.settings.fields.hint')}
      saved={saved}
      toPatch={(draft) => ({ fieldVisibility: draft })}
    >
      {(draft, change) => (
        <table class="fields">
          <thead>
            <tr>
              <th scope="col">{tr('console.settings.fields.field')}</th>
              <th scope="col">{tr('console.settings.fields.visibility')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((field) => (
              <tr key={field.key}>
                <th scope="row">
                  <span id={`field-${field.key}`}>{field.label}</span>
                  {field.custom && <span class="sub">{tr('console.settings.fields.custom')}</span>}
                </th>
                <td>
                  <select
                    aria-labelledby={`field-${field.key}`}
                    value={current(draft, field.key)}
                    onChange={(event) => change({ ...draft, [field.key]: event.currentTarget.value as FieldVisibility })}
                  >
                    {CHOICES.filter((choice) => field.key !== 'status' || choice !== 'editable').map((choice) => (
                      <option key={choice} value={choice}>
                        {tr(`console.settings.visibility.${choice}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsForm>
  );
}
