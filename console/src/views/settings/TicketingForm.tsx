import type { PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { tr } from '../../i18n/i18n.js';
import { SettingsForm } from './SettingsForm.js';

type Tickets = PortalSettings['tickets'];
type Status = Tickets['visibleStatuses'][number];
type Switch = 'ticketPerChatSession' | 'disableManualCreation' | 'cannotReopen';

// Every status, in the order a ticket moves through them; the record makes the compiler ask for a new one.
const STATUS_ORDER: Record<Status, number> = { open: 0, pending: 1, resolved: 2, closed: 3 };
const STATUSES = (Object.keys(STATUS_ORDER) as Status[]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);
const SWITCHES: Switch[] = ['ticketPerChatSession', 'disableManualCreation', 'cannotReopen'];

export function TicketingForm({ saved }: { saved: Tickets }) {
  return (
    <SettingsForm id="settings-ticketing" title={tr('console.settings.ticketing.title')} saved={saved} toPatch={(draft) => ({ tickets: draft })}>
      {(draft, change) => (
        <>
          {SWITCHES.map((name) => (
            <label key={name} class="check">
              <input type="checkbox" checked={draft[name]} onChange={(event) => change({ ...draft, [name]: event.currentTarget.checked })} />
              <span>
                {tr(`console.settings.ticketing.${name}`)}
                <span class="sub">{tr(`console.settings.ticketing.${name}.hint`)}</span>
              </span>
            </label>
          ))}
          <fieldset class="checks">
            <legend>{tr('console.settings.ticketing.visibleStatuses')}</legend>
            <p class="muted form-hint">{tr('console.settings.ticketing.visibleStatuses.hint')}</p>
            <div class="segmented">
              {STATUSES.map((status) => (
                <label key={status}>
                  <input
                    type="checkbox"
                    checked={draft.visibleStatuses.includes(status)}
                    onChange={(event) =>
                      change({
                        ...draft,
                        visibleStatuses: event.currentTarget.checked
                          ? STATUSES.filter((s) => s === status || draft.visibleStatuses.includes(s))
                          : draft.visibleStatuses.filter((s) => s !== status),
                      })
                    }
                  />
                  <span>{tr(`status.${status}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </SettingsForm>
  );
}
