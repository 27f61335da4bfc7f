import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { useDemoPortico, type DemoPortico } from './demo-portico.js';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from './scripted-openai-server.js';

export type LlmPortico = DemoPortico & { readonly model: ScriptedOpenAiServer };

/** For one test file: the demo Portico with its LLM engine pointed at a scripted model server, reset before each test. */
export function useLlmPortico(apiKey = 'sk-test'): LlmPortico {
  let model: ScriptedOpenAiServer | undefined;
  beforeAll(async () => {
    model = await startScriptedOpenAiServer();
  });
  const demo = useDemoPortico(() => ({ env: { OPENAI_BASE_URL: model!.url, OPENAI_API_KEY: apiKey, OPENAI_MODEL: 'gpt-4o-mini' } }));
  afterAll(() => model?.close());
  beforeEach(() => model!.reset());
  return {
    get model() {
      return model!;
    },
    get portico() {
      return demo.portico;
    },
    get users() {
      return demo.users;
    },
    chat: (user) => demo.chat(user),
  };
}
