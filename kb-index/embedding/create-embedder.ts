import type { Config } from '../../config/env.js';
import type { Embedder } from './embedder.js';
import { createLocalEmbedder } from './local-embedder.js';

/**
 * OpenAI-compatible embeddings when an embedding model is named, or when the key is OpenAI's own (no base
 * URL: text-embedding-3-small); otherwise the offline local embedding. A chat-only local server (a base URL
 * without an embedding model) keeps the local embedding, since most of them serve no embeddings.
 */
export async function createEmbedder(openai: Config['openai']): Promise<Embedder> {
  const model = openai.embeddingModel ?? (openai.apiKey && !openai.baseUrl ? 'text-embedding-3-small' : undefined);
  if (!model) return createLocalEmbedder();
  // Loaded only when used: the OpenAI client adds about 300 ms to every start otherwise.
  const { createOpenAiEmbedder } = await import('./openai-embedder.js');
  return createOpenAiEmbedder({ apiKey: openai.apiKey, baseUrl: openai.baseUrl, model });
}
