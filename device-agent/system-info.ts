import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Platform } from './protocol.js';
import { capture } from './runner.js';
import { fit } from './text.js';

const readText = (path: string) => readFile(path, 'utf8').then((text) => text.trim(), () => undefined);

/** A human name for the OS and its version; the kernel release alone means little to a technician. */
export async function describeOs(platform: Platform): Promise<string | undefined> {
  if (platform === 'windows') {
    // Windows 11 still calls itself "Windows 10" in the registry product name; its builds start at 22000.
    const build = Number(os.release().split('.')[2]);
    const name = build >= 22000 ? os.version().replace('Windows 10', 'Windows 11') : os.version();
    return fit(`${name} (${os.release()})`, 120);
  }
  if (platform === 'macos') {
    const version = (await capture(['/usr/bin/sw_vers', '-productVersion']))?.trim();
    return fit(version ? `macOS ${version}` : `Darwin ${os.release()}`, 120);
  }
  const release = await readText('/etc/os-release');
  const pretty = release?.match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1];
  return fit(pretty ? `${pretty} (kernel ${os.release()})` : `Linux ${os.release()}`, 120);
}

export async function deviceModel(platform: Platform): Promise<string | undefined> {
  if (platform === 'windows') {
    const stdout = await capture(['reg.exe', 'query', 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS', '/v', 'SystemProductName']);
    return fit(stdout?.match(/SystemProductName\s+REG_SZ\s+(.+)/)?.[1], 120);
  }
  if (platform === 'macos') return fit(await capture(['/usr/sbin/sysctl', '-n', 'hw.model']), 120);
  const [vendor, product] = await Promise.all([
    readText('/sys/devices/virtual/dmi/id/sys_vendor'),
    readText('/sys/devices/virtual/dmi/id/product_name'),
  ]);
  return fit([vendor, product].filter(Boolean).join(' '), 120);
}
