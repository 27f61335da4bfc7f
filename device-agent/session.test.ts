import { describe, expect, it } from '@jest/globals';
import { parseProperties, parseQuerySession } from './session.js';

describe('finding the signed-in user', () => {
  it('reads the console session from `query session console`, whatever the header language', () => {
    const signedIn = ' SITZUNGSNAME      BENUTZERNAME             ID  STATUS  TYP        GERÄT\r\n>console           alice                     2  Aktiv\r\n';
    expect(parseQuerySession(signedIn)).toEqual({ name: 'alice', sessionId: 2 });
    expect(parseQuerySession(' SESSIONNAME       USERNAME                 ID  STATE\r\n console                                    1  Conn\r\n')).toEqual({ sessionId: 1 });
    expect(parseQuerySession('')).toEqual({});
  });

  it('reads loginctl properties', () => {
    expect(parseProperties('Name=alice\nUser=1000\n')).toEqual(new Map([['Name', 'alice'], ['User', '1000']]));
  });
});
