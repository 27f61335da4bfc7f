import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CommandLog } from './command-log.js';
import type { Command } from './protocol.js';

let dir: string;
let file: string;
const command = (n: number): Command => ({ commandId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind: 'lock' });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'portico-agent-'));
  file = path.join(dir, 'agent-state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the command log', () => {
  it('claims an id once, even across a restart, and never stores a password', async () => {
    const log = await CommandLog.open(file);
    expect(log.claim(command(1))).toBe(true);
    expect(log.claim(command(1))).toBe(false);
    await log.save();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await log.finish({ commandId: command(1).commandId, status: 'succeeded', exitCode: 0, temporaryPassword: 'Temp#Pass2345word' });
    expect(log.undelivered()).toEqual([expect.objectContaining({ temporaryPassword: 'Temp#Pass2345word' })]);
    expect(await readFile(file, 'utf8')).not.toContain('Temp#Pass2345word');

    const again = await CommandLog.open(file);
    expect(again.claim(command(1))).toBe(false);
    expect(again.lastUpdate(command(1).commandId)).toEqual({ commandId: command(1).commandId, status: 'succeeded', exitCode: 0 });
    await again.markDelivered(command(1).commandId);
    expect(again.undelivered()).toEqual([]);
  });

  it('turns a command the agent stopped in the middle of into a failure, not a second run', async () => {
    const log = await CommandLog.open(file);
    log.claim(command(2));
    await log.save();
    const again = await CommandLog.open(file);
    expect(again.claim(command(2))).toBe(false);
    expect(again.undelivered()).toEqual([{ commandId: command(2).commandId, status: 'failed', output: expect.stringMatching(/not run again/) }]);
  });

  it('keeps the last commands only', async () => {
    const log = await CommandLog.open(file, 3);
    for (let n = 1; n <= 5; n++) log.claim(command(n));
    await log.save();
    const again = await CommandLog.open(file, 3);
    expect(again.lastUpdate(command(2).commandId)).toBeUndefined();
    expect(again.lastUpdate(command(3).commandId)).toBeDefined();
  });

  it('refuses to start from a state file it cannot read', async () => {
    await writeFile(file, '{ not json');
    await expect(CommandLog.open(file)).rejects.toThrow(/not a command state file/);
  });
});
