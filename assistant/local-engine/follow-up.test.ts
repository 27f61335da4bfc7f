import { describe, expect, it } from '@jest/globals';
import type { DeviceSummary } from '../engine.js';
import { readFollowUp, type Proposal } from './follow-up.js';
import type { DeviceAction } from './nlu/extract-slots.js';
import type { Intent } from './nlu/understand.js';

const DESKTOP: DeviceSummary = { id: 'd1', name: 'ANNA-DESKTOP', os: 'windows' };
const MAC: DeviceSummary = { id: 'd2', name: 'MacBook Air di Anna', os: 'macos' };
const DEVICES = [DESKTOP, MAC];
const RESTART_DESKTOP: Proposal = { actionId: 'a1', kind: 'restart', deviceId: DESKTOP.id };

const read = (intent: Intent, action?: DeviceAction) => ({ intent, ...(action ? { action } : {}) });

describe('readFollowUp', () => {
  it('drops the proposal on "cancel that" and on a plain no', () => {
    expect(readFollowUp('cancel that', read('cancel'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'cancel' });
    expect(readFollowUp('no', read('deny'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'cancel' });
  });

  it('moves it to the other device', () => {
    expect(readFollowUp('no, the other one', read('deny'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'other_device', device: MAC });
    expect(readFollowUp('the MacBook', read('affirm'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'other_device', device: MAC });
    expect(readFollowUp("non, l'autre", read('deny'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'other_device', device: MAC });
  });

  it('adds the same action on another device', () => {
    expect(readFollowUp('and on the mac too', read('affirm'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'also', device: MAC });
    expect(readFollowUp('anche sul MacBook', read('device_restart', 'restart'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'also', device: MAC });
  });

  it('swaps the action on the same device', () => {
    expect(readFollowUp('actually, lock it instead', read('device_lock', 'lock'), RESTART_DESKTOP, DEVICES)).toEqual({ kind: 'instead', action: 'lock' });
  });

  it('leaves a new request on another device, and other talk, to the rest of the engine', () => {
    expect(readFollowUp('lock the MacBook', read('device_lock', 'lock'), RESTART_DESKTOP, DEVICES)).toBeUndefined();
    expect(readFollowUp('how do I connect to the vpn?', read('kb_question'), RESTART_DESKTOP, DEVICES)).toBeUndefined();
  });
});
