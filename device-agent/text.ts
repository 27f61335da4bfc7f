/** A value for a protocol field of bounded length: trimmed and cut, or undefined when nothing is left. */
export function fit(value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim().slice(0, max).trim();
  return trimmed ? trimmed : undefined;
}
