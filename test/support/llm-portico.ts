import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { ChatClient } from './chat-client.js';
import { demoClients, type DemoClients } from './http-client.js';
import { startTestPortico, type TestPortico } from './portico.js';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from './scripted-openai-server.js';

export type LlmPortico = {
  readonly model: ScriptedOpenAiServer;
  readonly portico: TestPortico;
  readonly users: DemoClients;
  /** A chat socket of a demo user, closed with the suite. */
  chat(user: keyof DemoClients): Promise<ChatClient>;
};

/** For one test file: the demo Portico with its LLM engine pointed at a scripted model server, reset before each test. */
export function useLlmPortico(apiKey = 'sk-test'): LlmPortico {
  let model: ScriptedOpenAiServer | undefined;
  let portico: TestPortico | undefined;
  let users: DemoClients | undefined;
  const sockets: ChatClient[] = [];
  beforeAll(async () => {
    model = await startScriptedOpenAiServer();
    portico = await startTestPortico({ env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: apiKey, OPENAI_MODEL: 'gpt-4o-mini' } });
    users = await demoClients(portico.port);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await portico?.close();
    await model?.close();
  });
  beforeEach(() => model!.reset());
  return {
    get model() {
      return model!;
    },
    get portico() {
      return portico!;
    },
    get users() {
      return users!;
    },
    async chat(user) {
      const client = await ChatClient.connect(portico!.port, users![user]);
      sockets.push(client);
      return client;
    },
  };
}
