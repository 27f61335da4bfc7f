import { tsImport } from 'tsx/esm/api';

// Jest runs global setup outside its module mapper; tsx loads the TypeScript setup as the server runs it. The global
// teardown, in this same process, finds what ends the run's shared resources here.
export default async function globalSetup() {
  const { prepareTestRun } = await tsImport('./test-run.ts', import.meta.url);
  globalThis.endPorticoTestRun = await prepareTestRun();
}
