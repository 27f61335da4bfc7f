import { describe, expect, it } from '@jest/globals';
import { defaultConfigPath, stateFileFor } from './config.js';

describe('the config location', () => {
  it('is a machine-wide path per OS, unless the environment names one', () => {
    expect(defaultConfigPath('windows', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Portico\\agent.json');
    expect(defaultConfigPath('macos', {})).toBe('/Library/Application Support/Portico/agent.json');
    expect(defaultConfigPath('linux', {})).toBe('/etc/portico-agent/agent.json');
    expect(defaultConfigPath('linux', { PORTICO_AGENT_CONFIG: '/srv/agent.json' })).toBe('/srv/agent.json');
    expect(stateFileFor('/etc/portico-agent/agent.json')).toBe('/etc/portico-agent/agent-state.json');
  });
});
