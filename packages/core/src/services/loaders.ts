import DataLoader from 'dataloader';

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
