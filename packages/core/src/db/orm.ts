import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, PostgreSqlDriver, type EntitySchema } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../util/logger';

/** Counts SQL statements of the current request (tests assert they don't grow with list size). */
export const sqlCounter = new AsyncLocalStorage<{ count: number }>();

/** `log`: where MikroORM's own messages (warnings, deprecations) go, as JSON lines instead of console output. */
export async function createOrm(url: string, entities: (Function | EntitySchema)[], poolMax: number, log?: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: entities as never,
    extensions: [Migrator],
    pool: { min: 0, max: poolMax },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    debug: false,
    ...(log ? { logger: (message: string) => log.warn('orm message', { message: message.slice(0, 500) }) } : {}),
    ensureDatabase: false,
  });
  orm.em.getConnection().getKnex().on('query', () => {
    const store = sqlCounter.getStore();
    if (store) store.count++;
  });
  return orm;
}
