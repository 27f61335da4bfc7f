export const INTENTS = [
  'kb_question',
  'device_restart',
  'device_lock',
  'device_shutdown',
  'device_logout',
  'device_reset_password',
  'install_software',
  'list_devices',
  'ticket_status',
  'list_tickets',
  'create_ticket',
  'escalate',
  'greeting',
  'thanks',
  'goodbye',
  'help',
  'cancel',
  'affirm',
  'deny',
] as const;

export type Intent = (typeof INTENTS)[number];
