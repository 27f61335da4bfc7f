import { normalize, tokenize } from '../../kb-index/text/normalize.js';
import type { DeviceSummary } from '../engine.js';
import type { DeviceAction, DeviceHint } from './nlu/extract-slots.js';
import type { Intent } from './nlu/understand.js';
import { devicesMentioned } from './resolve-device.js';

/** The action the assistant has just proposed, still waiting for the user's confirmation. */
export type Proposal = { actionId: string; kind: DeviceAction | 'install'; app?: string; deviceId: string };

/** What a message says about the proposal just made: drop it, move it, add the same on another device, or swap it. */
export type FollowUp =
  | { kind: 'cancel' }
  | { kind: 'other_device'; device: DeviceSummary }
  | { kind: 'also'; device: DeviceSummary }
  | { kind: 'instead'; action: DeviceAction };

// Words that point at another device than the one just named, or at an addition, in the five languages, lower-cased
// and without accents.
const OTHER = new Set(['other', 'another', 'autre', 'andere', 'anderen', 'anderes', 'anderer', 'otro', 'otra', 'altro', 'altra']);
const ALSO = new Set(['too', 'also', 'aussi', 'egalement', 'auch', 'ebenfalls', 'tambien', 'anche', 'pure']);

type Read = { intent: Intent; action?: DeviceAction; device?: DeviceHint };

/**
 * Reads a message as a follow-up to a proposed action, or undefined when it is about something else: "cancel that",
 * "no, the other one", "the MacBook", "and on my laptop too", "actually, lock it instead".
 */
export function readFollowUp(text: string, u: Read, proposal: Proposal, devices: DeviceSummary[]): FollowUp | undefined {
  const words = new Set(tokenize(normalize(text)));
  const has = (list: ReadonlySet<string>) => [...words].some((word) => list.has(word));
  if (u.intent === 'cancel') return { kind: 'cancel' };
  const others = devices.filter((d) => d.id !== proposal.deviceId);
  const named = devicesMentioned(text, devices, u.device?.platform);
  const namedOther = named.length === 1 && named.length < devices.length && named[0]!.id !== proposal.deviceId ? named[0] : undefined;
  if (u.action && u.action !== proposal.kind && !has(ALSO)) {
    // Another action on another device is a new request; on the same device ("lock it instead"), a change of mind.
    return namedOther ? undefined : { kind: 'instead', action: u.action };
  }
  // "The other one" with two devices is the one not proposed.
  const pointed = namedOther ?? (has(OTHER) && others.length === 1 ? others[0] : undefined);
  if (pointed && has(ALSO)) return { kind: 'also', device: pointed };
  if (pointed) return { kind: 'other_device', device: pointed };
  if (u.intent === 'deny') return { kind: 'cancel' };
  return undefined;
}
