import { describe, expect, it } from '@jest/globals';
import { OutputTail, TAIL_CHARS, TAIL_LINES } from './output-tail.js';
import { capture, runStep } from './runner.js';

const node = (script: string, ...args: string[]) => [process.execPath, '-e', script, ...args] as const;

describe('the runner', () => {
  it('reports the exit code and the tail of stdout and stderr', async () => {
    const tail = new OutputTail();
    const script = 'for (let i = 1; i <= 30; i++) console.log("line " + i); console.error("oops"); process.exit(3)';
    const result = await runStep({ argv: node(script), timeoutMs: 10_000 }, tail);
    expect(result).toEqual({ exitCode: 3 });
    const lines = tail.toString().split('\n');
    expect(lines).toHaveLength(TAIL_LINES);
    expect(lines).toContain('line 30');
    expect(lines).toContain('oops');
    expect(lines).not.toContain('line 1');
  });

  it('passes arguments without a shell', async () => {
    const tail = new OutputTail();
    const hostile = '$(echo injected); echo `id` && exit 7 | cat';
    const result = await runStep({ argv: node('console.log(process.argv[1])', hostile), timeoutMs: 10_000 }, tail);
    expect(result.exitCode).toBe(0);
    expect(tail.toString()).toBe(hostile);
  });

  it('writes stdin and keeps secrets out of the output', async () => {
    const tail = new OutputTail(['S3cret#Value']);
    const echo = 'process.stdin.pipe(process.stdout)';
    await runStep({ argv: node(echo), stdin: 'alice:S3cret#Value\n', timeoutMs: 10_000 }, tail);
    expect(tail.toString()).toBe('alice:********');
  });

  it('bounds the output to the protocol limit', async () => {
    const tail = new OutputTail();
    await runStep({ argv: node('for (let i = 0; i < 25; i++) console.log(String(i).padEnd(500, "x"))'), timeoutMs: 10_000 }, tail);
    const text = tail.toString();
    expect(text.length).toBeLessThanOrEqual(TAIL_CHARS);
    expect(text.endsWith(`24${'x'.repeat(498)}`)).toBe(true);
  });

  it('stops a process that runs too long, and says when a program is missing', async () => {
    const slow = await runStep({ argv: node('setTimeout(() => {}, 60_000)'), timeoutMs: 300 }, new OutputTail());
    expect(slow.exitCode).toBeUndefined();
    expect(slow.problem).toMatch(/did not finish/);
    const missing = await runStep({ argv: ['/nonexistent/portico-tool'], timeoutMs: 1_000 }, new OutputTail());
    expect(missing).toEqual({ problem: expect.stringMatching(/Could not run \/nonexistent\/portico-tool: .*ENOENT/) });
  });

  it('captures the stdout of a query, or nothing when it fails', async () => {
    expect(await capture(node('process.stdout.write("1.2.3")'))).toBe('1.2.3');
    expect(await capture(node('process.exit(1)'))).toBeUndefined();
  });
});
