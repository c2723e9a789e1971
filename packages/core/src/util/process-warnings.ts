import type { Logger } from './logger';

/**
 * Node's 'warning' events (deprecations of pg, knex, MikroORM and Node itself, MaxListeners…)
 * as one JSON `warn` line each instead of Node's raw multi-line stderr print. Process-wide:
 * only the process entry point (main.ts) calls it.
 */
export function logProcessWarnings(log: Logger, proc: NodeJS.Process = process): void {
  proc.removeAllListeners('warning'); // Node's own printer
  proc.on('warning', (w: Error & { code?: string }) => log.warn('process warning', { warning: w.name, code: w.code, message: w.message.slice(0, 500) }));
}
