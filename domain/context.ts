import type { Language } from '../i18n/languages.js';

export type ContactActor = {
  kind: 'contact';
  id: string;
  name: string;
  companyId: string;
  primary: boolean;
  language: Language;
};

export type TechnicianActor = {
  kind: 'technician';
  id: string;
  name: string;
  admin: boolean;
  language: Language;
};

export type Actor = ContactActor | TechnicianActor;

/** Every use case takes this first, so none can forget which tenant it works in or who asks. */
export type Ctx = { tenantId: string; actor: Actor };
