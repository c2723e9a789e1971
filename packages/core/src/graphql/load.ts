import { NotFoundError, badInput, byId, fromGlobalId, type PermissionDefinition } from '@gongzhi/plugin-sdk';
import { nodeOf } from '../security/access-guard';
import { CommunityEntity, DistrictEntity, GridEntity, StreetEntity } from '../entities';
import { treeFilter, type TreeLevel } from '../services/tree.service';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CoreContext } from './core-context';

export const em = (ctx: CoreContext) => ctx.em as unknown as EntityManager;

/** Batched by-id load of a core row for a field of a listed object. */
export function load<T extends { id: string }>(ctx: CoreContext, entity: new () => T, id: string | null): Promise<T | null> {
  return id ? byId(ctx, entity, { refresh: false }).load(id) : Promise.resolve(null);
}

/** Loads the object a global-id argument names, or NOT_FOUND (also for ids of other types). */
export async function mustLoad<T extends { id: string }>(ctx: CoreContext, entity: new () => T, typename: string, globalId: string): Promise<T> {
  const parsed = fromGlobalId(globalId);
  const row = parsed?.typename === typename ? await load(ctx, entity, parsed.id) : null;
  if (!row) throw new NotFoundError(typename);
  return row;
}

/** `mustLoad`, then the caller must hold `permission` at the object's node. */
export async function mustLoadAt<T extends { id: string }>(ctx: CoreContext, permission: PermissionDefinition, entity: new () => T, typename: string, globalId: string): Promise<T> {
  const row = await mustLoad(ctx, entity, typename, globalId);
  await ctx.auth.require(permission, nodeOf(row)!);
  return row;
}

/** The parent an input names (`input.streetId`…): missing or invisible is a field problem; then the permission at it. */
export async function parentAt<T extends { id: string }>(ctx: CoreContext, permission: PermissionDefinition, entity: new () => T, typename: string, globalId: string, field: string): Promise<T> {
  const parsed = fromGlobalId(globalId);
  const row = parsed?.typename === typename ? await load(ctx, entity, parsed.id) : null;
  if (!row) throw badInput(field, `no ${typename} with this id`);
  await ctx.auth.require(permission, nodeOf(row)!);
  return row;
}

/**
 * A `within` argument: the District/Street/Community/Grid (or only the `levels` the list
 * can be filtered by) must exist for the caller (else NOT_FOUND) and allow `permission`.
 */
export async function withinNode(ctx: CoreContext, permission: PermissionDefinition, globalId: string, field: string, levels?: TreeLevel[]) {
  const f = treeFilter(globalId, field);
  if (levels && !levels.includes(f.level)) throw badInput(field, `must be the id of a ${levels.map((l) => l[0].toUpperCase() + l.slice(1)).join(' or ')}`);
  const entity = { district: DistrictEntity, street: StreetEntity, community: CommunityEntity, grid: GridEntity }[f.level];
  const row = await load(ctx, entity as new () => { id: string }, f.id);
  if (!row) throw new NotFoundError();
  await ctx.auth.require(permission, nodeOf(row)!);
  return f;
}
