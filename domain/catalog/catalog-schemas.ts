import * as z from 'zod';

export const CatalogAppViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publisher: z.string(),
    category: z.string().nullable(),
    platforms: z.array(z.enum(['windows', 'macos', 'linux'])),
  })
  .meta({ id: 'CatalogApp' });
export type CatalogAppView = z.infer<typeof CatalogAppViewSchema>;
