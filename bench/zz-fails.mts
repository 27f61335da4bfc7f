import { loadCatalog } from './assistant-nlu.js';
import { loadBlindSets } from '../assistant/local-engine/nlu/blind-sets.js';
import { evaluateUnderstanding } from '../assistant/local-engine/nlu/evaluate-understanding.js';
const names = process.argv.slice(2);
const catalog = loadCatalog();
for (const set of loadBlindSets().filter((s) => names.some((n) => s.name.endsWith(n)))) {
  const e = await evaluateUnderstanding(set.utterances, catalog);
  console.log(`# ${set.name} ${(100 * e.accuracy).toFixed(1)}`);
  for (const r of e.results.filter((r) => !r.correct)) {
    const u = r.understanding;
    console.log(`${r.item.id} [${r.item.tool} ${JSON.stringify(r.item.slots)}] -> ${u.intent} ${u.tool} ${u.confidence.toFixed(2)} ${JSON.stringify(u.slots)} wrong=${r.wrongSlots}\n    ${r.item.text}`);
  }
}
