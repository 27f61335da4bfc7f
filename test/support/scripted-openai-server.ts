import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks just enough of the OpenAI Chat Completions API
 * (`POST /v1/chat/completions`, streamed as SSE or not) for the real `ChatOpenAI` client,
 * answering from a script that each test writes: which tool calls the "model" makes,
 * what text it answers, when it fails or hangs.
 */

export type ScriptedToolCall = { name: string; args: Record<string, unknown> };

export type ScriptStep =
  /** The model calls these tools (in parallel), optionally saying something first. */
  | { toolCalls: ScriptedToolCall[]; text?: string }
  /** The model answers with text; streamed in `chunks` pieces (3 by default), `delayMs` apart. */
  | { text: string; chunks?: number; delayMs?: number }
  /** The provider fails with this HTTP status; `retryAfter` (seconds) is sent as Retry-After. */
  | { status: number; retryAfter?: number; message?: string }
  /** The provider accepts the request and never answers. */
  | { hang: true };

/** What the client sent, as parsed JSON (`model`, `messages`, `tools`, `stream`…). */
export type RecordedRequest = {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_calls?: any[]; tool_call_id?: string; name?: string }>;
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: any } }>;
  stream?: boolean;
  [key: string]: unknown;
};

export type ScriptEntry = ScriptStep | ((request: RecordedRequest) => ScriptStep);

export type ScriptedOpenAiServer = {
  /** Base URL for `ChatOpenAI({ configuration: { baseURL } })`, ending in `/v1`. */
  url: string;
  /** Appends steps to the queue; each chat completion request takes the next one. */
  script: (...steps: ScriptEntry[]) => void;
  /** Answers requests once the queue is empty (otherwise they get a 500 "script exhausted"). */
  scriptDefault: (entry: ScriptEntry | undefined) => void;
  /** Steps not consumed yet. */
  pending: () => number;
  /** Every chat completion request body, in arrival order. */
  requests: RecordedRequest[];
  /** Clears the queue, the default and the recorded requests. */
  reset: () => void;
  close: () => Promise<void>;
};

const MODEL_FALLBACK = 'gpt-4o-mini';

export async function startScriptedOpenAiServer(): Promise<ScriptedOpenAiServer> {
  const queue: ScriptEntry[] = [];
  let fallbackEntry: ScriptEntry | undefined;
  const requests: RecordedRequest[] = [];
  let sequence = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: 'server_error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    const body = JSON.parse(await readBody(req)) as RecordedRequest;
    requests.push(body);
    const entry = queue.shift() ?? fallbackEntry;
    if (!entry) {
      sendJson(res, 500, { error: { message: 'script exhausted', type: 'server_error' } });
      return;
    }
    const step = typeof entry === 'function' ? entry(body) : entry;
    const id = `chatcmpl-${++sequence}`;
    const model = body.model ?? MODEL_FALLBACK;

    if ('hang' in step) {
      // Never answer; close() destroys the socket.
      return;
    }
    if ('status' in step) {
      const headers: Record<string, string> = {};
      if (step.retryAfter !== undefined) headers['retry-after'] = String(step.retryAfter);
      const type = step.status === 429 ? 'rate_limit_error' : step.status >= 500 ? 'server_error' : 'invalid_request_error';
      sendJson(res, step.status, { error: { message: step.message ?? `scripted ${step.status}`, type, code: null } }, headers);
      return;
    }

    const toolCalls =
      'toolCalls' in step
        ? step.toolCalls.map((call, index) => ({
            index,
            id: `call_${sequence}_${index}`,
            type: 'function' as const,
            function: { name: call.name, arguments: JSON.stringify(call.args) },
          }))
        : [];
    const text = step.text ?? '';
    const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

    if (!body.stream) {
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: text || (toolCalls.length > 0 ? null : ''),
              ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map(({ index: _index, ...call }) => call) } : {}),
            },
            finish_reason: finishReason,
          },
        ],
        usage,
      });
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);

    send(chunk({ role: 'assistant', content: '' }));
    const pieces = 'chunks' in step ? splitText(text, step.chunks ?? 3) : splitText(text, 1);
    const delayMs = 'delayMs' in step ? (step.delayMs ?? 0) : 0;
    for (const piece of pieces) {
      if (delayMs > 0) await sleep(delayMs);
      if (res.destroyed) return;
      send(chunk({ content: piece }));
    }
    for (const call of toolCalls) {
      // As OpenAI does: the id and name first, then the arguments in two pieces.
      send(chunk({ tool_calls: [{ index: call.index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
      const args = call.function.arguments;
      const half = Math.ceil(args.length / 2);
      for (const part of [args.slice(0, half), args.slice(half)]) {
        if (part) send(chunk({ tool_calls: [{ index: call.index, function: { arguments: part } }] }));
      }
    }
    send(chunk({}, finishReason));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) {
      send({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [], usage });
    }
    res.write('data: [DONE]\n\n');
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    script: (...steps) => {
      queue.push(...steps);
    },
    scriptDefault: (entry) => {
      fallbackEntry = entry;
    },
    pending: () => queue.length,
    requests,
    reset: () => {
      queue.length = 0;
      fallbackEntry = undefined;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function splitText(text: string, count: number): string[] {
  if (!text) return [];
  const n = Math.max(1, Math.min(count, text.length));
  const size = Math.ceil(text.length / n);
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
