import { describe, expect, it } from '@jest/globals';
import type { Command, CommandKind } from '../protocol.js';
import { planCommand } from './index.js';
import { linuxDriver } from './linux.js';
import { RESTART_NOTICE, SHUTDOWN_NOTICE } from './types.js';
import { CommandRefused } from './validate.js';

const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';
const user = { name: 'alice', uid: 1000 };
const plan = (kind: CommandKind, extra: Partial<Command> = {}, password?: string) =>
  planCommand(linuxDriver, { command: { commandId, kind, ...extra }, user, password });

describe('the Linux driver', () => {
  it('builds an argv for each action', () => {
    expect(plan('restart').steps.map((s) => s.argv)).toEqual([['shutdown', '-r', '+1', RESTART_NOTICE]]);
    expect(plan('shutdown').steps.map((s) => s.argv)).toEqual([['shutdown', '-P', '+1', SHUTDOWN_NOTICE]]);
    expect(plan('lock').steps.map((s) => s.argv)).toEqual([['loginctl', 'lock-sessions']]);
    expect(plan('logout').steps.map((s) => s.argv)).toEqual([['loginctl', 'terminate-user', 'alice']]);
  });

  it('gives chpasswd the password on stdin, never on the command line', () => {
    const reset = plan('reset_password', {}, 'Temp#Pass2345word');
    expect(reset.steps).toEqual([expect.objectContaining({ argv: ['chpasswd'], stdin: 'alice:Temp#Pass2345word\n' })]);
    expect(reset.steps.flatMap((s) => s.argv).join(' ')).not.toContain('Temp#Pass2345word');
    expect(reset.secrets).toEqual(['Temp#Pass2345word']);
  });

  it('installs with apt or dnf and reads the version back', () => {
    const apt = plan('install', { package: { manager: 'apt', id: 'vlc', cask: false } });
    expect(apt.steps).toEqual([expect.objectContaining({ argv: ['apt-get', 'install', '-y', '-q', 'vlc'], env: { DEBIAN_FRONTEND: 'noninteractive' } })]);
    expect(apt.versionQuery!.argv).toEqual(['dpkg-query', '-W', '-f=${Version}', 'vlc']);
    expect(apt.versionQuery!.parse('3.0.20-3build6')).toBe('3.0.20-3build6');

    const dnf = plan('install', { package: { manager: 'dnf', id: 'vlc', cask: false } });
    expect(dnf.steps.map((s) => s.argv)).toEqual([['dnf', 'install', '-y', 'vlc']]);
    expect(dnf.versionQuery!.argv).toEqual(['rpm', '-q', '--qf', '%{VERSION}-%{RELEASE}', 'vlc']);
  });

  it('refuses what it cannot act on', () => {
    expect(() => plan('install', { package: { manager: 'chocolatey', id: 'vlc', cask: false } })).toThrow(CommandRefused);
    expect(() => plan('install')).toThrow(/names no package/);
    expect(() => plan('install', { package: { manager: 'apt', id: 'VLC', cask: false } })).toThrow(CommandRefused);
    expect(() => planCommand(linuxDriver, { command: { commandId, kind: 'reset_password' }, user: { name: 'root', uid: 0 }, password: 'x' })).toThrow(
      CommandRefused,
    );
    expect(() => planCommand(linuxDriver, { command: { commandId, kind: 'logout' }, user: {} })).toThrow(/Nobody is signed in/);
  });
});
