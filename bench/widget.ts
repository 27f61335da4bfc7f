import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLogger } from '../config/logger.js';
import { buildWidget } from '../server/http/widget-bundle.js';
import type { BenchRow } from './report.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The portal UI as a browser downloads it: the build the server makes at start, and the gzipped size of what must
 * load before the chat is usable (script with Preact, signals and socket.io-client, and styles).
 */
export async function benchWidget(): Promise<BenchRow[]> {
  const started = performance.now();
  const bundle = await buildWidget({ logger: createLogger('silent') });
  const buildMs = performance.now() - started;
  try {
    const gzipped = (file: string) => gzipSync(readFileSync(join(bundle.dir, file)), { level: 9 }).length;
    const [script, styles] = [gzipped('main.js'), gzipped('main.css')];
    return [
      { group: 'portal UI', name: 'build at start (esbuild, minified)', value: `${Math.round(buildMs)} ms`, target: '—' },
      { group: 'portal UI', name: 'main.js gzipped (Preact, signals, socket.io-client included)', value: kb(script), target: '—' },
      { group: 'portal UI', name: 'main.css gzipped', value: kb(styles), target: '—' },
      { group: 'portal UI', name: 'everything until the chat is usable, gzipped (language strings aside)', value: kb(script + styles), target: '≤ 50 KB' },
    ];
  } finally {
    await bundle.close();
  }
}
