import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Logger } from 'pino';
import { LANGUAGES } from '../../i18n/languages.js';

export const WIDGET_SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'portal-widget');
const EMBED_SOURCE = join(WIDGET_SOURCE, 'src', 'embed');
export const CONSOLE_SOURCE = join(WIDGET_SOURCE, '..', 'console');
const LOCALES = join(WIDGET_SOURCE, '..', 'i18n', 'locales');

export type WidgetBundle = {
  /**
   * Where the built files are, a fresh temporary directory, never part of the repository: main.js and main.css (the
   * portal at `/`), widget.js (the loader a host page includes), embed.js (the portal UI it loads into its panel), and
   * console.js and console.css (the technicians' console at `/console`); the tabs beside the chat, in `chunks/`.
   */
  dir: string;
  close(): Promise<void>;
};

/**
 * A stylesheet as the widget's shadow root takes it: `:root` is the widget's frame; rem, which follows the host page's
 * root font size, becomes a length of the frame's own (`--u`); and the portal's narrow-screen rules follow the
 * panel's width (a container query) rather than the host page's.
 */
export function shadowStylesheet(css: string): string {
  return css
    .replace(/:root\b/g, '.portico-embed')
    .replace(/(-?(?:\d+\.?\d*|\.\d+))rem\b/g, 'calc($1 * var(--u))')
    .replace(/@media\s*\(\s*(max|min)-width:/g, '@container portico ($1-width:');
}

/** The launcher's strings, which it shows before the portal UI and its catalog are loaded. */
async function launcherStrings(): Promise<{ strings: Record<string, Record<string, string>>; files: string[] }> {
  const keys = { launcher: 'shell.embed.launcher', panel: 'shell.embed.panel', unread: 'shell.embed.unread', loading: 'shell.loading' };
  const files = LANGUAGES.map((lang) => join(LOCALES, `${lang}.json`));
  const catalogs = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as Record<string, string>));
  const strings = Object.fromEntries(
    LANGUAGES.map((lang, i) => [lang, Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, catalogs[i]![key] ?? key]))]),
  );
  return { strings, files };
}

/**
 * Stylesheets imported by the embedded widget's sources come as text for a <style> in its shadow root, minified; and
 * `portico:launcher-strings`, the launcher's strings.
 */
const embedModules: esbuild.Plugin = {
  name: 'embed-modules',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.startsWith(EMBED_SOURCE) ? { path: resolve(args.resolveDir, args.path), namespace: 'shadow-css' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'shadow-css' }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // The widget's own stylesheets are written for its shadow root already; the portal's is rewritten for it.
      const css = args.path.startsWith(EMBED_SOURCE) ? source : shadowStylesheet(source);
      const { code } = await esbuild.transform(css, { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text', watchFiles: [args.path] };
    });
    build.onResolve({ filter: /^portico:launcher-strings$/ }, () => ({ path: 'launcher-strings', namespace: 'portico' }));
    build.onLoad({ filter: /.*/, namespace: 'portico' }, async () => {
      const { strings, files } = await launcherStrings();
      return { contents: JSON.stringify(strings), loader: 'json', watchFiles: files };
    });
  },
};

function reporting(logger: Logger): esbuild.Plugin {
  return {
    name: 'report',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) logger.error({ errors: result.errors.map((e) => e.text) }, 'portal UI build failed');
      });
    },
  };
}

/**
 * Builds the portal's UI from its TypeScript sources into minified files, when the server starts: ES modules for the
 * portal and the embedded panel, and a classic script for the loader, which must not leak names into the host page.
 * With `watch` (development), esbuild rebuilds them whenever a source changes; a failed rebuild is logged and the last
 * good bundle stays served.
 */
export async function buildWidget(options: { logger: Logger; watch?: boolean }): Promise<WidgetBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-widget-'));
  const common: esbuild.BuildOptions = {
    outdir: dir,
    bundle: true,
    minify: true,
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: options.watch ? 'linked' : false,
    logLevel: 'silent',
    plugins: [embedModules, reporting(options.logger)],
  };
  const split = (entry: string): esbuild.BuildOptions => ({ ...common, format: 'esm', splitting: true, chunkNames: `chunks/${entry}-[name]-[hash]` });
  const contexts = await Promise.all([
    // The portal and the panel each split off the tabs beside the chat, built apart so that they share no chunk: each
    // loads its own entry alone before the chat is usable.
    esbuild.context({ ...split('main'), entryPoints: { main: join(WIDGET_SOURCE, 'src', 'main.tsx') } }),
    esbuild.context({ ...split('embed'), entryPoints: { embed: join(EMBED_SOURCE, 'panel.tsx') } }),
    esbuild.context({ ...common, format: 'esm', entryPoints: { console: join(CONSOLE_SOURCE, 'src', 'main.tsx') } }),
    esbuild.context({ ...common, format: 'iife', entryPoints: { widget: join(EMBED_SOURCE, 'loader.ts') } }),
  ]);
  const dispose = () => Promise.all(contexts.map((context) => context.dispose()));
  try {
    await Promise.all(contexts.map((context) => context.rebuild()));
    if (options.watch) await Promise.all(contexts.map((context) => context.watch()));
    else {
      await dispose();
      // Built once, the bundles need esbuild no more: its service process (some 80 MB) would idle beside the server,
      // and it outlives a parent that ends abruptly. A process builds with watching or without, never both at once.
      await esbuild.stop();
    }
  } catch (error) {
    await dispose();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    close: async () => {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
