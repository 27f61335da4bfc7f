import { parseArgs, type ParseArgsConfig } from 'node:util';
import { startAgent } from './agent.js';
import { AgentConfigError, defaultConfigPath, readConfig, stateFileFor, writeConfig } from './config.js';
import { EnrollError, enrollAgent, serverBase } from './enroll.js';
import { stdoutLogger } from './logger.js';
import { currentPlatform } from './platform.js';

const USAGE = `Usage:
  portico-agent enroll --server <url> --token <enrollment token> [--name <device name>] [--config <path>] [--simulate]
  portico-agent run [--config <path>] [--simulate]`;

/** Ends with one readable line: the person at the terminal needs the reason, not a stack trace. */
function fail(message: string): never {
  process.stderr.write(`portico-agent: ${message}\n`);
  process.exit(1);
}

function options<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true as const, allowPositionals: false as const }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

async function enroll(args: string[]): Promise<void> {
  const values = options(args, {
    server: { type: 'string' },
    token: { type: 'string' },
    name: { type: 'string' },
    config: { type: 'string' },
    simulate: { type: 'boolean', default: false },
  });
  if (!values.server || !values.token) fail(`enroll needs --server and --token.\n${USAGE}`);
  const configPath = values.config ?? defaultConfigPath(currentPlatform());
  const server = serverBase(values.server);
  const { deviceId, agentToken } = await enrollAgent({ server, token: values.token, name: values.name });
  try {
    await writeConfig(configPath, { server, deviceId, agentToken, ...(values.simulate ? { simulate: true } : {}) });
  } catch (error) {
    fail(`Enrolled as device ${deviceId}, but cannot write ${configPath}: ${(error as Error).message}`);
  }
  stdoutLogger(`enrolled as device ${deviceId}; config written to ${configPath}`);
}

async function run(args: string[]): Promise<void> {
  const values = options(args, { config: { type: 'string' }, simulate: { type: 'boolean', default: false } });
  const configPath = values.config ?? defaultConfigPath(currentPlatform());
  const config = await readConfig(configPath);
  const simulate = values.simulate || config.simulate === true;
  if (!simulate && process.getuid?.() !== undefined && process.getuid() !== 0) {
    stdoutLogger('warning: not running as root; restart, password and install commands will fail');
  }
  const agent = await startAgent({ server: config.server, agentToken: config.agentToken, simulate, stateFile: stateFileFor(configPath) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void agent.stop());
  const reason = await agent.stopped;
  // A removed enrollment also exits with 0: service managers restart on failure only, and a restart would just be
  // refused again. The log says why the agent stopped.
  stdoutLogger(reason === 'unauthenticated' ? 'stopped: enrollment removed' : 'stopped');
  process.exit(0);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'enroll') await enroll(rest);
  else if (command === 'run') await run(rest);
  else if (command === '--help' || command === '-h' || command === 'help') process.stdout.write(`${USAGE}\n`);
  else fail(USAGE);
} catch (error) {
  if (error instanceof EnrollError || error instanceof AgentConfigError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
}
