import { stat } from 'node:fs/promises';
import os from 'node:os';
import type { SignedInUser } from './drivers/types.js';
import type { Platform } from './protocol.js';
import { capture } from './runner.js';

/**
 * Who sits at the console now. The agent runs as root or LocalSystem, so its own account says nothing: each OS is
 * asked for its console session instead. Unknown parts stay undefined; commands that need them are refused.
 */
export function detectSignedInUser(platform: Platform): Promise<SignedInUser> {
  if (platform === 'windows') return windowsConsole();
  if (platform === 'macos') return macosConsole();
  return linuxSeat();
}

/** `query session console` prints a localized header, then `>console  alice  1  Active` (no name when signed out). */
export function parseQuerySession(stdout: string): SignedInUser {
  for (const line of stdout.split(/\r?\n/)) {
    const [session, ...rest] = line.trim().replace(/^>/, '').split(/\s+/);
    if (session?.toLowerCase() !== 'console') continue;
    const idAt = rest.findIndex((token) => /^\d+$/.test(token));
    if (idAt === -1) return {};
    const sessionId = Number(rest[idAt]);
    return idAt === 0 ? { sessionId } : { name: rest.slice(0, idAt).join(' '), sessionId };
  }
  return {};
}

async function windowsConsole(): Promise<SignedInUser> {
  const stdout = await capture(['query.exe', 'session', 'console']);
  return stdout === undefined ? {} : parseQuerySession(stdout);
}

/** The console device belongs to whoever is signed in at the Mac, and to root at the login window. */
async function macosConsole(): Promise<SignedInUser> {
  const uid = await stat('/dev/console').then((s) => s.uid, () => undefined);
  if (uid === undefined || uid === 0) return {};
  const name = (await capture(['/usr/bin/id', '-un', String(uid)]))?.trim();
  return name ? { name, uid } : { uid };
}

export function parseProperties(stdout: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) properties.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  return properties;
}

/** The active session of seat0 (the physical screen and keyboard) and its user, as logind knows them. */
async function linuxSeat(): Promise<SignedInUser> {
  const seat = parseProperties((await capture(['loginctl', 'show-seat', 'seat0', '-p', 'ActiveSession'])) ?? '');
  const sessionId = seat.get('ActiveSession');
  if (!sessionId || !/^[A-Za-z0-9]+$/.test(sessionId)) return {};
  const session = parseProperties((await capture(['loginctl', 'show-session', sessionId, '-p', 'Name', '-p', 'User'])) ?? '');
  const uid = Number(session.get('User'));
  return { name: session.get('Name') || undefined, uid: Number.isSafeInteger(uid) && session.has('User') ? uid : undefined };
}

/** The account this process runs as; some containers run under a uid with no name. */
export function agentAccount(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}
