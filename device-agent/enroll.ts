import os from 'node:os';
import { currentPlatform } from './platform.js';
import { ENROLL_PATH, EnrollRequestSchema, EnrollResponseSchema, type EnrollResponse, type Platform } from './protocol.js';
import { agentAccount, detectSignedInUser } from './session.js';
import { describeOs, deviceModel } from './system-info.js';
import { fit } from './text.js';
import { AGENT_VERSION } from './version.js';

export interface EnrollOptions {
  server: string;
  /** The company's enrollment token, from Portico's console. */
  token: string;
  /** What the device says about itself; each one left out is detected on this machine. */
  name?: string;
  platform?: Platform;
  osVersion?: string;
  model?: string;
  loggedInUser?: string;
  timeoutMs?: number;
}

/** Why an enrollment failed, with the server's error code when it answered one (`enrollment_token_invalid`…). */
export class EnrollError extends Error {
  override readonly name = 'EnrollError';

  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function serverBase(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new EnrollError(`${JSON.stringify(server)} is not a URL; give the server as https://host`, 'invalid_server');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EnrollError(`${server} is not an http(s) URL`, 'invalid_server');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

async function describeDevice(options: EnrollOptions, platform: Platform) {
  // Only this machine can be asked; a device described for another OS (a simulation) gets what it was given.
  const here = platform === currentPlatform();
  const [osVersion, model, signedIn] = await Promise.all([
    options.osVersion ?? (here ? describeOs(platform) : undefined),
    options.model ?? (here ? deviceModel(platform) : undefined),
    options.loggedInUser ?? (here ? detectSignedInUser(platform).then((user) => user.name ?? agentAccount()) : undefined),
  ]);
  return { osVersion: fit(osVersion, 120), model: fit(model, 120), loggedInUser: fit(signedIn, 120) };
}

/** Enrolls this device (or a described one) with a company's enrollment token and returns its own credentials. */
export async function enrollAgent(options: EnrollOptions): Promise<EnrollResponse> {
  const base = serverBase(options.server);
  const platform = options.platform ?? currentPlatform();
  const request = EnrollRequestSchema.safeParse({
    token: options.token,
    name: fit(options.name ?? os.hostname(), 120) ?? 'device',
    os: platform,
    agentVersion: AGENT_VERSION,
    ...(await describeDevice(options, platform)),
  });
  if (!request.success) {
    const fields = [...new Set(request.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new EnrollError(`Invalid enrollment request (${fields}).`, 'invalid_request');
  }
  const body = request.data;

  let response: Response;
  try {
    response = await fetch(`${base}${ENROLL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new EnrollError(`Cannot reach ${base}: ${cause}`, 'unreachable');
  }

  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (answer as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof problem?.code === 'string' && typeof problem.message === 'string') {
      throw new EnrollError(`${problem.message} (${problem.code})`, problem.code, response.status);
    }
    throw new EnrollError(`The server answered HTTP ${response.status} to the enrollment.`, 'http_error', response.status);
  }
  const parsed = EnrollResponseSchema.safeParse(answer);
  if (!parsed.success) throw new EnrollError('The server gave an unexpected answer to the enrollment.', 'bad_response', response.status);
  return parsed.data;
}
