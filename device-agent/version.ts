/** Reported at enrollment and on every connection, so the server can tell which agents need an update. */
export const AGENT_VERSION = '0.1.0';
