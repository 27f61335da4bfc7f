import { useId, useRef, useState } from 'preact/hooks';

export type ChipsInputProps = {
  label: string;
  hint: string;
  values: string[];
  onValues(values: string[]): void;
  /** What of a typed entry is kept (e.g. lower case, no leading @); empty drops it. */
  keep?: (typed: string) => string;
  /** The accessible name of a chip's remove button. */
  removeLabel(value: string): string;
  placeholder?: string;
};

/**
 * A list of short values edited as chips: Enter, comma, space or leaving the field adds what was typed (a pasted list
 * too), Backspace in the empty field takes the last chip back for editing, each chip has its remove button.
 */
export function ChipsInput({ label, hint, values, onValues, keep = (typed) => typed.trim(), removeLabel, placeholder }: ChipsInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  function add(typed: string): void {
    const added = typed
      .split(/[\s,;]+/)
      .map(keep)
      .filter((value) => value !== '' && !values.includes(value));
    if (added.length > 0) onValues([...values, ...new Set(added)]);
    setText('');
  }

  function remove(value: string): void {
    onValues(values.filter((candidate) => candidate !== value));
    input.current?.focus();
  }

  return (
    <div class="field chips-field">
      <label for={id}>{label}</label>
      <div class="chips" onClick={(event) => event.target === event.currentTarget && input.current?.focus()}>
        {values.length > 0 && (
          <ul class="chip-list" aria-label={label}>
            {values.map((value) => (
              <li key={value} class="chip">
                <span>{value}</span>
                <button type="button" aria-label={removeLabel(value)} onClick={() => remove(value)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          ref={input}
          value={text}
          placeholder={placeholder}
          spellcheck={false}
          autocapitalize="off"
          aria-describedby={`${id}-hint`}
          onInput={(event) => {
            const typed = event.currentTarget.value;
            if (/[\s,;]/.test(typed)) add(typed);
            else setText(typed);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && text.trim() !== '') {
              event.preventDefault();
              add(text);
            } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
              event.preventDefault();
              setText(values[values.length - 1]!);
              onValues(values.slice(0, -1));
            }
          }}
          onBlur={() => add(text)}
        />
      </div>
      <p class="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

