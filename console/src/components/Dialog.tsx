import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';

export type DialogProps = {
  title: string;
  /** Escape, the close button, or the caller's own Cancel. */
  onClose(): void;
  children: ComponentChildren;
  /** A narrow dialog for a question, a wide one for a form. */
  size?: 'narrow' | 'wide';
  /** A dialog that must be read to the end (a password shown once) says so to its alert role. */
  role?: 'dialog' | 'alertdialog';
};

/**
 * A modal dialog, open while it is rendered: the browser's own `<dialog>` keeps focus inside it and the page behind
 * inert; Escape closes it, and focus goes back to what opened it.
 */
export function Dialog({ title, onClose, children, size = 'narrow', role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const dialog = ref.current;
    dialog?.showModal();
    // Closed before its element leaves the page: while it is modal, everything behind it is inert and refuses focus.
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog dialog-${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
    >
      <header class="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="icon" aria-label={tr('console.dialog.close')} onClick={() => close.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {children}
    </dialog>
  );
}

export type ConfirmDialogProps = {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** Resolves with the server's refusal, shown in the dialog; with nothing, the dialog closes. */
  onConfirm(): Promise<string | undefined>;
  onClose(): void;
  danger?: boolean;
};

/** A question before an action that cannot be taken back: Cancel is focused first, so Enter alone does nothing harmful. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger }: ConfirmDialogProps) {
  const [state, setState] = useState({ busy: false, error: '' });
  async function confirm() {
    setState({ busy: true, error: '' });
    const refused = await onConfirm();
    if (refused === undefined) onClose();
    else setState({ busy: false, error: refused });
  }
  return (
    <Dialog title={title} onClose={onClose} role="alertdialog">
      <div class="dialog-body">{children}</div>
      <p class="error" role="alert">
        {state.error}
      </p>
      <div class="dialog-actions">
        <button type="button" class="secondary" autofocus onClick={onClose}>
          {tr('console.dialog.cancel')}
        </button>
        <button type="button" class={danger ? 'danger solid' : 'primary'} disabled={state.busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
