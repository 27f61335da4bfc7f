import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Summary } from './stats.js';

export type BenchRow = Partial<Summary> & { group: string; name: string; target: string; errors?: number; rps?: number; value?: string };

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

export function printTable(rows: BenchRow[]): void {
  const columns = ['group', 'name', 'n', 'p50', 'p95', 'p99', 'max', 'rps', 'errors', 'value', 'target'] as const;
  const cells = rows.map((row) => columns.map((c) => (row[c] === undefined ? '' : String(row[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${cells.map(line).join('\n')}\n`);
}

export function writeResults(rows: BenchRow[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
  return file;
}
