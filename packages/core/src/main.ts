import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { Gateway } from './gateway';
import { PluginHostError } from './plugins/plugin-host';
import { RequestRoleError } from './db/request-role';
import { logProcessWarnings } from './util/process-warnings';

/** Signals that stop the gateway gracefully (SIGHUP: the terminal went away). */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** `pnpm start`: serve the graph until SIGTERM/SIGINT, then drain and exit 0. */
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
  logProcessWarnings(gateway.log);
  const starting = gateway.start();
  let stopping = false;
  // This process alone decides the exit code: the gateway stops no library re-raises a signal.
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      gateway.log.error('shutdown timed out; exiting', { ms: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs + 1000);
    deadline.unref();
    // A signal during start waits for the start to settle, so nothing is left half-open.
    starting.catch(() => undefined).then(() => gateway.stop(reason)).then(
      () => process.exit(0),
      (e: unknown) => {
        gateway.log.error('shutdown failed', { error: String(e) });
        process.exit(1);
      },
    );
  };
  for (const s of STOP_SIGNALS) process.on(s, () => shutdown(s));
  try {
    await starting;
    if (!stopping) process.stdout.write(`Gongzhi gateway ready: ${gateway.url}/graphql  (GraphiQL: ${gateway.url}/graphiql)\n`);
  } catch (e) {
    if (stopping) return;
    if (e instanceof PluginHostError || e instanceof RequestRoleError) {
      process.stderr.write(`Refusing to start: ${e.message}\n`);
    } else {
      process.stderr.write(`Gateway failed to start: ${(e as Error).stack ?? e}\n`);
    }
    stopping = true;
    await gateway.stop('start failed').catch(() => undefined);
    process.exit(1);
  }
}

void main();
