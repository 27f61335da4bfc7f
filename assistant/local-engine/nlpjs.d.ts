// NLP.js v4 ships no TypeScript declarations. This states the small part the local engine uses: a container
// with one language plugin, and the neural intent classifier trained on { utterance, intent } pairs.

declare module '@nlpjs/core' {
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): NlpjsContainer;
}

declare module '@nlpjs/nlu' {
  import type { NlpjsContainer } from '@nlpjs/core';

  export interface NluClassification {
    intent: string;
    score: number;
  }

  export interface NluNeuralSettings {
    locale: string;
    log?: boolean;
    keepStopwords?: boolean;
    spellCheck?: boolean;
    spellCheckDistance?: number;
    useNoneFeature?: boolean;
    // Passed on to the network: one perceptron per intent over bag-of-stems features.
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
  }

  export class NluNeural {
    constructor(settings: NluNeuralSettings, container: NlpjsContainer);
    train(corpus: { utterance: string; intent: string }[], settings?: Partial<NluNeuralSettings>): Promise<unknown>;
    process(utterance: string, settings?: Partial<NluNeuralSettings>): Promise<{ classifications: NluClassification[] }>;
    /** Normalized, tokenized, stemmed features of a text, as the classifier sees them. */
    prepare(utterance: string): Promise<Record<string, number>>;
    /** The features seen in training (after train). */
    features: Record<string, number>;
    /** Corrects a feature to a known one within the distance, or returns it unchanged. */
    spellCheck: { checkToken: (token: string, distance: number) => string };
  }
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-it' {
  export const LangIt: unknown;
}
