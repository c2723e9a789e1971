import 'reflect-metadata';

export { createTestGateway, TestGateway, type GraphQLResponse, type TestGatewayOptions } from './test-gateway';
export { SeedBuilders, type SeededTree, type TreeOptions } from './seed-builders';
export { createScratchDatabase, serverUrl } from './database';
export { startGatewayProcess, exited, repoRoot, type GatewayProcess } from './gateway-process';
