/** One jest run for the whole workspace, against a real PostgreSQL. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.js$': ['@swc/jest', swc] },
  // temporal-polyfill ships ES modules only (Node loads them through require; jest's runtime does not)
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(temporal-polyfill|temporal-spec|temporal-utils)[@/])'],
  testMatch: [
    '<rootDir>/packages/*/src/**/*.test.ts',
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/plugins/*/src/**/*.test.ts',
    '<rootDir>/plugins/*/test/**/*.test.ts',
    '<rootDir>/tests/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/bench/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'], // pnpm build's output mirrors the packages
  globalSetup: '<rootDir>/packages/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
