import { tsImport } from 'tsx/esm/api';

// Jest runs global setup outside its module mapper; tsx loads the TypeScript setup as the server runs it.
export default async function globalSetup() {
  const { createTemplateDataDir } = await tsImport('./create-template.ts', import.meta.url);
  await createTemplateDataDir();
}
