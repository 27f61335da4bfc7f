import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../../portal-widget/src/api/http.js';
import { tr } from '../i18n/i18n.js';
import { Dialog } from './Dialog.js';

/** Sends the form: resolves with the refusal to show (the server's message, or a check of our own), or nothing once done. */
export type Send = (form: HTMLFormElement) => Promise<string | undefined>;

/** An answer as a form takes it: a refusal to show, or its body handed to `then` (which closes or moves on). */
export function settle<T>(answer: ApiResult<T>, then: (body: T) => void): string | undefined {
  if (!answer.ok) return answer.error.message;
  then(answer.body);
  return undefined;
}

export type SubmitFormProps = {
  onSubmit: Send;
  onCancel(): void;
  submitLabel: string;
  children: ComponentChildren;
  /** False while what the form needs is still loading: the submit button waits for it. */
  ready?: boolean;
  /** What went wrong before the form was sent (its choices failed to load), until a send says otherwise. */
  error?: string;
  class?: string;
};

/**
 * A form that sends once at a time: its button is off while the answer is awaited, and a refusal is shown above the
 * buttons and read out, the fields kept as typed so the person can correct them.
 */
export function SubmitForm({ onSubmit, onCancel, submitLabel, children, ready = true, error: before = '', class: className }: SubmitFormProps) {
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    const refusal = await onSubmit(event.currentTarget as HTMLFormElement);
    setBusy(false);
    if (refusal !== undefined) setRefused(refusal);
  }
  return (
    <form class={className} onSubmit={(event) => void submit(event)}>
      {children}
      <p class="error" role="alert">
        {refused ?? before}
      </p>
      <div class="dialog-actions">
        <button type="button" class="secondary" onClick={onCancel}>
          {tr('console.dialog.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy || !ready}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export type FormDialogProps = Omit<SubmitFormProps, 'onCancel' | 'class'> & {
  title: string;
  onClose(): void;
  size?: 'narrow' | 'wide';
};

/** A dialog that holds one form: Cancel, Escape and the close button all close it; the caller closes it on success. */
export function FormDialog({ title, onClose, size, ...form }: FormDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} size={size}>
      <SubmitForm {...form} class="dialog-body" onCancel={onClose} />
    </Dialog>
  );
}
