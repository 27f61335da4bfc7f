import { benchAssistant } from './assistant.js';
import { benchAssistantNlu } from './assistant-nlu.js';
import { benchFoundation } from './foundation.js';
import { benchKb } from './kb.js';
import { benchLoad } from './load-realtime.js';
import { printTable, writeResults, type BenchRow } from './report.js';
import { benchSelfService } from './self-service.js';
import { benchWidget } from './widget.js';

const suites: Record<string, () => Promise<BenchRow[]>> = { foundation: benchFoundation, kb: benchKb, assistant: benchAssistant, 'assistant-nlu': benchAssistantNlu, 'self-service': benchSelfService, widget: benchWidget, load: benchLoad };

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const suiteRows = await run();
  printTable(suiteRows);
  process.stdout.write('\n');
  rows.push(...suiteRows);
}
process.stdout.write(`\nresults: ${writeResults(rows)}\n`);
