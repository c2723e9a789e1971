import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Per-operation registry of DataLoaders, keyed by name. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let l = this.loaders.get(key);
    if (!l) {
      l = new DataLoader<unknown, unknown>(batch as never, { maxBatchSize: 1000 });
      this.loaders.set(key, l);
    }
    return l as DataLoader<K, V>;
  }
}

/** A loader of `entity` rows by primary key (one `IN (...)` query per tick). */
export function byId<T extends { id: string }>(loaders: LoaderRegistry, em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return loaders.get<string, T | null>(`byId:${entity.name}`, async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}
