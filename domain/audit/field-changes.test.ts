import { describe, expect, it } from '@jest/globals';
import { fieldChanges } from './field-changes.js';

describe('fieldChanges', () => {
  it('lists only the fields that differ, nested ones by dotted path', () => {
    expect(
      fieldChanges(
        { name: 'VLC', enabled: true, aliases: ['vlc'], packages: { apt: 'vlc', dnf: null } },
        { name: 'VLC', enabled: false, aliases: ['vlc', 'videolan'], packages: { apt: 'vlc', dnf: 'vlc' } },
      ),
    ).toEqual({
      enabled: { from: true, to: false },
      aliases: { from: ['vlc'], to: ['vlc', 'videolan'] },
      'packages.dnf': { from: null, to: 'vlc' },
    });
  });

  it('reads a missing field as null', () => {
    expect(fieldChanges({ phone: null }, {})).toEqual({});
    expect(fieldChanges({}, { phone: '+41791234567' })).toEqual({ phone: { from: null, to: '+41791234567' } });
  });
});
