/** Socket.io rooms shared by the namespaces: a portal user's open windows, a tenant's windows, one session's windows, a device's agent. */
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
