import { describe, expect, it } from '@jest/globals';
import type { Command, CommandKind } from '../protocol.js';
import { planCommand } from './index.js';
import { macosDriver } from './macos.js';
import { RESTART_NOTICE, SHUTDOWN_NOTICE } from './types.js';
import { CommandRefused } from './validate.js';

const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';
const driver = macosDriver('/opt/homebrew/bin/brew');
const user = { name: 'alice', uid: 501 };
const plan = (kind: CommandKind, extra: Partial<Command> = {}, password?: string) =>
  planCommand(driver, { command: { commandId, kind, ...extra }, user, password });

describe('the macOS driver', () => {
  it('builds an argv for each action', () => {
    expect(plan('restart').steps.map((s) => s.argv)).toEqual([['/sbin/shutdown', '-r', '+1', RESTART_NOTICE]]);
    expect(plan('shutdown').steps.map((s) => s.argv)).toEqual([['/sbin/shutdown', '-h', '+1', SHUTDOWN_NOTICE]]);
    expect(plan('lock').steps.map((s) => s.argv)).toEqual([['/usr/bin/pmset', 'displaysleepnow']]);
    expect(plan('logout').steps.map((s) => s.argv)).toEqual([['/bin/launchctl', 'bootout', 'gui/501']]);
    const reset = plan('reset_password', {}, 'Temp#Pass2345word');
    expect(reset.steps.map((s) => s.argv)).toEqual([['/usr/bin/dscl', '.', '-passwd', '/Users/alice', 'Temp#Pass2345word']]);
    expect(reset.secrets).toEqual(['Temp#Pass2345word']);
  });

  it('installs formulae and casks with Homebrew as the signed-in user', () => {
    const formula = plan('install', { package: { manager: 'homebrew', id: 'wget', cask: false } });
    expect(formula.steps.map((s) => s.argv)).toEqual([['/usr/bin/sudo', '-u', 'alice', '-H', '--', '/opt/homebrew/bin/brew', 'install', 'wget']]);
    expect(formula.versionQuery!.argv).toEqual(['/usr/bin/sudo', '-u', 'alice', '-H', '--', '/opt/homebrew/bin/brew', 'list', '--versions', 'wget']);
    expect(formula.versionQuery!.parse('wget 1.25.0\n')).toBe('1.25.0');

    const cask = plan('install', { package: { manager: 'homebrew', id: 'firefox', cask: true } });
    expect(cask.steps.map((s) => s.argv)).toEqual([
      ['/usr/bin/sudo', '-u', 'alice', '-H', '--', '/opt/homebrew/bin/brew', 'install', '--cask', 'firefox'],
    ]);
    expect(cask.versionQuery!.argv).toEqual(['/usr/bin/sudo', '-u', 'alice', '-H', '--', '/opt/homebrew/bin/brew', 'list', '--cask', '--versions', 'firefox']);
  });

  it('refuses what it cannot act on', () => {
    expect(() => planCommand(driver, { command: { commandId, kind: 'logout' }, user: { name: 'alice' } })).toThrow(CommandRefused);
    expect(() => planCommand(driver, { command: { commandId, kind: 'logout' }, user: { name: 'root', uid: 0 } })).toThrow(CommandRefused);
    expect(() => plan('install', { package: { manager: 'homebrew', id: 'evil/../../tmp/x', cask: false } })).toThrow(CommandRefused);
    expect(() => plan('install', { package: { manager: 'homebrew', id: 'x.rb', cask: false } })).toThrow(CommandRefused);
  });
});
