import { describe, expect, it } from '@jest/globals';
import { linuxDriver } from './drivers/linux.js';
import type { Step } from './drivers/types.js';
import { windowsDriver } from './drivers/windows.js';
import { executeCommand, simulatedVersion, type ExecuteDeps } from './execute.js';
import type { OutputTail } from './output-tail.js';
import type { Command } from './protocol.js';

const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';

function harness(overrides: Partial<ExecuteDeps> = {}) {
  const lines: string[] = [];
  const steps: Step[] = [];
  const deps: ExecuteDeps = {
    driver: linuxDriver,
    signedInUser: async () => ({ name: 'alice', uid: 1000, sessionId: 2 }),
    log: (line) => lines.push(line),
    simulate: false,
    simulatedRunMs: 0,
    run: async (step: Step, tail: OutputTail) => {
      steps.push(step);
      // A tool that would echo what it was given: the password must still not come out.
      tail.write(`${step.argv.join(' ')}\n${step.stdin ?? ''}`);
      return { exitCode: 0 };
    },
    query: async () => '2.1.0-1',
    ...overrides,
  };
  return { deps, lines, steps };
}

describe('executing a command', () => {
  it('gives chpasswd the password on stdin and keeps it out of output and logs', async () => {
    const { deps, lines, steps } = harness();
    const outcome = await executeCommand({ commandId, kind: 'reset_password' }, deps);
    const password = outcome.temporaryPassword!;
    expect(outcome.status).toBe('succeeded');
    expect(password.length).toBeGreaterThanOrEqual(14);
    expect(steps[0]!.argv).toEqual(['chpasswd']);
    expect(steps[0]!.stdin).toBe(`alice:${password}\n`);
    expect(outcome.output).not.toContain(password);
    expect(outcome.output).toContain('alice:********');
    expect(lines.join('\n')).not.toContain(password);
  });

  it('redacts a password that must be an argument (Windows net user), simulated or not', async () => {
    for (const simulate of [false, true]) {
      const { deps, lines } = harness({ driver: windowsDriver, simulate });
      const outcome = await executeCommand({ commandId, kind: 'reset_password' }, deps);
      const password = outcome.temporaryPassword!;
      expect(outcome.output).toContain('net.exe user alice ********');
      expect(outcome.output).not.toContain(password);
      expect(lines.join('\n')).not.toContain(password);
    }
  });

  it('refuses a hostile signed-in user before anything runs', async () => {
    const { deps, steps } = harness({ signedInUser: async () => ({ name: 'x; rm -rf /', uid: 1000 }) });
    const outcome = await executeCommand({ commandId, kind: 'logout' }, deps);
    expect(outcome).toEqual({ status: 'failed', output: expect.stringContaining('is not one the agent acts on') });
    expect(steps).toHaveLength(0);
  });

  it('reports an install with its exit code and installed version, or its failure', async () => {
    const install: Command = { commandId, kind: 'install', package: { manager: 'apt', id: 'vlc', cask: false } };
    const ok = await executeCommand(install, harness().deps);
    expect(ok).toMatchObject({ status: 'succeeded', exitCode: 0, installedVersion: '2.1.0-1' });

    const failing = harness({
      run: async (_step, tail) => {
        tail.write('E: Unable to locate package vlc\n');
        return { exitCode: 100 };
      },
    });
    expect(await executeCommand(install, failing.deps)).toEqual({ status: 'failed', exitCode: 100, output: 'E: Unable to locate package vlc' });
  });

  it('simulates without running anything, with a stable version', async () => {
    const { deps, steps, lines } = harness({ simulate: true });
    const install: Command = { commandId, kind: 'install', package: { manager: 'apt', id: 'vlc', cask: false } };
    const outcome = await executeCommand(install, deps);
    expect(steps).toHaveLength(0);
    expect(outcome).toEqual({
      status: 'succeeded',
      exitCode: 0,
      output: '[simulated] apt-get install -y -q vlc',
      installedVersion: simulatedVersion('vlc'),
      temporaryPassword: undefined,
    });
    expect(simulatedVersion('vlc')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lines).toEqual([`command ${commandId}: simulated, would run: apt-get install -y -q vlc`]);
  });
});
