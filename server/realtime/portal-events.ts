import { EventEmitter } from 'node:events';

/**
 * What a REST route or a socket event tells the realtime side, whichever made the change: the settings of a tenant changed, so open widgets must re-read them; an
 * action request changed, so its user's windows must hear of it; one was verified, so its device must get it;
 * a device was removed, so its agent must be cut off; a session ended, so its open sockets must close; a ticket got a
 * comment or changed, so its readers' windows must hear of it.
 */
export class PortalEvents extends EventEmitter<{
  settingsChanged: [tenantId: string];
  actionChanged: [tenantId: string, actionId: string];
  actionVerified: [tenantId: string, actionId: string];
  deviceRemoved: [deviceId: string];
  sessionEnded: [sessionKey: string];
  ticketCommented: [tenantId: string, commentId: string];
  ticketChanged: [tenantId: string, ticketId: string];
}> {}
