// The console's screens, in the order of its navigation. Each owns the addresses under its path.
import type { ComponentType } from 'preact';
import { ConversationsView } from '../views/ConversationsView.js';
import { CatalogView } from '../views/CatalogView.js';
import { ChatAppsView } from '../views/ChatAppsView.js';
import { AnalyticsView } from '../views/AnalyticsView.js';
import { AuditView } from '../views/AuditView.js';
import { CompaniesView } from '../views/CompaniesView.js';
import { DevicesView } from '../views/DevicesView.js';
import { ContactsView } from '../views/ContactsView.js';
import { KnowledgeBaseView } from '../views/KnowledgeBaseView.js';
import { SettingsView } from '../views/SettingsView.js';
import { TicketsView } from '../views/TicketsView.js';

export type Screen = {
  /** The first part of the address: /console/<path>/… */
  path: string;
  /** The key of its name in the navigation. */
  label: string;
  /** Screens that change the portal's configuration are for admins. */
  adminOnly?: boolean;
  component: ComponentType;
};

export const SCREENS: Screen[] = [
  { path: 'tickets', label: 'console.nav.tickets', component: TicketsView },
  { path: 'conversations', label: 'console.nav.conversations', component: ConversationsView },
  { path: 'contacts', label: 'console.nav.contacts', component: ContactsView },
  { path: 'companies', label: 'console.nav.companies', component: CompaniesView },
  { path: 'devices', label: 'console.nav.devices', component: DevicesView },
  { path: 'catalog', label: 'console.nav.catalog', component: CatalogView },
  { path: 'kb', label: 'console.nav.knowledgeBase', component: KnowledgeBaseView },
  { path: 'analytics', label: 'console.nav.analytics', component: AnalyticsView },
  // Technicians read the settings (as the API lets them); the controls are for admins.
  { path: 'settings', label: 'console.nav.settings', component: SettingsView },
  { path: 'chat-apps', label: 'console.nav.chatApps', adminOnly: true, component: ChatAppsView },
  { path: 'audit', label: 'console.nav.audit', component: AuditView },
];
