import { execFile, spawn } from 'node:child_process';
import type { Argv, Step } from './drivers/types.js';
import type { OutputTail } from './output-tail.js';

export interface StepResult {
  exitCode?: number;
  /** Why the process did not end on its own: it could not start, timed out or was killed. */
  problem?: string;
}

/** Runs one step without a shell, feeding stdout and stderr (interleaved as they come) into the tail. */
export function runStep(step: Step, tail: OutputTail): Promise<StepResult> {
  const [file, ...args] = step.argv;
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      shell: false,
      windowsHide: true,
      env: step.env ? { ...process.env, ...step.env } : process.env,
      stdio: [step.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, step.timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => tail.write(chunk));
    if (child.stdin) {
      // A program that exits before reading its input would otherwise turn EPIPE into an unhandled error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(step.stdin);
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ problem: `Could not run ${file}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ problem: `${file} did not finish within ${Math.round(step.timeoutMs / 1000)} s and was stopped.` });
      else if (code === null) resolve({ problem: `${file} was stopped by ${signal ?? 'a signal'}.` });
      else resolve({ exitCode: code });
    });
  });
}

/** The stdout of a short query, or undefined when the program is missing or fails: callers treat that as "unknown". */
export function capture(argv: Argv, timeoutMs = 10_000): Promise<string | undefined> {
  const [file, ...args] = argv;
  return new Promise((resolve) => {
    execFile(file, args, { shell: false, windowsHide: true, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });
}
