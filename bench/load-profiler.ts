import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Preloaded into a server under load (`NODE_OPTIONS=--import …`, where Node 20 refuses `--cpu-prof`): profiles its CPU
 * from start to exit and writes `portico-<pid>.cpuprofile` into `LOAD_CPU_PROF`, for Chrome's DevTools or a summary.
 */
const dir = process.env.LOAD_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  // The in-process session answers at once, so the profile is written before the process ends.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `portico-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
