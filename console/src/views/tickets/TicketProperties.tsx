import { useState } from 'preact/hooks';
import type { TicketForm, TicketView, UpdateTicketInput } from '../../../../domain/tickets/ticket-schemas.js';
import { updateTicket } from '../../api/tickets.js';
import { tr } from '../../i18n/i18n.js';
import { me } from '../../store/session.js';
import { TICKET_STATUSES } from '../../store/ticket-filters.js';
import { customFields, technicians } from '../../store/tickets.js';

type CustomField = TicketForm['fields'][number];
type Value = TicketView['customFields'][string];

const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const satisfies readonly NonNullable<TicketView['priority']>[];

/** A custom field's control for its kind; text and numbers are saved when the technician leaves the field. */
function CustomControl({ field, value, save }: { field: CustomField; value: Value | undefined; save: (value: Value) => void }) {
  const id = `field-${field.key}`;
  const current = value ?? null;
  if (field.type === 'checkbox') {
    return (
      <label class="check" for={id}>
        <input id={id} type="checkbox" checked={current === true} onChange={(event) => save(event.currentTarget.checked)} />
        <span>{field.label}</span>
      </label>
    );
  }
  const label = (
    <label for={id} class="field-label">
      {field.label}
    </label>
  );
  if (field.type === 'select') {
    return (
      <>
        {label}
        <select id={id} value={typeof current === 'string' ? current : ''} onChange={(event) => save(event.currentTarget.value || null)}>
          <option value="">{tr('shell.tickets.notSet')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </>
    );
  }
  const number = field.type === 'number';
  const props = {
    // New when the stored value changes and uncontrolled, so that a refresh never overwrites what is being typed.
    key: String(current),
    id,
    defaultValue: current === null ? '' : String(current),
    onChange: (event: Event) => {
      const text = (event.currentTarget as HTMLInputElement).value.trim();
      save(text === '' ? null : number ? Number(text) : text);
    },
  };
  return (
    <>
      {label}
      {number ? <input type="number" {...props} /> : field.type === 'date' ? <input type="date" {...props} /> : <input type="text" {...props} />}
    </>
  );
}

/**
 * Status, priority, assignee and custom fields: each change is saved at once, then confirmed or its refusal shown; a
 * refused change puts the control back to the stored value.
 */
export function TicketProperties({ ticket, changed }: { ticket: TicketView; changed: (ticket: TicketView) => void }) {
  const [message, setMessage] = useState<{ kind: 'saved' | 'failed'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // A new key after a refusal renders the controls again from the ticket as it is stored.
  const [generation, setGeneration] = useState(0);
  const meId = me.value?.user.id;

  async function save(patch: UpdateTicketInput, label: string) {
    setBusy(true);
    setMessage(undefined);
    const answer = await updateTicket(ticket.id, patch);
    setBusy(false);
    if (answer.ok) {
      changed(answer.body);
      setMessage({ kind: 'saved', text: tr('console.ticket.saved', { field: label }) });
    } else {
      setGeneration((n) => n + 1);
      setMessage({ kind: 'failed', text: answer.error.message || tr('shell.tickets.failed') });
    }
  }

  return (
    <aside class="ticket-side panel" aria-labelledby="properties-title">
      <h2 id="properties-title">{tr('console.ticket.properties')}</h2>
      <div key={generation}>
      <div class="property">
        <label for="ticket-status" class="field-label">
          {tr('console.tickets.status')}
        </label>
        <select id="ticket-status" value={ticket.status} disabled={busy} onChange={(event) => void save({ status: event.currentTarget.value as never }, tr('console.tickets.status'))}>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tr(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="property">
        <label for="ticket-priority" class="field-label">
          {tr('console.tickets.priority')}
        </label>
        <select
          id="ticket-priority"
          value={ticket.priority}
          disabled={busy}
          onChange={(event) => void save({ priority: event.currentTarget.value as never }, tr('console.tickets.priority'))}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {tr(`console.priority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="property">
        <label for="ticket-assignee" class="field-label">
          {tr('console.tickets.assignee')}
        </label>
        <select
          id="ticket-assignee"
          value={ticket.assignee?.id ?? ''}
          disabled={busy}
          onChange={(event) => void save({ assigneeId: event.currentTarget.value || null }, tr('console.tickets.assignee'))}
        >
          <option value="">{tr('console.tickets.unassigned')}</option>
          {technicians.value.map((technician) => (
            <option key={technician.id} value={technician.id}>
              {technician.name}
            </option>
          ))}
        </select>
        {meId && ticket.assignee?.id !== meId && (
          <button type="button" class="link-button" disabled={busy} onClick={() => void save({ assigneeId: meId }, tr('console.tickets.assignee'))}>
            {tr('console.ticket.assignToMe')}
          </button>
        )}
      </div>
      {customFields.value.length > 0 && <h3>{tr('console.ticket.details')}</h3>}
      {customFields.value.map((field) => (
        <div class="property" key={field.key}>
          <CustomControl
            field={field}
            value={ticket.customFields[field.key]}
            save={(value) => void save({ customFields: { [field.key]: value } }, field.label ?? field.key)}
          />
        </div>
      ))}
      </div>
      <p class="saved" role="status">
        {message?.kind === 'saved' && message.text}
      </p>
      <p class="error" role="alert">
        {message?.kind === 'failed' && message.text}
      </p>
    </aside>
  );
}
