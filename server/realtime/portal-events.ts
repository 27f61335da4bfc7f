import { EventEmitter } from 'node:events';
import type { MessageView } from '../../domain/conversations/conversation-schemas.js';
import type { Handoff } from '../../domain/conversations/join-conversation.js';

/**
 * What a REST route or a socket event tells the realtime side, whichever made the change: the settings of a tenant changed, so open widgets must re-read them; its chat apps changed, so the channels must rebuild its Slack or Teams app; an
 * action request changed, so its user's windows must hear of it; one was verified, so its device must get it;
 * a device was removed, so its agent must be cut off; a session ended, so its open sockets must close; a ticket was
 * created, got a comment or changed, so the consoles and its readers' windows must hear of it (`readersSee`: the
 * change is one the portal shows, not an assignment or an escalation, which are the technicians' business); a chat got a message (its user's windows, the technician
 * in it and the console's list must hear of it, except the window that sent it), or a technician came in or left.
 * A chat message travels as its stored view: everyone who hears it may read all of it.
 */
export class PortalEvents extends EventEmitter<{
  settingsChanged: [tenantId: string];
  chatAppsChanged: [tenantId: string];
  actionChanged: [tenantId: string, actionId: string];
  actionVerified: [tenantId: string, actionId: string];
  deviceRemoved: [deviceId: string];
  sessionEnded: [sessionKey: string];
  ticketCreated: [tenantId: string, ticketId: string];
  ticketCommented: [tenantId: string, commentId: string];
  ticketChanged: [tenantId: string, ticketId: string, readersSee: boolean];
  conversationMessage: [tenantId: string, conversationId: string, contactId: string, message: MessageView, exceptSocket: string | undefined];
  conversationHandoff: [tenantId: string, handoff: Handoff];
}> {}
