import { consoleSessionId, packageFor, requirePassword, resettableName } from './validate.js';
import { INSTALL_TIMEOUT_MS, RESTART_NOTICE, SHUTDOWN_NOTICE, lastToken, single, type Driver } from './types.js';

// Chocolatey's "installed, a restart is pending" codes (1641, 3010) are a success for the user who asked.
const CHOCO_SUCCESS = [0, 1641, 3010];

/**
 * The agent runs as LocalSystem in session 0, where LockWorkStation would lock nothing. Lock and logout act on the
 * console session by id instead: `tsdiscon <id>` disconnects it (the user sees the lock screen and gets their session
 * back by signing in), `logoff <id>` ends it. Both tools ship with Windows Pro, Enterprise and Education.
 */
export const windowsDriver: Driver = {
  restart: () => single(['shutdown.exe', '/r', '/t', '60', '/c', RESTART_NOTICE]),
  shutdown: () => single(['shutdown.exe', '/s', '/t', '60', '/c', SHUTDOWN_NOTICE]),
  lock: ({ user }) => single(['tsdiscon.exe', String(consoleSessionId(user))]),
  logout: ({ user }) => single(['logoff.exe', String(consoleSessionId(user))]),
  reset_password: ({ user, password }) => {
    const name = resettableName(user);
    const secret = requirePassword(password);
    // `net user` takes the new password only as an argument (its interactive `*` prompt needs a console). It is on
    // this process's command line for an instant, visible to administrators only, and redacted from logs and output.
    // The user must choose their own password at the next sign-in: the temporary one travelled by SMS.
    return { ...single(['net.exe', 'user', name, secret, '/logonpasswordchg:yes']), secrets: [secret] };
  },
  install: ({ command }) => {
    const { id } = packageFor(command, ['chocolatey']);
    return {
      steps: [{ argv: ['choco.exe', 'install', id, '-y', '--no-progress'], timeoutMs: INSTALL_TIMEOUT_MS, successCodes: CHOCO_SUCCESS }],
      // Chocolatey 2 lists local packages only; `--limit-output` prints `id|version`.
      versionQuery: { argv: ['choco.exe', 'list', '--exact', id, '--limit-output'], parse: lastToken },
      secrets: [],
    };
  },
};
