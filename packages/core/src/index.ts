export { Gateway, type GatewayOptions } from './gateway';
export { loadConfig, ConfigError, repoRoot, type Config } from './config/config';
export { createLogger, type Logger } from './util/logger';
export { PluginHostError, discoverPlugins, resolvePlugins } from './plugins/plugin-host';
export { migrationTable } from './db/migrate';
export { requestRoleName } from './db/request-role';
export { sdlOf } from './graphql/build-schema';
export { CORE_VERSION } from './version';
export * from './entities';
