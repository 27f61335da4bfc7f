import * as z from 'zod';
import { AppError } from './errors.js';

/** Turns zod issues into the one validation error, naming the first problem and carrying them all. */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
  const first = issues[0];
  const detail = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid input';
  return new AppError('validation_failed', detail, { params: { detail }, details: issues });
}

export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
