import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { Platform } from './protocol.js';
import { restrictFolderOnWindows, writePrivateFile } from './secure-file.js';

export const AgentConfigSchema = z.object({
  server: z.url({ protocol: /^https?$/ }),
  deviceId: z.string().min(1),
  agentToken: z.string().min(1),
  simulate: z.boolean().optional(),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

/** A problem with the config file, worded for the person at the terminal. */
export class AgentConfigError extends Error {
  override readonly name = 'AgentConfigError';
}

/** Machine-wide locations only administrators write to, since the file holds the device's credentials. */
export function defaultConfigPath(platform: Platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PORTICO_AGENT_CONFIG) return env.PORTICO_AGENT_CONFIG;
  if (platform === 'windows') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Portico', 'agent.json');
  if (platform === 'macos') return '/Library/Application Support/Portico/agent.json';
  return '/etc/portico-agent/agent.json';
}

/** The record of commands already started lives beside the config, with the same protection. */
export function stateFileFor(configPath: string): string {
  return path.join(path.dirname(configPath), 'agent-state.json');
}

export async function readConfig(file: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AgentConfigError(`No agent config at ${file}: enroll this device first.`);
    throw new AgentConfigError(`Cannot read ${file}: ${code === 'EACCES' ? 'permission denied (run as administrator/root)' : code}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AgentConfigError(`${file} is not valid JSON: enroll this device again.`);
  }
  const parsed = AgentConfigSchema.safeParse(json);
  if (!parsed.success) throw new AgentConfigError(`${file} is not an agent config: enroll this device again.`);
  return parsed.data;
}

export async function writeConfig(file: string, config: AgentConfig): Promise<void> {
  if (!(await restrictFolderOnWindows(path.dirname(file)))) {
    throw new AgentConfigError(`Cannot restrict access to ${path.dirname(file)} (icacls failed): run as administrator.`);
  }
  await writePrivateFile(file, `${JSON.stringify(config, null, 2)}\n`);
}
