import { existsSync } from 'node:fs';
import { packageFor, requirePassword, resettableName, signedInName, signedInUid } from './validate.js';
import { INSTALL_TIMEOUT_MS, RESTART_NOTICE, SHUTDOWN_NOTICE, lastToken, single, type Driver } from './types.js';

/** Apple silicon Macs keep Homebrew in /opt/homebrew, Intel ones in /usr/local; a LaunchDaemon's PATH has neither. */
export function homebrewPath(): string {
  return existsSync('/opt/homebrew/bin/brew') ? '/opt/homebrew/bin/brew' : '/usr/local/bin/brew';
}

/**
 * Lock: macOS has no supported command that locks another user's session from root (CGSession went away in macOS 11),
 * so the agent turns the display off with `pmset displaysleepnow`. With "require password immediately" after the display
 * turns off (askForPassword 1, askForPasswordDelay 0, which an MSP's MDM profile enforces) that is a lock.
 * Homebrew refuses to run as root, so installs run as the signed-in user through sudo.
 */
export function macosDriver(brew: string = homebrewPath()): Driver {
  const asUser = (name: string, ...args: string[]) => ['/usr/bin/sudo', '-u', name, '-H', '--', brew, ...args] as const;
  return {
    restart: () => single(['/sbin/shutdown', '-r', '+1', RESTART_NOTICE]),
    shutdown: () => single(['/sbin/shutdown', '-h', '+1', SHUTDOWN_NOTICE]),
    lock: () => single(['/usr/bin/pmset', 'displaysleepnow']),
    logout: ({ user }) => single(['/bin/launchctl', 'bootout', `gui/${signedInUid(user)}`]),
    reset_password: ({ user, password }) => {
      const name = resettableName(user);
      const secret = requirePassword(password);
      // dscl takes the new password only as an argument; it is redacted from logs and output.
      return { ...single(['/usr/bin/dscl', '.', '-passwd', `/Users/${name}`, secret]), secrets: [secret] };
    },
    install: ({ command, user }) => {
      const { id, cask } = packageFor(command, ['homebrew']);
      const name = signedInName(user);
      const kind = cask ? ['--cask'] : [];
      return {
        steps: [{ argv: asUser(name, 'install', ...kind, id), timeoutMs: INSTALL_TIMEOUT_MS }],
        versionQuery: { argv: asUser(name, 'list', ...kind, '--versions', id), parse: lastToken },
        secrets: [],
      };
    },
  };
}
