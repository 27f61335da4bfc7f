import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CustomFieldKind, CustomFieldView } from '../../../../domain/tickets/custom-field-schemas.js';
import { createCustomField, deleteCustomField, updateCustomField } from '../../api/custom-fields.js';
import { tr } from '../../i18n/i18n.js';
import { customFields, customFieldsChanged } from '../../store/settings.js';

// Every kind the API takes, in the order the menu offers them; the record makes the compiler ask for a new one.
const KIND_ORDER: Record<CustomFieldKind, number> = { text: 0, number: 1, dropdown: 2, date: 3, checkbox: 4 };
const KINDS = (Object.keys(KIND_ORDER) as CustomFieldKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

type Draft = { label: string; kind: CustomFieldKind; options: string; required: boolean };
const EMPTY: Draft = { label: '', kind: 'text', options: '', required: false };
const optionsOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** One form for a new field or the one being edited: a field's key and kind stay as created, since tickets hold values. */
function FieldEditor({ editing, onDone }: { editing: CustomFieldView | undefined; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(
    editing ? { label: editing.label, kind: editing.kind, options: editing.options.join('\n'), required: editing.required } : EMPTY,
  );
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const labelInput = useRef<HTMLInputElement>(null);
  // Edit moves the keyboard to the field's label.
  useLayoutEffect(() => {
    if (editing) labelInput.current?.focus();
  }, [editing]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    const options = draft.kind === 'dropdown' ? optionsOf(draft.options) : undefined;
    const answer = editing
      ? await updateCustomField(editing.id, { label: draft.label, required: draft.required, ...(options ? { options } : {}) })
      : await createCustomField({ label: draft.label, kind: draft.kind, required: draft.required, visibility: 'editable', ...(options ? { options } : {}) });
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message || tr('console.settings.unreachable'));
    setError('');
    setDraft(EMPTY);
    await customFieldsChanged();
    onDone();
  }

  const title = editing ? tr('console.settings.customFields.editTitle', { label: editing.label }) : tr('console.settings.customFields.addTitle');
  return (
    <form class="field-editor" aria-label={title} onSubmit={(event) => void submit(event)}>
      <h3>{title}</h3>
      <div class="field-editor-grid">
        <label>
          <span>{tr('console.settings.customFields.label')}</span>
          <input ref={labelInput} value={draft.label} required maxLength={100} onInput={(event) => setDraft({ ...draft, label: event.currentTarget.value })} />
        </label>
        <label>
          <span>{tr('console.settings.customFields.kind')}</span>
          <select value={draft.kind} disabled={editing !== undefined} onChange={(event) => setDraft({ ...draft, kind: event.currentTarget.value as CustomFieldKind })}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tr(`console.settings.customFields.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.kind === 'dropdown' && (
        <label>
          <span>{tr('console.settings.customFields.options')}</span>
          <textarea value={draft.options} rows={4} onInput={(event) => setDraft({ ...draft, options: event.currentTarget.value })} />
        </label>
      )}
      <label class="check">
        <input type="checkbox" checked={draft.required} onChange={(event) => setDraft({ ...draft, required: event.currentTarget.checked })} />
        <span>{tr('console.settings.customFields.required')}</span>
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {tr(editing ? 'console.settings.save' : 'console.settings.customFields.add')}
        </button>
        {editing && (
          <button type="button" class="secondary" onClick={onDone}>
            {tr('console.settings.cancel')}
          </button>
        )}
      </div>
      <p class="error" role="alert" hidden={!error}>
        {error}
      </p>
    </form>
  );
}

/** Admins add, rename and remove the ticket's own fields; their visibility in the portal is chosen with the others. */
export function CustomFieldsEditor() {
  const fields = customFields.value ?? [];
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  const [deletingId, setDeletingId] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');
  const editing = fields.find((field) => field.id === editingId);

  async function remove(field: CustomFieldView) {
    const answer = await deleteCustomField(field.id);
    setDeletingId(undefined);
    setError(answer.ok ? '' : answer.error.message || tr('console.settings.unreachable'));
    if (answer.ok) await customFieldsChanged();
  }

  return (
    <section class="panel settings-form" aria-labelledby="custom-fields-title">
      <h2 id="custom-fields-title" tabIndex={-1}>{tr('console.settings.customFields.title')}</h2>
      <p class="muted form-hint">{tr('console.settings.customFields.hint')}</p>
      {fields.length === 0 ? (
        <p class="muted">{tr('console.settings.customFields.none')}</p>
      ) : (
        <ul class="custom-fields" aria-label={tr('console.settings.customFields.title')}>
          {fields.map((field) => (
            <li key={field.id}>
              <div class="custom-field-row">
                <span class="custom-field-name">
                  <strong>{field.label}</strong>
                  <span class="sub">
                    {tr(`console.settings.customFields.kind.${field.kind}`)}
                    {field.kind === 'dropdown' && `: ${field.options.join(', ')}`}
                    {field.required && ` · ${tr('console.settings.customFields.requiredShort')}`}
                  </span>
                </span>
                <button type="button" class="secondary small" aria-label={tr('console.settings.customFields.edit', { label: field.label })} onClick={() => setEditingId(field.id)}>
                  {tr('console.settings.customFields.editShort')}
                </button>
                <button type="button" class="danger small" aria-label={tr('console.settings.customFields.delete', { label: field.label })} onClick={() => setDeletingId(field.id)}>
                  {tr('console.settings.customFields.deleteShort')}
                </button>
              </div>
              {deletingId === field.id && (
                <div class="confirm" role="group" aria-labelledby={`delete-${field.id}`}>
                  <p id={`delete-${field.id}`}>{tr('console.settings.customFields.deleteQuestion', { label: field.label })}</p>
                  <button type="button" class="danger" onClick={() => void remove(field)}>
                    {tr('console.settings.customFields.deleteConfirm')}
                  </button>
                  <button type="button" class="secondary" onClick={() => setDeletingId(undefined)}>
                    {tr('console.settings.cancel')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="error" role="alert" hidden={!error}>
        {error}
      </p>
      <FieldEditor key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditingId(undefined)} />
    </section>
  );
}
