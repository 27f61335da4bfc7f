import { describe, expect, it } from '@jest/globals';
import type { Command, CommandKind, PackageRef } from '../protocol.js';
import { linuxDriver } from './linux.js';
import { macosDriver } from './macos.js';
import type { Driver } from './types.js';
import { CommandRefused } from './validate.js';
import { windowsDriver } from './windows.js';

const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';
const HOSTILE = ['x; rm -rf /', '--option', '-y', '$(cmd)', '`cmd`', 'two words', '"quoted"', "it's", 'a&b', 'a|b', '../etc', 'a\nb', ''];

// Per OS: its package managers, and the commands that put the signed-in user's name on an argv.
const drivers: [string, Driver, PackageRef['manager'][], CommandKind[]][] = [
  ['Windows', windowsDriver, ['chocolatey'], ['reset_password']],
  ['macOS', macosDriver('/usr/local/bin/brew'), ['homebrew'], ['reset_password', 'install']],
  ['Linux', linuxDriver, ['apt', 'dnf'], ['logout', 'reset_password']],
];

describe.each(drivers)('the %s driver', (_name, driver, managers, userKinds) => {
  it.each(HOSTILE)('refuses the package id %j', (id) => {
    for (const manager of managers) {
      // The protocol's pattern is checked on arrival; the driver checks again whatever reaches it.
      const command = { commandId, kind: 'install', package: { manager, id, cask: false } } as Command;
      expect(() => driver.install({ command, user: { name: 'alice', uid: 501, sessionId: 1 } })).toThrow(CommandRefused);
    }
  });

  it.each(HOSTILE)('refuses the signed-in user name %j', (name) => {
    for (const kind of userKinds) {
      const command: Command = { commandId, kind, ...(kind === 'install' ? { package: { manager: managers[0]!, id: 'vlc', cask: false } } : {}) };
      expect(() => driver[kind]({ command, user: { name, uid: 501, sessionId: 1 }, password: 'Temp#Pass2345word' })).toThrow(CommandRefused);
    }
  });
});
