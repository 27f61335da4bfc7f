import { normalize, tokenize } from '../../kb-index/text/normalize.js';
import type { DeviceSummary } from '../engine.js';
import { withoutItalianDell } from './nlu/extract-slots.js';

const ORDINALS: Record<string, number> = {
  first: 0, '1': 0, '1st': 0, premier: 0, premiere: 0, erste: 0, ersten: 0, erstes: 0, primo: 0, prima: 0, primero: 0, primera: 0,
  second: 1, '2': 1, '2nd': 1, deuxieme: 1, zweite: 1, zweiten: 1, zweites: 1, secondo: 1, seconda: 1, segundo: 1, segunda: 1,
};

const PLATFORM_WORDS: Record<string, DeviceSummary['os']> = {
  mac: 'macos', macbook: 'macos', imac: 'macos', macos: 'macos', osx: 'macos', apple: 'macos',
  windows: 'windows', win: 'windows', pc: 'windows', desktop: 'windows', thinkpad: 'windows', dell: 'windows', lenovo: 'windows',
  linux: 'linux', ubuntu: 'linux',
};

/**
 * The user's devices that a message points at: by name words, by platform words ("the Mac", "my Windows PC"), or by
 * position in the list the assistant showed ("the second one"). Several left means the message did not decide.
 */
export function devicesMentioned(text: string, devices: DeviceSummary[], platformHint?: DeviceSummary['os']): DeviceSummary[] {
  const words = tokenize(withoutItalianDell(text));
  // A name written out whole decides even when another device shares a word of it ("TOM-LAPTOP", "TOM-WORKSTATION").
  const written = devices.filter((device) => {
    const name = normalize(device.name);
    return name.length > 0 && normalize(text).includes(name);
  });
  if (written.length === 1) return written;
  const byName = devices.filter((device) => {
    const nameWords = tokenize(device.name).filter((w) => w.length >= 3 && !(w in PLATFORM_WORDS));
    return written.includes(device) || nameWords.some((w) => words.includes(w));
  });
  if (byName.length === 1) return byName;
  const platforms = new Set(words.map((w) => PLATFORM_WORDS[w]).filter((p): p is DeviceSummary['os'] => p !== undefined));
  if (platformHint) platforms.add(platformHint);
  if (platforms.size === 1) {
    const onPlatform = devices.filter((d) => platforms.has(d.os));
    if (onPlatform.length > 0) return onPlatform;
  }
  const ordinal = words.map((w) => ORDINALS[w]).find((i) => i !== undefined);
  if (ordinal !== undefined && devices[ordinal]) return [devices[ordinal]];
  return byName.length > 0 ? byName : devices;
}
