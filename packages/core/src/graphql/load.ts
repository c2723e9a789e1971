import { NotFoundError, fromGlobalId } from '@gongzhi/plugin-sdk';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../services/loaders';
import type { CoreContext } from './core-context';

export const em = (ctx: CoreContext) => ctx.em as unknown as EntityManager;

/** Batched by-id load of a core row for a field of a listed object. */
export function load<T extends { id: string }>(ctx: CoreContext, entity: new () => T, id: string | null): Promise<T | null> {
  return id ? byId(ctx.loaders, em(ctx), entity).load(id) : Promise.resolve(null);
}

/** Loads the object a global-id argument names, or NOT_FOUND (also for ids of other types). */
export async function mustLoad<T extends { id: string }>(ctx: CoreContext, entity: new () => T, typename: string, globalId: string): Promise<T> {
  const parsed = fromGlobalId(globalId);
  const row = parsed?.typename === typename ? await load(ctx, entity, parsed.id) : null;
  if (!row) throw new NotFoundError(typename);
  return row;
}
