/** One choice: its value and what the technician reads. */
export type SelectOption<T extends string> = { value: T; label: string };

/**
 * A labelled drop-down whose first choice is none of the options (`anyLabel`: "Any company", "Nobody"), which gives
 * `undefined`: a list's filter then leaves the address, a form's field stays empty.
 */
export function OptionalSelect<T extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: T | undefined;
  options: readonly SelectOption<T>[];
  onChange(value: T | undefined): void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange((event.currentTarget.value || undefined) as T | undefined)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
