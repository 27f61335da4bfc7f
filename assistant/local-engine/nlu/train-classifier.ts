import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangIt } from '@nlpjs/lang-it';
import { LANGUAGES, type Language } from '../../../i18n/languages.js';
import { INTENTS, type ModelIntent } from './intents.js';
import { BUILD_CACHE_ROOT, readCacheFile, writeCacheFile } from '../../../kb-index/cache/build-cache.js';
import { tokenize } from '../../../kb-index/text/normalize.js';
import type { CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import { languageModelFrom, trainLanguageModel, type LanguageModelState } from './language-model.js';
import { prepareForClassifier } from './prepare-text.js';
import { YIELD_EVERY, yieldToEventLoop } from './yield-to-server.js';
import { messagesToLearnFrom, requestsWrittenBlind, wordsOftenWritten } from './blind-sets.js';
import {
  actionProblems,
  combined,
  installQuestions,
  lexiconQuestions,
  narratedRequests,
  negatedRequests,
  requestsWithDepartures,
  requestsWithReasons,
  requestsWithSymptoms,
  resolvedThanks,
  socialChains,
  requestsForOthers,
  serviceRequests,
  staffChanges,
  targetedRequests,
  thankedActions,
  wrapped,
  type Example,
} from './synthesize-corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS_DIR = join(ROOT, 'assistant', 'local-engine', 'corpus');
const CATALOG_FILE = join(ROOT, 'db', 'seed', 'catalog.json');
// Everything training reads or runs, dependencies included: a change to any of it trains the models anew.
const TRAINING_INPUTS = [
  'assistant/local-engine/nlu',
  'assistant/local-engine/corpus',
  'kb-index/lexicon',
  'kb-index/embedding/local-embedder.ts',
  'kb-index/language',
  'kb-index/text',
  'domain/catalog/match-catalog-app.ts',
  'db/seed/catalog.json',
  'i18n/languages.ts',
  'package-lock.json',
];
// Trained models are kept where build tools keep their caches, one file per content hash.
const CACHE_DIR = fileURLToPath(new URL('portico-nlu/', BUILD_CACHE_ROOT));

const LANGUAGE_PLUGINS: Record<Language, unknown> = { en: LangEn, fr: LangFr, de: LangDe, es: LangEs, it: LangIt };

export type IntentScore = { intent: ModelIntent; score: number };

export interface IntentClassifier {
  /**
   * Share of the words of a text (already passed through prepareForClassifier) that the language's model knows,
   * typos forgiven: how well the language fits the text.
   */
  coverage(prepared: string, lang: Language): Promise<number>;
  /** Intents ranked by the language's model, scores summing to 1; empty when no word of the text is known. */
  classify(prepared: string, lang: Language): Promise<IntentScore[]>;
  /** Every word of the corpus that is not an app name: ordinary words, never read as an app. */
  readonly knownWords: ReadonlySet<string>;
  /** Words many people wrote as they are: never read as a typo of an IT term. */
  readonly notTypos: ReadonlySet<string>;
  /** The catalog the corpus was prepared with. */
  readonly trainingCatalog: CatalogAppRef[];
  /** How long building and training took, or reading the trained models from the cache, in ms. */
  readonly trainingMs: number;
  /** Whether the models were read from the cache rather than trained. */
  readonly fromCache: boolean;
  /** Training utterances per language, after the placeholders were expanded. */
  readonly examples: Record<Language, number>;
}

type CorpusFile = { lang: Language; intents: Partial<Record<ModelIntent, string[]>> };

// How the placeholders of the corpus read in each language. %device% stands for a whole noun phrase with its
// determiner, so that the sentences around it stay grammatical.
const DEVICE_PHRASES: Record<Language, string[]> = {
  en: ['my laptop', 'my computer', 'my pc', 'my MacBook', 'my mac', 'my Windows laptop', 'my desktop', 'my workstation', 'the office pc', 'my work laptop', 'my iMac', 'my notebook', 'the windows machine', 'my Surface', 'my ThinkPad', 'my Dell'],
  fr: ['mon pc', 'mon ordinateur', 'mon mac', 'mon MacBook', 'mon pc portable', 'mon poste', 'mon ordi', 'le pc du bureau', 'mon portable windows', 'mon laptop', "l'ordinateur du bureau", 'mon imac', 'ma Surface', 'mon ThinkPad', 'mon Dell'],
  de: ['meinen Laptop', 'meinen Rechner', 'meinen PC', 'mein MacBook', 'meinen Mac', 'meinen Computer', 'den Windows-Laptop', 'mein Notebook', 'den Büro-PC', 'meinen Arbeitsplatzrechner', 'meinen iMac', 'mein Surface', 'mein ThinkPad', 'meinen Dell'],
  es: ['mi portátil', 'mi ordenador', 'mi pc', 'mi mac', 'mi MacBook', 'mi equipo', 'el pc de la oficina', 'mi compu', 'mi laptop', 'mi portátil windows', 'mi computadora', 'mi iMac', 'mi Surface', 'mi ThinkPad', 'mi Dell'],
  it: ['il mio pc', 'il mio portatile', 'il mio mac', 'il mio computer', 'il mio MacBook', 'la mia postazione', "il pc dell'ufficio", 'il mio notebook', 'il portatile windows', 'il mio iMac', 'il mio Surface', 'il mio ThinkPad', 'il mio Dell'],
};

// Apps users ask for that a catalog usually lacks: the request is the same, only the answer differs.
const OTHER_APPS = ['Photoshop', 'AutoCAD', 'WhatsApp', 'Discord', 'Skype', 'OBS', 'Blender', 'Figma', 'WinRAR', 'Wireshark', 'Docker Desktop', 'IntelliJ', 'Tableau', 'SAP GUI', 'iTunes'];

// How many variants each sentence with a placeholder expands into.
const VARIANTS = 3;

/** Deterministic pseudo-random numbers, so that every process trains the same model. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadCatalog(): CatalogAppRef[] {
  return (JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogAppRef[]).map(({ id, name, aliases }) => ({ id, name, aliases }));
}

function appNames(catalog: CatalogAppRef[]): string[] {
  return catalog.flatMap((app) => [app.name, ...app.aliases.slice(0, 2)]);
}

// What %app% becomes: mostly an app of the catalog (read as one placeholder word), sometimes one the catalog
// lacks, sometimes nothing at all, so that the request words carry the intent by themselves: at run time an
// app missing from the catalog is a word the model has never seen.
const CATALOG_APP_SHARE = 0.6;
const OTHER_APP_SHARE = 0.2;

function appPhrase(apps: string[], random: () => number): string {
  const r = random();
  if (r < CATALOG_APP_SHARE) return apps[Math.floor(random() * apps.length)]!;
  if (r < CATALOG_APP_SHARE + OTHER_APP_SHARE) return OTHER_APPS[Math.floor(random() * OTHER_APPS.length)]!;
  return '';
}

/** The words of the corpus of every language, without the words of app names. */
function vocabulary(corpora: CorpusFile[], catalog: CatalogAppRef[]): Set<string> {
  const appWords = new Set(catalog.flatMap((app) => [app.id, app.name, ...app.aliases].flatMap((form) => tokenize(form))));
  const words = new Set<string>();
  for (const corpus of corpora) {
    for (const sentences of Object.values(corpus.intents)) {
      for (const sentence of sentences ?? []) {
        for (const word of tokenize(sentence.replace(/%\w+%/g, ' '))) if (!appWords.has(word) && !/^\d+$/.test(word)) words.add(word);
      }
    }
  }
  return words;
}

/** Each sentence of the corpus, its placeholders replaced by a few varied values. */
export function expandCorpus(corpus: CorpusFile, apps: string[], seed = 1): Example[] {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Example[] = [];
  for (const intent of INTENTS) {
    for (const sentence of corpus.intents[intent] ?? []) {
      const variants = /%(app|number|device)%/.test(sentence) ? VARIANTS : 1;
      for (let i = 0; i < variants; i++) {
        const utterance = sentence
          .replace(/%app%/g, () => appPhrase(apps, random))
          .replace(/%number%/g, () => String(Math.floor(10 + random() * 9990)))
          .replace(/%device%/g, () => pick(DEVICE_PHRASES[corpus.lang]));
        out.push({ utterance, intent });
      }
    }
  }
  return out;
}

// Greetings, thanks and yes/no cross languages ("merci", "ciao", "ok", "thx"), and are too short for the language
// to be recognized: every language's model learns those of all five.
const SOCIAL_INTENTS: ModelIntent[] = ['greeting', 'thanks', 'goodbye'];

// Only the short ones: a longer thank-you names what it is for ("thanks for the help with the printer"), words
// that belong to the other language's model.
const SOCIAL_MAX_WORDS = 3;

function socialExamples(corpus: CorpusFile): Example[] {
  return SOCIAL_INTENTS.flatMap((intent) =>
    (corpus.intents[intent] ?? [])
      .filter((utterance) => utterance.split(/\s+/).length <= SOCIAL_MAX_WORDS)
      .map((utterance) => ({ utterance, intent })),
  );
}

export function loadCorpus(lang: Language): CorpusFile {
  return JSON.parse(readFileSync(join(CORPUS_DIR, `${lang}.json`), 'utf8')) as CorpusFile;
}

/** What training leaves, as plain data: stored in the cache and read back as it was. */
type TrainedModels = { knownWords: string[]; notTypos: string[]; examples: Record<Language, number>; models: Record<Language, LanguageModelState> };

function trainingFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name.endsWith('.test.ts') ? [] : trainingFiles(join(path, name))));
}

/** A hash of every input of training and of the runtime that stores the models. */
function trainingKey(): string {
  const hash = createHash('sha256').update(`${process.versions.node} ${process.versions.v8}\n`);
  for (const file of TRAINING_INPUTS.flatMap((input) => trainingFiles(join(ROOT, input)))) {
    hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 32);
}

async function trainModels(catalog: CatalogAppRef[]): Promise<TrainedModels> {
  const apps = appNames(catalog);
  const corpora = LANGUAGES.map(loadCorpus);
  const knownWords = vocabulary(corpora, catalog);
  const writtenBlind = messagesToLearnFrom();
  const models = {} as Record<Language, LanguageModelState>;
  const examples = {} as Record<Language, number>;
  for (const [index, lang] of LANGUAGES.entries()) {
    // Training runs at start, beside the server: each language's turn lets waiting requests through first.
    await yieldToEventLoop();
    const container = containerBootstrap();
    container.use(LANGUAGE_PLUGINS[lang]);
    const random = seededRandom(index + 101);
    const own = expandCorpus(corpora[index]!, apps, index + 1);
    const base: Example[] = [
      ...own,
      ...socialChains(own, random),
      ...lexiconQuestions(lang, random),
      ...actionProblems(lang, random),
      ...installQuestions(lang, apps, random),
      ...targetedRequests(lang, random),
      ...narratedRequests(lang, random),
      ...staffChanges(lang, apps, random),
      ...serviceRequests(lang, seededRandom(index + 201)),
      ...requestsForOthers(lang, apps, seededRandom(index + 301)),
      ...negatedRequests(lang, random),
      ...resolvedThanks(lang, random),
      ...thankedActions(lang, random),
      ...requestsWrittenBlind(writtenBlind, lang),
      ...corpora.filter((other) => other.lang !== lang).flatMap((other) => socialExamples(other)),
    ];
    const withRequests = [...base, ...combined(base, random), ...requestsWithSymptoms(lang, base, random), ...requestsWithDepartures(lang, base, random), ...requestsWithReasons(lang, base, random)];
    const corpus: { text: string; label: number }[] = [];
    for (const [i, item] of [...withRequests, ...wrapped(lang, withRequests, random)].entries()) {
      if (i % YIELD_EVERY === 0) await yieldToEventLoop();
      corpus.push({ text: prepareForClassifier(item.utterance, { catalog, knownWords }), label: INTENTS.indexOf(item.intent) });
    }
    examples[lang] = corpus.length;
    models[lang] = await trainLanguageModel(container, lang, corpus, INTENTS.length, random);
  }
  return { knownWords: [...knownWords], notTypos: wordsOftenWritten(writtenBlind), examples, models };
}

/** The models trained on this corpus and catalog: read from the cache when this very content was trained before. */
async function train(): Promise<IntentClassifier> {
  const started = performance.now();
  const catalog = loadCatalog();
  const file = join(CACHE_DIR, `${trainingKey()}.bin`);
  const cached = readCacheFile(file, (content) => deserialize(content) as TrainedModels);
  const trained = cached ?? (await trainModels(catalog));
  if (!cached) writeCacheFile(file, serialize(trained));
  const models = {} as Record<Language, ReturnType<typeof languageModelFrom>>;
  for (const lang of LANGUAGES) {
    const container = containerBootstrap();
    container.use(LANGUAGE_PLUGINS[lang]);
    models[lang] = languageModelFrom(container, lang, trained.models[lang]);
  }
  return {
    trainingMs: performance.now() - started,
    fromCache: cached !== undefined,
    examples: trained.examples,
    knownWords: new Set(trained.knownWords),
    notTypos: new Set(trained.notTypos),
    trainingCatalog: catalog,
    async coverage(prepared, lang) {
      if (!/[\p{L}\p{N}]/u.test(prepared)) return 0;
      return models[lang].coverage(prepared);
    },
    async classify(prepared, lang) {
      if (!/[\p{L}\p{N}]/u.test(prepared)) return [];
      const p = await models[lang].classify(prepared);
      if (!p) return [];
      return INTENTS.map((intent, i) => ({ intent, score: p[i]! })).sort((a, b) => b.score - a.score);
    },
  };
}

let classifier: Promise<IntentClassifier> | undefined;

/** The five languages' models, trained on first use and kept for the life of the process. */
export function loadIntentClassifier(): Promise<IntentClassifier> {
  classifier ??= train().catch((error: unknown) => {
    classifier = undefined;
    throw error;
  });
  return classifier;
}
