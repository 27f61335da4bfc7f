/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  testTimeout: 60_000,
  maxWorkers: 2,
  // Each test file's modules stay in its worker's heap after the file ends (ES modules in vm contexts): a worker past
  // this after a file is replaced by a fresh one, rather than growing until the heap's limit ends it mid-suite.
  workerIdleMemoryLimit: '1.5GB',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
};
