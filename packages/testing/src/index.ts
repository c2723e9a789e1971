import 'reflect-metadata';

export { createTestGateway, TestGateway, type GraphQLResponse, type TestGatewayOptions } from './test-gateway';
export { TestClock } from './test-clock';
export { SeedBuilders, type SeededTree, type TreeOptions } from './seed-builders';
export { testPlugin, startupRefusal } from './plugin-fixtures';
export { installedPlugins } from './installed-plugins';
export { createScratchDatabase, serverUrl } from './database';
export { startGatewayProcess, exited, repoRoot, type GatewayProcess } from './gateway-process';
/** Deterministic PRNG (mulberry32): a failing seeded sequence can be replayed from its seed. */
export { rng } from '@gongzhi/core/src/seed/people-generator';
export { launchBrowser, chromiumPath, screenshotPath } from './browser';
