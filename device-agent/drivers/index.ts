import type { Platform } from '../protocol.js';
import { linuxDriver } from './linux.js';
import { macosDriver } from './macos.js';
import type { Driver, DriverInput, Plan } from './types.js';
import { windowsDriver } from './windows.js';

export function driverFor(platform: Platform): Driver {
  if (platform === 'windows') return windowsDriver;
  if (platform === 'macos') return macosDriver();
  return linuxDriver;
}

export function planCommand(driver: Driver, input: DriverInput): Plan {
  return driver[input.command.kind](input);
}
