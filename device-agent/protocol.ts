import * as z from 'zod';

// The contract between Portico and its device agents. The agent is a separate program that talks to the server only
// through these messages: enrollment over HTTP, then one socket.io connection to the `/agents` namespace.

export const AGENT_NAMESPACE = '/agents';
export const ENROLL_PATH = '/api/v1/agents/enroll';

export const PLATFORMS = ['windows', 'macos', 'linux'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const COMMAND_KINDS = ['restart', 'lock', 'shutdown', 'logout', 'reset_password', 'install'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** `POST /api/v1/agents/enroll`: the enrollment token of a company, and what the device says about itself. */
export const EnrollRequestSchema = z.strictObject({
  token: text(200),
  name: text(120),
  os: z.enum(PLATFORMS),
  osVersion: text(120).optional(),
  model: text(120).optional(),
  loggedInUser: text(120).optional(),
  agentVersion: text(40),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

/** The device's own credentials: the agent keeps them in its config file, the server only a hash of the token. */
export const EnrollResponseSchema = z.object({ deviceId: z.string(), agentToken: z.string() });
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/** Socket.io handshake `auth` of an enrolled agent. */
export const AgentAuthSchema = z.strictObject({
  token: text(200),
  agentVersion: text(40),
  osVersion: text(120).optional(),
  loggedInUser: text(120).optional(),
});
export type AgentAuth = z.infer<typeof AgentAuthSchema>;

/** agent → server `agent:heartbeat`, acknowledged with `{ok: true}`; also refreshes who is signed in. */
export const HeartbeatSchema = z.strictObject({ loggedInUser: text(120).optional() });
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const PackageRefSchema = z.strictObject({
  manager: z.enum(['chocolatey', 'homebrew', 'apt', 'dnf']),
  // Package ids come from the tenant's catalog only; the pattern keeps anything that could be an option or a path out.
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+@/-]{0,99}$/),
  cask: z.boolean().default(false),
});
export type PackageRef = z.infer<typeof PackageRefSchema>;

/**
 * server → agent `command`, acknowledged with `{received: true}`. `commandId` is the action request's id: the same
 * command may arrive twice (a lost acknowledgement, a reconnect) and runs at most once.
 */
export const CommandSchema = z.strictObject({
  commandId: z.uuid(),
  kind: z.enum(COMMAND_KINDS),
  package: PackageRefSchema.optional(),
});
export type Command = z.infer<typeof CommandSchema>;

/**
 * agent → server `command:update`, acknowledged with `{ok: true}`. `output` is the last lines of the command's output;
 * `temporaryPassword` only on a succeeded `reset_password`: the server sends it to the user by SMS and stores it nowhere.
 */
export const CommandUpdateSchema = z.strictObject({
  commandId: z.uuid(),
  status: z.enum(['running', 'succeeded', 'failed']),
  exitCode: z.number().int().optional(),
  output: z.string().max(4000).optional(),
  installedVersion: text(80).optional(),
  temporaryPassword: z.string().min(8).max(128).optional(),
});
export type CommandUpdate = z.infer<typeof CommandUpdateSchema>;
