import { signal } from '@preact/signals';
import type { BrandingView } from '../../../domain/settings/branding.js';
import { getBranding } from '../api/branding.js';
import { embedded, frame } from '../app/environment.js';

export const branding = signal<BrandingView | undefined>(undefined);

/** The tenant's name, logo, colour (already readable under white text) and greeting, before anyone signs in. */
export async function loadBranding(): Promise<void> {
  const answer = await getBranding();
  if (!answer.ok) return;
  branding.value = answer.body;
  frame().style.setProperty('--brand', answer.body.color);
  // Embedded, the page's title is the host's.
  if (!embedded()) document.title = answer.body.name;
}
