import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { Gateway } from './gateway';
import { PluginHostError } from './plugins/plugin-host';

/** `pnpm start`: serve the graph until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const gateway = new Gateway({ config });
  const shutdown = (signal: string) => {
    gateway.stop(signal).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    await gateway.start();
    process.stdout.write(`Gongzhi gateway ready: ${gateway.url}/graphql  (GraphiQL: ${gateway.url}/graphiql)\n`);
  } catch (e) {
    if (e instanceof PluginHostError) {
      process.stderr.write(`Refusing to start: ${e.message}\n`);
    } else {
      process.stderr.write(`Gateway failed to start: ${(e as Error).stack ?? e}\n`);
    }
    await gateway.stop('start failed').catch(() => undefined);
    process.exit(1);
  }
}

void main();
