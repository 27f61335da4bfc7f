import { useRef, useState } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';

/**
 * A value to hand on (a username, a password) with a button that copies it. Where the clipboard is refused, the value
 * is selected instead so that Ctrl+C copies it.
 */
export function CopyField({ label, value, copyLabel, autofocus }: { label: string; value: string; copyLabel: string; autofocus?: boolean }) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  }
  return (
    <div class="copy-field">
      <label>
        <span>{label}</span>
        <input ref={field} readOnly value={value} spellcheck={false} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <button type="button" class="secondary" autofocus={autofocus} onClick={() => void copy()} aria-label={copyLabel}>
        {copied ? tr('console.copy.copied') : tr('console.copy.copy')}
      </button>
      <span role="status" class="visually-hidden">
        {copied ? tr('console.copy.done', { what: label }) : ''}
      </span>
    </div>
  );
}
