import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config';
import type { Logger } from '../../util/logger';
import type { EventEngine } from './event-engine';
import { MemoryEngine } from './memory-engine';
import { PostgresEngine } from './postgres-engine';
import { RedisEngine } from './redis-engine';

export type { EventEngine, EventEngineKind, EngineSink } from './event-engine';

/** The engine named by `GONGZHI_EVENT_ENGINE` (default: redis with REDIS_URL, else memory). */
export async function createEventEngine(config: Config, orm: MikroORM, log: Logger): Promise<EventEngine> {
  switch (config.eventEngine) {
    case 'postgres':
      return new PostgresEngine(orm.config.get('clientUrl')!, orm, log);
    case 'redis': {
      const [{ db }] = await orm.em.fork().execute<{ db: string }[]>('select current_database() as db');
      return new RedisEngine(config.redisUrl!, `gongzhi:events:${db}`, log);
    }
    default:
      return new MemoryEngine();
  }
}
