import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { planCommand } from './drivers/index.js';
import type { Driver, Plan, SignedInUser, Step } from './drivers/types.js';
import { CommandRefused } from './drivers/validate.js';
import type { LogLine } from './logger.js';
import { OutputTail, redact } from './output-tail.js';
import { generateTemporaryPassword } from './password.js';
import type { Command, CommandUpdate } from './protocol.js';
import { capture, runStep } from './runner.js';
import { fit } from './text.js';

export type Outcome = Omit<CommandUpdate, 'commandId' | 'status'> & { status: 'succeeded' | 'failed' };

export interface ExecuteDeps {
  driver: Driver;
  signedInUser: () => Promise<SignedInUser>;
  log: LogLine;
  /** Build and report the argv without running anything (demo devices). */
  simulate: boolean;
  simulatedRunMs: number;
  run?: typeof runStep;
  query?: typeof capture;
}

/** An argv as a person would read it, secrets replaced; quotes only where an argument has spaces. */
export function describeStep(step: Step, secrets: readonly string[]): string {
  const argv = step.argv.map((arg) => (/[\s"]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
  const stdin = step.stdin === undefined ? '' : ` (stdin: ${step.stdin.trim()})`;
  return redact(argv + stdin, secrets);
}

/** A plausible version that stays the same for a package, so a demo device answers consistently. */
export function simulatedVersion(packageId: string): string {
  const [a = 0, b = 0, c = 0] = createHash('sha256').update(packageId).digest();
  return `${1 + (a % 9)}.${b % 20}.${c % 10}`;
}

/** Runs a command's plan step by step (stopping at the first failure) and says how it ended. */
export async function executeCommand(command: Command, deps: ExecuteDeps): Promise<Outcome> {
  const password = command.kind === 'reset_password' ? generateTemporaryPassword() : undefined;
  let plan: Plan;
  try {
    plan = planCommand(deps.driver, { command, user: await deps.signedInUser(), password });
  } catch (error) {
    if (!(error instanceof CommandRefused)) throw error;
    deps.log(`command ${command.commandId}: refused: ${error.message}`);
    return { status: 'failed', output: error.message };
  }

  const tail = new OutputTail(plan.secrets);
  let exitCode = 0;
  for (const step of plan.steps) {
    const shown = describeStep(step, plan.secrets);
    if (deps.simulate) {
      deps.log(`command ${command.commandId}: simulated, would run: ${shown}`);
      tail.line(`[simulated] ${shown}`);
      continue;
    }
    deps.log(`command ${command.commandId}: running ${shown}`);
    const result = await (deps.run ?? runStep)(step, tail);
    if (result.problem) tail.line(result.problem);
    if (result.exitCode === undefined || !(step.successCodes ?? [0]).includes(result.exitCode)) {
      return { status: 'failed', exitCode: result.exitCode, output: tail.toString() || undefined };
    }
    exitCode = result.exitCode;
  }
  if (deps.simulate) await sleep(deps.simulatedRunMs, undefined, { ref: false });

  return {
    status: 'succeeded',
    exitCode,
    output: tail.toString() || undefined,
    installedVersion: plan.versionQuery && command.package ? await installedVersion(plan, command.package.id, deps) : undefined,
    temporaryPassword: password,
  };
}

async function installedVersion(plan: Plan, packageId: string, deps: ExecuteDeps): Promise<string | undefined> {
  if (deps.simulate) return simulatedVersion(packageId);
  const stdout = await (deps.query ?? capture)(plan.versionQuery!.argv);
  return fit(stdout === undefined ? undefined : plan.versionQuery!.parse(stdout), 80);
}
