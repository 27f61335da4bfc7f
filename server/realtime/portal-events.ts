import { EventEmitter } from 'node:events';

/** What the REST side tells the realtime side: the settings of a tenant changed, so open widgets must re-read them. */
export class PortalEvents extends EventEmitter<{ settingsChanged: [tenantId: string] }> {}
