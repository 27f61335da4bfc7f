import { createHash } from 'node:crypto';
import { getLIDModel } from 'fasttext.wasm.js';
import { LRUCache } from 'lru-cache';
import { isLanguage, type Language } from '../../i18n/languages.js';

// fastText spreads its belief over 176 languages; ours are usually within the first few even when a
// neighbour wins (short Spanish read as Portuguese, Galician or Catalan), so we look that far down.
const TOP_K = 10;
// Below this many letters (a product name, "ok", a ticket number) there is nothing to identify.
const MIN_LETTERS = 3;
// Our best candidate must hold at least this much of fastText's belief to be more than noise.
const MIN_CONFIDENCE = 0.1;

// The package's declarations use extensionless relative imports that NodeNext cannot follow, so its types
// arrive as `any`: this states the part we rely on.
interface LanguageIdentifier {
  identify(text: string, top: number): Promise<{ alpha2: string | null; possibility: number }[]>;
}

// Loaded on first use and kept: only queries that come without a language need it.
let model: Promise<LanguageIdentifier> | undefined;

type Detected = { lang: Language; confidence: number } | undefined;

// One chat turn asks about the same message several times (the reply's language, the intent, the search, the
// unanswered-question check): the answer is a function of the text, so recent ones are kept, under a digest of the
// text rather than the text, which may hold a password the user typed.
const recent = new LRUCache<string, Promise<Detected>>({ max: 2_000 });

/**
 * The most likely of our five languages, with fastText's probability for it, or undefined when the text
 * gives no usable signal.
 */
export async function detectLanguage(text: string): Promise<Detected> {
  // fastText predicts on one line and stops at the first newline.
  const line = text.replace(/\s+/g, ' ').trim();
  if ((line.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  const key = createHash('sha256').update(line).digest('base64url');
  let detected = recent.get(key);
  if (!detected) {
    detected = identify(line);
    recent.set(key, detected);
    detected.catch(() => recent.delete(key));
  }
  return detected;
}

async function identify(line: string): Promise<Detected> {
  model ??= getLIDModel() as Promise<LanguageIdentifier>;
  const ranked = await (await model).identify(line, TOP_K);
  const best = ranked.find((candidate) => isLanguage(candidate.alpha2));
  if (!best || best.possibility < MIN_CONFIDENCE) return undefined;
  return { lang: best.alpha2 as Language, confidence: best.possibility };
}
