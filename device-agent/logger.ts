export type LogLine = (line: string) => void;

/** One plain line per event on stdout: service managers (journald, launchd, WinSW) collect it as it is. */
export const stdoutLogger: LogLine = (line) => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};
