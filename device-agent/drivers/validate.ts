import type { Command, PackageRef } from '../protocol.js';
import type { SignedInUser } from './types.js';

/** A command the agent will not run as asked; its message is reported to the server as the command's output. */
export class CommandRefused extends Error {
  override readonly name = 'CommandRefused';
}

// Names that cannot start like an option or a path and contain nothing a program could read as syntax. A real
// account outside this pattern (one with a space, say) is refused rather than guessed at.
const USER_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

// Built-in administrator accounts: a self-service password reset must never hand out their password.
const PROTECTED_USERS = new Set(['root', 'administrator', 'admin', 'system', 'daemon', 'nobody']);

export function signedInName(user: SignedInUser): string {
  if (user.name === undefined || user.name === '') throw new CommandRefused('Nobody is signed in on this device.');
  if (!USER_NAME.test(user.name)) {
    throw new CommandRefused(`The signed-in user name ${JSON.stringify(user.name)} is not one the agent acts on.`);
  }
  return user.name;
}

export function resettableName(user: SignedInUser): string {
  const name = signedInName(user);
  if (PROTECTED_USERS.has(name.toLowerCase()) || user.uid === 0) {
    throw new CommandRefused(`The password of ${name} is not reset through self-service.`);
  }
  return name;
}

export function signedInUid(user: SignedInUser): number {
  if (user.uid === undefined || !Number.isSafeInteger(user.uid) || user.uid <= 0) {
    throw new CommandRefused('Nobody is signed in on this device.');
  }
  return user.uid;
}

export function consoleSessionId(user: SignedInUser): number {
  if (user.sessionId === undefined || !Number.isSafeInteger(user.sessionId) || user.sessionId <= 0) {
    throw new CommandRefused('Nobody is signed in on this device.');
  }
  return user.sessionId;
}

export function requirePassword(password: string | undefined): string {
  if (!password) throw new Error('reset_password needs the generated password');
  return password;
}

type Manager = PackageRef['manager'];

// Stricter than the protocol's pattern, per manager: each also accepts things that are not package names (a local
// file, a list file, a tap path), and none of those may come through a catalog entry.
const PACKAGE_RULES: Record<Manager, (id: string) => boolean> = {
  chocolatey: (id) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id) && !/\.(nupkg|nuspec|config)$/i.test(id),
  homebrew: (id) =>
    /^[A-Za-z0-9][A-Za-z0-9._+@-]*(\/[A-Za-z0-9][A-Za-z0-9._+@-]*){0,2}$/.test(id) &&
    id.length <= 100 &&
    !id.includes('..') &&
    !id.endsWith('.rb'),
  apt: (id) => /^[a-z0-9][a-z0-9+.-]{0,99}$/.test(id) && !id.endsWith('.deb'),
  dnf: (id) => /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/.test(id) && !id.endsWith('.rpm'),
};

/** Whether a package manager would take the id as a package name; the server's catalog refuses what agents would. */
export function isValidPackageId(manager: Manager, id: string): boolean {
  return PACKAGE_RULES[manager](id);
}

/** The command's package, checked again here because this is the last stop before an argv. */
export function packageFor(command: Command, managers: readonly Manager[]): PackageRef {
  const ref = command.package;
  if (!ref) throw new CommandRefused('The install command names no package.');
  if (!managers.includes(ref.manager)) {
    throw new CommandRefused(`This device installs with ${managers.join(' or ')}, not ${ref.manager}.`);
  }
  if (typeof ref.id !== 'string' || !isValidPackageId(ref.manager, ref.id)) {
    throw new CommandRefused(`${JSON.stringify(ref.id)} is not a valid ${ref.manager} package id.`);
  }
  return ref;
}
