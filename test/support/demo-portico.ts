import { afterAll, beforeAll } from '@jest/globals';
import { ChatClient } from './chat-client.js';
import { demoClients, type DemoClients } from './http-client.js';
import { startTestPortico, type TestPortico } from './portico.js';

export type DemoPortico = {
  readonly portico: TestPortico;
  readonly users: DemoClients;
  /** A chat socket of a demo user, closed with the suite. */
  chat(user: keyof DemoClients): Promise<ChatClient>;
};

type TestStartOptions = NonNullable<Parameters<typeof startTestPortico>[0]>;

/**
 * For one test file: Portico on a fresh copy of the demo data with the demo users signed in, all closed at the end.
 * Options are the start's, for a suite that needs other figures than the product's (say so where it is used); a
 * function gives them when known only once an earlier `beforeAll` has run.
 */
export function useDemoPortico(options: TestStartOptions | (() => TestStartOptions) = {}): DemoPortico {
  let portico: TestPortico | undefined;
  let users: DemoClients | undefined;
  const open: ChatClient[] = [];
  beforeAll(async () => {
    portico = await startTestPortico(typeof options === 'function' ? options() : options);
    users = await demoClients(portico.port);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await portico?.close();
  });
  return {
    get portico() {
      return portico!;
    },
    get users() {
      return users!;
    },
    async chat(user) {
      const client = await ChatClient.connect(portico!.port, users![user]);
      open.push(client);
      return client;
    },
  };
}
