import type { DeviceRow } from '../../db/repositories/devices.js';
import { normalize } from '../../kb-index/text/normalize.js';
import { AppError } from '../errors.js';

/**
 * The one device a request is about: the device named (by id or name), or the user's only device. With several and
 * none named the caller gets `device_choice_needed` listing them, so the assistant asks rather than guesses.
 */
export function pickDevice(devices: DeviceRow[], ref: string | undefined): DeviceRow {
  if (ref) {
    const wanted = normalize(ref);
    const found =
      devices.find((d) => d.id === ref.toLowerCase()) ??
      devices.find((d) => normalize(d.name) === wanted) ??
      devices.find((d) => normalize(d.name).includes(wanted) || wanted.includes(normalize(d.name)));
    if (!found) throw new AppError('not_found', 'no such device of this user', { details: { devices: devices.map(brief) } });
    return found;
  }
  if (devices.length === 1) return devices[0]!;
  if (devices.length === 0) throw new AppError('not_found', 'user has no device');
  throw new AppError('device_choice_needed', 'several devices', { details: { devices: devices.map(brief) } });
}

function brief(device: DeviceRow) {
  return { id: device.id, name: device.name, os: device.os };
}
