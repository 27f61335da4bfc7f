import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Logger } from 'pino';

export const WIDGET_SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'portal-widget');

export type WidgetBundle = {
  /** Where main.js and main.css are: a fresh temporary directory, never part of the repository. */
  dir: string;
  close(): Promise<void>;
};

/**
 * Builds the portal's UI from its TypeScript sources into one minified ES module and its CSS, when the server starts.
 * With `watch` (development), esbuild rebuilds it whenever a source changes; a failed rebuild is logged and the last
 * good bundle stays served.
 */
export async function buildWidget(options: { logger: Logger; watch?: boolean }): Promise<WidgetBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-widget-'));
  const context = await esbuild.context({
    entryPoints: { main: join(WIDGET_SOURCE, 'src', 'main.tsx') },
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: options.watch ? 'linked' : false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'report',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) options.logger.error({ errors: result.errors.map((e) => e.text) }, 'portal UI build failed');
          });
        },
      },
    ],
  });
  try {
    await context.rebuild();
    if (options.watch) await context.watch();
    else await context.dispose();
  } catch (error) {
    await context.dispose();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    close: async () => {
      await context.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
