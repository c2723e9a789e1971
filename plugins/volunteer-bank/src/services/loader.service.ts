import { GongzhiContext, NotFoundError } from '@gongzhi/plugin-sdk';

type WithId = { id: string };

/** Batched load by uuid, once per operation per entity (no N+1 from lists). */
export function loadById<T extends WithId>(
  ctx: Pick<GongzhiContext, 'loader' | 'em'>,
  entity: new () => T,
  id: string,
): Promise<T | null> {
  const loader = ctx.loader<string, T | null>(`volunteer-bank:${entity.name}:id`, async (ids) => {
    const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as never, { refresh: true });
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((k) => map.get(k) ?? null);
  });
  return loader.load(id);
}

/** A fresh read for rules (not the per-operation cache, which later fields may need fresh); NOT_FOUND when absent. */
export async function mustLoad<T extends WithId>(
  ctx: Pick<GongzhiContext, 'em'>,
  entity: new () => T,
  id: string,
  typename = entity.name,
): Promise<T> {
  const found = await ctx.em.findOne(entity, { id } as never, { refresh: true });
  if (!found) throw new NotFoundError(typename);
  return found as T;
}

/** Batched load of many rows per key (e.g. teams of a community): `fetch` returns [key, row] pairs. */
export function loadMany<T>(
  ctx: Pick<GongzhiContext, 'loader'>,
  key: string,
  fetch: (keys: readonly string[]) => Promise<[string, T][]>,
  id: string,
): Promise<T[]> {
  const loader = ctx.loader<string, T[]>(`volunteer-bank:${key}`, async (keys) => {
    const groups = new Map<string, T[]>();
    for (const [k, row] of await fetch(keys)) {
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(row);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
  return loader.load(id);
}
