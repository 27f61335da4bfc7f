import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ChatClient } from './support/chat-client.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

/**
 * Every route of the OpenAPI document and every event of the portal socket, fed text no user should be able to break
 * the server with: NUL bytes, lone surrogates, invalid UTF-8, malformed percent-encodings, wrong shapes and oversized
 * values. Whatever the route, the answer is a 4xx (or a success), never a 500, and the server keeps serving.
 */

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; enum?: unknown[]; format?: string; items?: Schema };
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema: Schema }> } };

const LONG = 'x'.repeat(100_000);
const BAD_SEGMENTS = ['%00', '%E0%A4%A', '%FF%FE%FD', '%C0%AE%C0%AE', '..%2F..%2Fetc%2Fpasswd', '%uD800', 'y'.repeat(3000)];
const BAD_QUERY_VALUES = ['%00', 'a%00b', '%E0%A4%A', '%FF%FE', encodeURIComponent(LONG.slice(0, 20_000)), '1e999', '-0'];
const BAD_VALUES: unknown[] = ['\u0000', 'a\u0000b', '\ud800', 'trailing \udfff', LONG, 1e308, -1, 3.5, null, true, [], {}, [LONG], { nested: { deeper: ['\u0000'] } }];
const BAD_RAW_BODIES: (string | Buffer)[] = [
  Buffer.from([0xff, 0xfe, 0xfd, 0x7b, 0x7d]),
  Buffer.from('{"a":"\xc3\x28"}', 'latin1'),
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  'null',
  '[]',
  '"\\u0000"',
  '{"__proto__":{"admin":true}}',
];

let portico: TestPortico;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const failures: string[] = [];

beforeAll(async () => {
  portico = await startTestPortico();
  doc = (await new HttpClient(portico.port).get('/api/v1/openapi.json')).body;
});
afterAll(() => portico.close());

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

/** A value the schema would take, so that one bad property at a time meets the code behind the first checks. */
function plausible(schema: Schema | undefined): unknown {
  const s = resolve(schema);
  if (!s) return 'x';
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v)]));
  return s.format === 'uuid' ? randomUUID() : 'portico';
}

function plausibleParam(name: string): string {
  if (name === 'lang') return 'en';
  if (name === 'id') return randomUUID();
  return 'x';
}

async function probe(client: HttpClient, label: string, method: string, path: string, options: Parameters<HttpClient['send']>[2] = {}) {
  try {
    const answer = await client.send(method.toUpperCase(), path, options);
    if (answer.status >= 500) failures.push(`${label}: ${method} ${path.slice(0, 120)} → ${answer.status} ${answer.text.slice(0, 200)}`);
  } catch (error) {
    failures.push(`${label}: ${method} ${path.slice(0, 120)} → no answer (${(error as Error).message})`);
  }
}

async function fuzzOperation(client: HttpClient, label: string, method: string, template: string, operation: Operation) {
  const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const fill = (overrides: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? plausibleParam(name));

  for (const name of pathParams) for (const bad of BAD_SEGMENTS) await probe(client, label, method, fill({ [name]: bad }));

  const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of query) {
    for (const bad of BAD_QUERY_VALUES) await probe(client, label, method, `${fill()}?${name}=${bad}`);
    await probe(client, label, method, `${fill()}?${name}=1&${name}=2`);
    await probe(client, label, method, `${fill()}?${name}[a][b]=1`);
  }

  const schema = resolve(operation.requestBody?.content?.['application/json']?.schema);
  if (!schema) return;
  const base = plausible(schema) as Record<string, unknown>;
  const properties = Object.keys(resolve(schema)?.properties ?? {});
  for (const property of properties.length > 0 ? properties : ['anything']) {
    for (const bad of BAD_VALUES) await probe(client, label, method, fill(), { json: { ...base, [property]: bad } });
  }
  for (const raw of BAD_RAW_BODIES) {
    await probe(client, label, method, fill(), { raw, headers: { 'content-type': 'application/json' } });
  }
  await probe(client, label, method, fill(), { raw: JSON.stringify(base), headers: { 'content-type': 'application/json; charset=utf-16' } });
  await probe(client, label, method, fill(), { raw: JSON.stringify(base), headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' } });
}

describe('no route of the OpenAPI document answers 500 to hostile input', () => {
  it('covers the whole document', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(25);
  });

  for (const who of ['anonymous', 'tom', 'tech'] as const) {
    it(`as ${who}`, async () => {
      const client = who === 'anonymous' ? new HttpClient(portico.port) : await loggedIn(portico.port, DEMO[who]);
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          // Signing out would end the probing session; it takes no input to fuzz.
          if (path === '/api/v1/auth/logout') continue;
          await fuzzOperation(client, who, method, path, operation);
        }
      }
      expect(failures).toEqual([]);
      expect((await new HttpClient(portico.port).get('/healthz')).status).toBe(200);
    }, 240_000);
  }
});

describe('no portal socket event answers internal to hostile input', () => {
  const EVENTS = ['chat:send', 'chat:load', 'chat:feedback', 'action:confirm', 'action:cancel', 'action:verify', 'phone:set'];
  const deep = JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200));
  const PAYLOADS: unknown[] = [
    undefined,
    null,
    'text',
    42,
    [],
    {},
    deep,
    { text: '\u0000' },
    { text: 'lone \ud800' },
    { text: 'x'.repeat(20_000) },
    { conversationId: '%E0%A4%A', text: 'hi' },
    { conversationId: randomUUID(), text: 'a\u0000' },
    { actionId: '\u0000' },
    { actionId: 'z'.repeat(5000) },
    { actionId: randomUUID(), code: { $gt: '' } },
    { actionId: randomUUID(), code: '\ud800' },
    { phone: '\u0000+39' },
    { phone: ['+393331234567'] },
    { __proto__: { admin: true }, constructor: { prototype: {} } },
  ];

  it('acknowledges every event, with a 4xx-class error code', async () => {
    const tom = await loggedIn(portico.port, DEMO.tom);
    const chat = await ChatClient.connect(portico.port, tom);
    try {
      const problems: string[] = [];
      for (const event of EVENTS) {
        for (const payload of PAYLOADS) {
          const ack = await chat.emit(event, payload).catch((error: Error) => ({ error: { code: `no ack: ${error.message}` } }));
          const code: string | undefined = ack?.error?.code;
          if (!code || code === 'internal' || code.startsWith('no ack')) problems.push(`${event} ${JSON.stringify(payload)?.slice(0, 80)} → ${JSON.stringify(ack).slice(0, 120)}`);
        }
      }
      expect(problems).toEqual([]);
      // An event with no acknowledgement callback must not bring anything down either.
      chat.socket.emit('chat:send', { text: '\u0000' });
      expect((await chat.emit('chat:load', { conversationId: randomUUID() })).error.code).toBe('not_found');
    } finally {
      chat.close();
    }
  });

  it('drops a frame over the size limit and goes on serving', async () => {
    const tom = await loggedIn(portico.port, DEMO.tom);
    const chat = await ChatClient.connect(portico.port, tom);
    const closed = new Promise((resolve) => chat.socket.once('disconnect', resolve));
    chat.socket.emit('chat:send', { text: 'x'.repeat(200_000) });
    await closed;
    const again = await ChatClient.connect(portico.port, tom);
    expect((await again.emit('chat:load', { conversationId: randomUUID() })).error.code).toBe('not_found');
    again.close();
  });
});
