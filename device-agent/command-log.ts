import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { COMMAND_KINDS, CommandUpdateSchema, type Command, type CommandUpdate } from './protocol.js';
import { writePrivateFile } from './secure-file.js';

export const COMMAND_LOG_LIMIT = 500;

const RecordSchema = z.object({
  commandId: z.string(),
  kind: z.enum(COMMAND_KINDS),
  receivedAt: z.string(),
  /** The last update for the command, never with its temporary password. */
  update: CommandUpdateSchema,
  /** Whether the server acknowledged the final update. */
  delivered: z.boolean(),
});
type CommandRecord = z.infer<typeof RecordSchema>;

const FileSchema = z.object({ version: z.literal(1), commands: z.array(RecordSchema) });

const INTERRUPTED = 'The agent stopped before this command finished; it is not run again.';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isFinal = (update: CommandUpdate) => update.status !== 'running';

/**
 * The commands this device has taken on, so a command id runs at most once: a record is written before its command
 * starts, and a command delivered again (a lost acknowledgement, a reconnect, a restart of either side) only gets its
 * last update sent again. Kept in a file when given one (the last `limit` commands), in memory otherwise.
 */
export class CommandLog {
  private readonly records = new Map<string, CommandRecord>();
  // Temporary passwords stay in memory only, until the server acknowledges the update that carries them.
  private readonly passwords = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | undefined,
    private readonly limit: number,
  ) {}

  static async open(file?: string, limit = COMMAND_LOG_LIMIT): Promise<CommandLog> {
    const log = new CommandLog(file, limit);
    if (!file) return log;
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) return log;
    // A state file that cannot be read is not an empty one: starting afresh could run old commands again.
    const parsed = FileSchema.safeParse(parseJson(text));
    if (!parsed.success) throw new Error(`${file} is not a command state file; move it away to start with no history.`);
    let interrupted = false;
    for (const record of parsed.data.commands) {
      if (!isFinal(record.update)) {
        record.update = { commandId: record.commandId, status: 'failed', output: INTERRUPTED };
        record.delivered = false;
        interrupted = true;
      }
      log.records.set(record.commandId, record);
    }
    if (interrupted) await log.save();
    return log;
  }

  /** Takes a command on, or returns false when its id was seen before. Synchronous, so two deliveries cannot both win. */
  claim(command: Command): boolean {
    if (this.records.has(command.commandId)) return false;
    this.records.set(command.commandId, {
      commandId: command.commandId,
      kind: command.kind,
      receivedAt: new Date().toISOString(),
      update: { commandId: command.commandId, status: 'running' },
      delivered: false,
    });
    for (const id of this.records.keys()) {
      if (this.records.size <= this.limit) break;
      this.records.delete(id);
      this.passwords.delete(id);
    }
    return true;
  }

  /** Gives a claimed command up when its record could not be written: it has not started, a later delivery may run it. */
  release(commandId: string): void {
    this.records.delete(commandId);
  }

  async finish(update: CommandUpdate): Promise<void> {
    const record = this.records.get(update.commandId);
    if (!record) return;
    const { temporaryPassword, ...kept } = update;
    if (temporaryPassword) this.passwords.set(update.commandId, temporaryPassword);
    record.update = kept;
    record.delivered = false;
    await this.save();
  }

  async markDelivered(commandId: string): Promise<void> {
    const record = this.records.get(commandId);
    this.passwords.delete(commandId);
    if (!record || record.delivered || !isFinal(record.update)) return;
    record.delivered = true;
    await this.save();
  }

  /** The update to send again for a known command, with its password while this process still holds it. */
  lastUpdate(commandId: string): CommandUpdate | undefined {
    const record = this.records.get(commandId);
    if (!record) return undefined;
    const password = this.passwords.get(commandId);
    return password ? { ...record.update, temporaryPassword: password } : record.update;
  }

  /** Final updates the server has not acknowledged yet, oldest first: sent again on each connection. */
  undelivered(): CommandUpdate[] {
    return [...this.records.values()]
      .filter((record) => !record.delivered && isFinal(record.update))
      .map((record) => this.lastUpdate(record.commandId)!);
  }

  /** Waits for every write started so far, and fails if the last one did. */
  save(): Promise<void> {
    const next = this.writing.catch(() => undefined).then(() => this.write());
    this.writing = next;
    return next;
  }

  /** Waits for the writes under way, whatever their outcome. */
  settled(): Promise<void> {
    return this.writing.catch(() => undefined);
  }

  private async write(): Promise<void> {
    if (!this.file) return;
    const content = JSON.stringify({ version: 1, commands: [...this.records.values()] });
    await writePrivateFile(this.file, `${content}\n`);
  }
}
