import * as z from 'zod';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. validation_failed, section_disabled.' }),
      message: z.string().meta({ description: "Human-readable, in the user's language." }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
