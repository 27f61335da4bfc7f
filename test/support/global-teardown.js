export default async function globalTeardown() {
  await globalThis.endPorticoTestRun?.();
}
