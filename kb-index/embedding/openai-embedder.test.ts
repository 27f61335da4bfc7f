import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbedder } from './create-embedder.js';
import { createOpenAiEmbedder } from './openai-embedder.js';

type Seen = { path: string; auth: string | undefined; body: { model: string; input: string | string[]; encoding_format?: string } };

/** A local server speaking the OpenAI embeddings API: a vector of 8 derived from each input's length. */
function startEmbeddingServer(failFirst = 0): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  let failures = failFirst;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as Seen['body'];
    seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    if (failures-- > 0) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'boom' } }));
      return;
    }
    // The official client asks for base64 (packed float32) unless told otherwise, as OpenAI's API allows.
    const encode = (vector: number[]) =>
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const data = inputs.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: encode(Array.from({ length: 8 }, (_, i) => (text.length + i) / 100)),
    }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen })),
  );
}

describe('OpenAI-compatible embeddings through @langchain/openai', () => {
  it('learns the dimension, sends the model and the texts with the key, and returns the vectors', async () => {
    const { server, url, seen } = await startEmbeddingServer();
    try {
      const embedder = await createOpenAiEmbedder({ apiKey: 'sk-test', baseUrl: url, model: 'nomic-embed-text' });
      expect(embedder.name).toBe('openai:nomic-embed-text');
      expect(embedder.dimension).toBe(8);
      const vectors = await embedder.embedDocuments([{ text: 'printer jam', lang: 'en' }, { text: 'imprimante', lang: 'fr' }]);
      expect(vectors).toHaveLength(2);
      expect(vectors[0]![0]).toBeCloseTo(0.11);
      expect(vectors[1]![0]).toBeCloseTo(0.1);
      expect((await embedder.embedQuery('vpn'))[0]).toBeCloseTo(0.03);
      const docs = seen.find((s) => Array.isArray(s.body.input) && s.body.input.includes('printer jam'))!;
      expect(docs.path).toBe('/v1/embeddings');
      expect(docs.auth).toBe('Bearer sk-test');
      expect(docs.body).toMatchObject({ model: 'nomic-embed-text', input: ['printer jam', 'imprimante'] });
    } finally {
      server.close();
    }
  });

  it('retries a 500 from the provider', async () => {
    const { server, url, seen } = await startEmbeddingServer(1);
    try {
      const embedder = await createOpenAiEmbedder({ baseUrl: url, model: 'm' });
      expect(embedder.dimension).toBe(8);
      expect(seen.length).toBe(2);
    } finally {
      server.close();
    }
  });

  it('is chosen only when an embedding model is named or the key is OpenAI’s own', async () => {
    const { server, url } = await startEmbeddingServer();
    try {
      expect((await createEmbedder({})).name).toMatch(/^local-/);
      expect((await createEmbedder({ baseUrl: url, apiKey: 'k' })).name).toMatch(/^local-/);
      expect((await createEmbedder({ baseUrl: url, embeddingModel: 'e5' })).name).toBe('openai:e5');
    } finally {
      server.close();
    }
  });
});
