import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on a terminal; plain lines every tenth of the way otherwise (CI logs, pipes). */
export function createProgress(label: string) {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {item}`, hideCursor: true }, Presets.shades_classic);
    let started = false;
    return {
      update(done: number, total: number, item: string) {
        if (!started) {
          bar.start(total, 0, { item: '' });
          started = true;
        }
        bar.update(done, { item });
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stdout.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop: () => undefined,
  };
}
