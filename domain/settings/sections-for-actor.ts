import type { Actor } from '../context.js';
import { SECTION_NAMES, type PortalSettings, type SectionName } from './settings-schema.js';

export type SectionAccess = Record<SectionName, boolean>;

/** Technicians are not portal users: sections gate end users only. */
export function sectionsForActor(settings: PortalSettings, actor: Actor): SectionAccess {
  const access = {} as SectionAccess;
  for (const name of SECTION_NAMES) {
    const section = settings.sections[name];
    access[name] =
      actor.kind === 'technician' ||
      section.mode === 'everyone' ||
      (section.mode === 'selected' && section.userIds.includes(actor.id));
  }
  return access;
}
