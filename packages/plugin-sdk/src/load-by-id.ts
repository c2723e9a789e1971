import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from './errors';
import type { GongzhiContext } from './context';

type WithId = { id: string };
type Loading = Pick<GongzhiContext, 'loader' | 'em'>;

/**
 * The operation's loader of `entity` rows by uuid: one `IN (…)` query per tick however many
 * objects a list resolves, cached for the operation. Row-level security keeps it to the
 * caller's districts; which objects the caller may see is the field's access rule, not the loader's.
 */
export function byId<T extends WithId>(ctx: Loading, entity: new () => T, opts: { refresh?: boolean } = {}): DataLoader<string, T | null> {
  // refresh (default): a row a raw UPDATE changed earlier in the operation is read as it is now;
  // off for objects the operation itself may be changing through the unit of work
  const refresh = opts.refresh ?? true;
  return ctx.loader<string, T | null>(`byId:${entity.name}:${refresh ? 'fresh' : 'managed'}`, async (ids) => {
    const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as never, { refresh });
    const map = new Map(rows.map((r) => [r.id, r as T]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export const loadById = <T extends WithId>(ctx: Loading, entity: new () => T, id: string): Promise<T | null> =>
  byId(ctx, entity).load(id);

/** Through the operation's loader; NOT_FOUND (named `typename`) when absent. */
export async function loadOrFail<T extends WithId>(ctx: Loading, entity: new () => T, id: string, typename = entity.name): Promise<T> {
  const row = await byId(ctx, entity).load(id);
  if (!row) throw new NotFoundError(typename);
  return row;
}

/**
 * A fresh read past the operation's cache, for the rules of a write (an earlier field of
 * the same operation may have changed the row); NOT_FOUND when absent.
 */
export async function loadFresh<T extends WithId>(ctx: { em: EntityManager }, entity: new () => T, id: string, typename = entity.name): Promise<T> {
  const row = await ctx.em.findOne(entity, { id } as never, { refresh: true });
  if (!row) throw new NotFoundError(typename);
  return row as T;
}

/**
 * Many rows per key in one query per tick (teams of each community, dishes of each menu):
 * `fetch` returns `[key, row]` pairs in the order each key's rows should keep.
 */
export function loadGrouped<T>(ctx: Pick<GongzhiContext, 'loader'>, name: string, fetch: (keys: readonly string[]) => Promise<[string, T][]>): DataLoader<string, T[]> {
  return ctx.loader<string, T[]>(`grouped:${name}`, async (keys) => {
    const groups = new Map<string, T[]>();
    for (const [k, row] of await fetch(keys)) {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(row);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
