import type { InputHTMLAttributes, RefObject } from 'preact';

export type LabelledInputProps = {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  inputRef?: RefObject<HTMLInputElement | null>;
  value: string;
  onValue(value: string): void;
  /** What of the typed text the field keeps. */
  keep?: (typed: string) => string;
  /** The class of the field's box, for its place in a form. */
  fieldClass: string;
  /** The input's own attributes: its type, autocomplete and the like. */
  input: InputHTMLAttributes<HTMLInputElement>;
};

/** A labelled input with its hint, and its error announced when it shows and described while it is there. */
export function LabelledInput({ id, label, hint, error, inputRef, value, onValue, keep, fieldClass, input }: LabelledInputProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={fieldClass}>
      <label for={id}>{label}</label>
      <input
        {...input}
        spellcheck={false}
        id={id}
        ref={inputRef}
        value={value}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          const kept = keep ? keep(typed) : typed;
          if (kept !== typed) event.currentTarget.value = kept;
          onValue(kept);
        }}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
