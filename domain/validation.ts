import * as z from 'zod';
import { AppError } from './errors.js';

/** Turns zod issues into the one validation error, naming the first problem and carrying them all. */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
  const first = issues[0];
  const detail = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid input';
  return new AppError('validation_failed', detail, { params: { detail }, details: issues });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Deeper than any payload of ours; a pathological nesting is refused rather than walked.
const MAX_DEPTH = 32;

/**
 * The first place in a payload holding text no column or answer can carry: a NUL character (PostgreSQL refuses it)
 * or a lone UTF-16 surrogate (not Unicode text at all). Checked before any schema, so no route or event can forget it.
 */
function findUnstorableText(value: unknown, path: string[] = []): { path: string; problem: string } | undefined {
  if (path.length > MAX_DEPTH) return { path: path.join('.'), problem: 'nested too deeply' };
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: path.join('.'), problem: 'contains a NUL character' };
    if (LONE_SURROGATE.test(value)) return { path: path.join('.'), problem: 'is not valid Unicode text' };
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = findUnstorableText(key, [...path, '(key)']);
    if (keyProblem) return keyProblem;
    const problem = findUnstorableText(item, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable = findUnstorableText(input);
  if (unstorable) {
    const detail = unstorable.path ? `${unstorable.path}: ${unstorable.problem}` : unstorable.problem;
    throw new AppError('validation_failed', detail, {
      params: { detail },
      details: [{ path: unstorable.path, message: unstorable.problem, code: 'invalid_text' }],
    });
  }
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
