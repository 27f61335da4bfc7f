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

/** What the intent models learn. */
export type ModelIntent = (typeof INTENTS)[number];

/**
 * What a message is read as: what the models learn, or talk of nothing IT at all ("is it raining in Málaga
 * tomorrow?"), which the models cannot learn, since they would have to know every other subject, but the lexicon of
 * IT tells by knowing none of its words.
 */
export type Intent = ModelIntent | 'small_talk';
