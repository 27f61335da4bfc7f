import { packageFor, requirePassword, resettableName, signedInName } from './validate.js';
import { INSTALL_TIMEOUT_MS, RESTART_NOTICE, SHUTDOWN_NOTICE, lastToken, single, type Driver } from './types.js';

/** `loginctl lock-sessions` asks every session's screen locker (GNOME, KDE, anything that listens to logind) to lock. */
export const linuxDriver: Driver = {
  restart: () => single(['shutdown', '-r', '+1', RESTART_NOTICE]),
  shutdown: () => single(['shutdown', '-P', '+1', SHUTDOWN_NOTICE]),
  lock: () => single(['loginctl', 'lock-sessions']),
  logout: ({ user }) => single(['loginctl', 'terminate-user', signedInName(user)]),
  reset_password: ({ user, password }) => {
    const name = resettableName(user);
    const secret = requirePassword(password);
    return { ...single(['chpasswd'], { stdin: `${name}:${secret}\n` }), secrets: [secret] };
  },
  install: ({ command }) => {
    const { id, manager } = packageFor(command, ['apt', 'dnf']);
    if (manager === 'apt') {
      return {
        steps: [{ argv: ['apt-get', 'install', '-y', '-q', id], env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: INSTALL_TIMEOUT_MS }],
        versionQuery: { argv: ['dpkg-query', '-W', '-f=${Version}', id], parse: lastToken },
        secrets: [],
      };
    }
    return {
      steps: [{ argv: ['dnf', 'install', '-y', id], timeoutMs: INSTALL_TIMEOUT_MS }],
      versionQuery: { argv: ['rpm', '-q', '--qf', '%{VERSION}-%{RELEASE}', id], parse: lastToken },
      secrets: [],
    };
  },
};
