import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './embedder.js';

export type OpenAiEmbedderOptions = { apiKey?: string; baseUrl?: string; model: string; timeoutMs?: number };

/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM…). The dimension is
 * whatever the model answers, learnt from one probe when the embedder is created.
 */
export async function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Promise<Embedder> {
  const client = new OpenAIEmbeddings({
    // Local servers accept any key, but the client insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    model: options.model,
    timeout: options.timeoutMs ?? 20_000,
    maxRetries: 3,
    batchSize: 256,
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
  });
  const [probe] = await client.embedDocuments(['dimension probe']);
  if (!probe || probe.length === 0) throw new Error(`The embedding model ${options.model} answered an empty vector.`);
  return {
    name: `openai:${options.model}`,
    dimension: probe.length,
    embedDocuments: (docs) => client.embedDocuments(docs.map((d) => d.text)),
    embedQuery: (text) => client.embedQuery(text),
  };
}
