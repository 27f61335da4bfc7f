import { describe, expect, it } from '@jest/globals';
import type { Command, CommandKind } from '../protocol.js';
import { planCommand } from './index.js';
import { CommandRefused } from './validate.js';
import { windowsDriver } from './windows.js';
import { RESTART_NOTICE, SHUTDOWN_NOTICE } from './types.js';

const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';
const user = { name: 'alice', sessionId: 2 };
const plan = (kind: CommandKind, extra: Partial<Command> = {}, password?: string) =>
  planCommand(windowsDriver, { command: { commandId, kind, ...extra }, user, password });

describe('the Windows driver', () => {
  it('builds an argv for each action', () => {
    expect(plan('restart').steps.map((s) => s.argv)).toEqual([['shutdown.exe', '/r', '/t', '60', '/c', RESTART_NOTICE]]);
    expect(plan('shutdown').steps.map((s) => s.argv)).toEqual([['shutdown.exe', '/s', '/t', '60', '/c', SHUTDOWN_NOTICE]]);
    expect(plan('lock').steps.map((s) => s.argv)).toEqual([['tsdiscon.exe', '2']]);
    expect(plan('logout').steps.map((s) => s.argv)).toEqual([['logoff.exe', '2']]);
    const reset = plan('reset_password', {}, 'Temp#Pass2345word');
    expect(reset.steps.map((s) => s.argv)).toEqual([['net.exe', 'user', 'alice', 'Temp#Pass2345word', '/logonpasswordchg:yes']]);
    expect(reset.secrets).toEqual(['Temp#Pass2345word']);
  });

  it('installs with Chocolatey and reads the version back', () => {
    const install = plan('install', { package: { manager: 'chocolatey', id: 'googlechrome', cask: false } });
    expect(install.steps.map((s) => s.argv)).toEqual([['choco.exe', 'install', 'googlechrome', '-y', '--no-progress']]);
    expect(install.steps[0]!.successCodes).toEqual([0, 1641, 3010]);
    expect(install.versionQuery!.argv).toEqual(['choco.exe', 'list', '--exact', 'googlechrome', '--limit-output']);
    expect(install.versionQuery!.parse('googlechrome|131.0.6778.86\r\n')).toBe('131.0.6778.86');
  });

  it('refuses what it cannot act on', () => {
    expect(() => planCommand(windowsDriver, { command: { commandId, kind: 'lock' }, user: { name: 'alice' } })).toThrow(CommandRefused);
    expect(() => plan('install', { package: { manager: 'homebrew', id: 'firefox', cask: true } })).toThrow(/chocolatey/);
    expect(() => plan('install', { package: { manager: 'chocolatey', id: 'packages.config', cask: false } })).toThrow(CommandRefused);
    expect(() => planCommand(windowsDriver, { command: { commandId, kind: 'reset_password' }, user: { name: 'Administrator', sessionId: 1 }, password: 'x' })).toThrow(
      CommandRefused,
    );
  });
});
