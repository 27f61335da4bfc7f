// The tabs beside the chat, in a module of their own: loaded once the chat is shown, so that what must arrive before
// a user can type is the chat alone.
export { KnowledgeBaseView } from '../views/KnowledgeBaseView.js';
export { SelfServiceView } from '../views/SelfServiceView.js';
export { SettingsView } from '../views/SettingsView.js';
export { TicketsView } from '../views/TicketsView.js';
