import type { TargetedInputEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CreateTicketInput, TicketForm } from '../../../domain/tickets/ticket-schemas.js';
import { tr } from '../i18n/i18n.js';
import { createNewTicket } from '../store/tickets.js';

type Field = TicketForm['fields'][number];
type Values = Record<string, string | boolean>;

const DEFAULT_LABELS: Record<string, string> = {
  subject: 'shell.subject',
  description: 'shell.tickets.description',
  priority: 'shell.tickets.priority',
  type: 'shell.tickets.type',
};

const labelOf = (field: Field) => (field.kind === 'default' ? tr(DEFAULT_LABELS[field.key] ?? field.key) : (field.label ?? field.key));
/** Priorities and types are words of the product, translated; a custom field's options are the admin's own. */
const optionLabel = (field: Field, option: string) => (field.kind === 'default' ? tr(`shell.tickets.${field.key}.${option}`) : option);

function initialValues(fields: Field[]): Values {
  const values: Values = {};
  for (const field of fields) values[field.key] = field.type === 'checkbox' ? false : (field.value ?? (field.type === 'select' && field.required ? (field.options[0] ?? '') : ''));
  return values;
}

/** Only editable fields are sent, empty ones left out, so the server applies its defaults. */
function inputOf(fields: Field[], values: Values): CreateTicketInput {
  const input: CreateTicketInput = {};
  const custom: NonNullable<CreateTicketInput['customFields']> = {};
  for (const field of fields.filter((each) => each.editable)) {
    const value = values[field.key];
    if (field.type === 'checkbox') {
      custom[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) continue;
    if (field.kind === 'custom') custom[field.key] = field.type === 'number' ? Number(text) : text;
    else (input as Record<string, string>)[field.key] = text;
  }
  if (Object.keys(custom).length > 0) input.customFields = custom;
  return input;
}

function TextInput(props: { id: string; type: Field['type']; required: boolean; value: string; onChange(value: string): void }) {
  const common = {
    id: props.id,
    required: props.required,
    value: props.value,
    onInput: (event: TargetedInputEvent<HTMLInputElement>) => props.onChange(event.currentTarget.value),
  };
  if (props.type === 'number') return <input type="number" {...common} />;
  if (props.type === 'date') return <input type="date" {...common} />;
  return <input type="text" {...common} />;
}

function FieldInput({ field, value, onChange }: { field: Field; value: string | boolean; onChange(value: string | boolean): void }) {
  const id = `new-ticket-${field.key}`;
  const label = (
    <label for={id}>
      {labelOf(field)}
      {field.required && <span class="required"> ({tr('shell.tickets.required')})</span>}
    </label>
  );
  const text = typeof value === 'string' ? value : '';
  if (field.type === 'checkbox') {
    return (
      <div class="form-field form-check">
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.currentTarget.checked)} />
        {label}
      </div>
    );
  }
  return (
    <div class="form-field">
      {label}
      {field.type === 'textarea' ? (
        <textarea id={id} rows={5} required={field.required} value={text} onInput={(event) => onChange(event.currentTarget.value)} />
      ) : field.type === 'select' ? (
        <select id={id} required={field.required} value={text} onChange={(event) => onChange(event.currentTarget.value)}>
          {!field.required && field.kind === 'custom' && <option value="">{tr('shell.tickets.none')}</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(field, option)}
            </option>
          ))}
        </select>
      ) : (
        <TextInput id={id} type={field.type} required={field.required} value={text} onChange={onChange} />
      )}
    </div>
  );
}

/** A field the user may see but not set: shown with the value the ticket will get. */
function ReadOnlyField({ field }: { field: Field }) {
  const value = field.value ? (field.type === 'select' ? optionLabel(field, field.value) : field.value) : tr('shell.tickets.notSet');
  return (
    <div class="form-field readonly-field">
      <dt>{labelOf(field)}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The new-ticket form as the settings show it to this user: hidden fields absent, read-only ones as text. */
export function NewTicketForm({ form, onCancel }: { form: TicketForm; onCancel(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(form.fields));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useLayoutEffect(() => heading.current?.focus(), []);
  const editable = form.fields.filter((field) => field.editable);
  const readOnly = form.fields.filter((field) => !field.editable);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const failure = await createNewTicket(inputOf(form.fields, values));
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <form class="new-ticket" aria-labelledby="new-ticket-title" onSubmit={(event) => void submit(event)}>
      <h2 id="new-ticket-title" tabIndex={-1} ref={heading}>
        {tr('shell.tickets.new')}
      </h2>
      {editable.map((field) => (
        <FieldInput key={field.key} field={field} value={values[field.key] ?? ''} onChange={(value) => setValues({ ...values, [field.key]: value })} />
      ))}
      {readOnly.length > 0 && (
        <dl class="readonly-fields">
          {readOnly.map((field) => (
            <ReadOnlyField key={field.key} field={field} />
          ))}
        </dl>
      )}
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      <div class="comment-actions">
        <button type="submit" disabled={busy}>
          {tr('shell.tickets.create')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {tr('shell.tickets.cancel')}
        </button>
      </div>
    </form>
  );
}
