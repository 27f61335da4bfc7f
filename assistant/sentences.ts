/** A message's sentences, split at their marks and at line ends: what some rules read one at a time. */
export function sentencesOf(text: string): string[] {
  return text.split(/[.!?;\n]+/);
}
