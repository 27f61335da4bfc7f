import { describe, expect, it } from '@jest/globals';
import type { DeviceSummary } from '../engine.js';
import { devicesMentioned } from './resolve-device.js';

const laptop: DeviceSummary = { id: 'a', name: 'TOM-LAPTOP', os: 'windows' };
const workstation: DeviceSummary = { id: 'b', name: 'TOM-WORKSTATION', os: 'linux' };
const mac: DeviceSummary = { id: 'c', name: 'MacBook Air di Anna', os: 'macos' };

describe('which of the user\'s devices a message means', () => {
  it('takes a name written out whole over a word that several names share', () => {
    expect(devicesMentioned('please restart TOM-WORKSTATION', [laptop, workstation])).toEqual([workstation]);
    expect(devicesMentioned('lock tom-laptop', [laptop, workstation])).toEqual([laptop]);
  });

  it('leaves the choice open when only a shared word is named', () => {
    expect(devicesMentioned('restart tom', [laptop, workstation])).toEqual([laptop, workstation]);
  });

  it('understands platform words and positions', () => {
    expect(devicesMentioned('riavvia il mac', [laptop, mac])).toEqual([mac]);
    expect(devicesMentioned('the second one', [laptop, mac])).toEqual([mac]);
  });

  it('reads Italian "dell\'" as "of the", not as a Dell', () => {
    expect(devicesMentioned("spegni l'iMac dell'ufficio prenotazioni", [laptop, mac])).toEqual([mac]);
    expect(devicesMentioned('riavvia il Dell', [laptop, mac])).toEqual([laptop]);
  });
});
