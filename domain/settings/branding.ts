import * as z from 'zod';
import type { Queryable } from '../../db/transaction.js';
import { readableOnWhiteText } from './brand-color.js';
import { loadSettings } from './load-settings.js';

export const BrandingViewSchema = z
  .object({
    name: z.string(),
    logoUrl: z.string().nullable(),
    /** The admin's colour, darkened where white text on it would fail WCAG AA (4.5:1). */
    color: z.string(),
    greeting: z.string().nullable(),
  })
  .meta({ id: 'Branding' });
export type BrandingView = z.infer<typeof BrandingViewSchema>;

/** How the tenant's portal and widget look, before anyone signs in. */
export async function getBranding(q: Queryable, tenant: { id: string; name: string }): Promise<BrandingView> {
  const { branding } = await loadSettings(q, tenant.id);
  return {
    name: branding.name ?? tenant.name,
    logoUrl: branding.logoUrl,
    color: readableOnWhiteText(branding.color),
    greeting: branding.greeting,
  };
}
