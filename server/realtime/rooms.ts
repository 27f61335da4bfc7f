/**
 * Socket.io rooms shared by the namespaces: a portal user's open windows, a tenant's windows, one session's windows, a
 * device's agent; on the console, a tenant's technicians, one technician's windows, the technicians in a chat.
 */
export function userRoom(tenantId: string, contactId: string): string {
  return `contact:${tenantId}:${contactId}`;
}

export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}

export function deviceRoom(deviceId: string): string {
  return `device:${deviceId}`;
}

export function sessionRoom(sessionKey: string): string {
  return `session:${sessionKey}`;
}

export function techniciansRoom(tenantId: string): string {
  return `technicians:${tenantId}`;
}

export function technicianRoom(tenantId: string, technicianId: string): string {
  return `technician:${tenantId}:${technicianId}`;
}

export function conversationRoom(tenantId: string, conversationId: string): string {
  return `conversation:${tenantId}:${conversationId}`;
}
