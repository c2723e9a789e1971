import { BadUserInputError, NotFoundError } from './errors';
import { fromGlobalId } from './global-id';
import type { GongzhiContext, ScopeFilter, ScopeNode } from './context';
import type { PermissionDefinition } from './permissions';

/**
 * One meaning of "rows within a scope": a ScopeFilter (nodes, each with everything below it)
 * turned into a row filter. The filter comes either from the caller's grants
 * (`ctx.auth.scopeFilter(permission)`) or from one node of the tree (`filterOfNode`).
 */
type Level = 'district' | 'street' | 'community' | 'grid' | 'organization';
export type TreeColumns = Partial<Record<Level, string>>;

const LEVELS: [Level, keyof Omit<ScopeFilter, 'all'>][] = [
  ['district', 'districtIds'], ['street', 'streetIds'], ['community', 'communityIds'], ['grid', 'gridIds'], ['organization', 'organizationIds'],
];
const ENTITY_COLUMNS: TreeColumns = { district: 'districtId', street: 'streetId', community: 'communityId', grid: 'gridId' };
const SQL_COLUMNS: TreeColumns = { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id' };

function parts(f: ScopeFilter, columns: TreeColumns): [string, string[]][] {
  return LEVELS.flatMap(([level, key]) => (columns[level] && f[key].length ? [[columns[level]!, f[key]] as [string, string[]]] : []));
}

/** A MikroORM `where` for rows carrying tree columns (entity property names) within `f`. */
export function scopeWhere(f: ScopeFilter, columns: TreeColumns = ENTITY_COLUMNS): Record<string, unknown> {
  if (f.all) return {};
  const or = parts(f, columns).map(([col, ids]) => ({ [col]: { $in: ids } }));
  return or.length ? { $or: or } : { id: null };
}

/** A list's rows where the caller holds `permission`, as a MikroORM `where`. */
export function permittedWhere(ctx: Pick<GongzhiContext, 'auth'>, permission: PermissionDefinition, columns?: TreeColumns): Record<string, unknown> {
  return scopeWhere(ctx.auth.scopeFilter(permission), columns);
}

/** The same as a SQL predicate on `alias`'s columns (`?` placeholders), for raw statements. */
export function scopeWhereSql(f: ScopeFilter, alias: string, columns: TreeColumns = SQL_COLUMNS): { sql: string; params: unknown[] } {
  if (f.all) return { sql: 'true', params: [] };
  const or = parts(f, columns);
  if (!or.length) return { sql: 'false', params: [] };
  return { sql: `(${or.map(([col]) => `${alias}.${col} in (?)`).join(' or ')})`, params: or.map(([, ids]) => ids) };
}

const none = (): ScopeFilter => ({ all: false, districtIds: [], streetIds: [], communityIds: [], gridIds: [], organizationIds: [] });

const DEPTH = { district: 0, street: 1, community: 2, grid: 3 };

/**
 * The rows at or below one node: its most specific level of the tree, no deeper than
 * `deepest` (rows without a grid column: `'community'`, so a grid's rows are its community's).
 */
export function filterOfNode(node: ScopeNode, deepest: keyof typeof DEPTH = 'grid'): ScopeFilter {
  const f = none();
  const depth = DEPTH[deepest];
  if (node.gridId && depth >= 3) f.gridIds.push(node.gridId);
  else if (node.communityId && depth >= 2) f.communityIds.push(node.communityId);
  else if (node.streetId && depth >= 1) f.streetIds.push(node.streetId);
  else f.districtIds.push(node.districtId);
  return f;
}

/** A District, Street or Community with the ids above it. */
export interface TreeScope {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

const TREE_NODE = 'must be the id of a District, Street or Community';

/** The scope a District, Street or Community global id names (a list's `scope` argument); NOT_FOUND when it does not exist. */
export async function treeScopeOf(ctx: Pick<GongzhiContext, 'core'>, globalId: string, field = 'scope'): Promise<TreeScope> {
  const parsed = fromGlobalId(globalId);
  if (parsed?.typename === 'District') {
    if (await ctx.core.district(parsed.id)) return { districtId: parsed.id, streetId: null, communityId: null };
  } else if (parsed?.typename === 'Street') {
    const s = await ctx.core.street(parsed.id);
    if (s) return { districtId: s.districtId, streetId: parsed.id, communityId: null };
  } else if (parsed?.typename === 'Community') {
    return communityScope(ctx, parsed.id);
  } else {
    throw new BadUserInputError({ field, message: TREE_NODE });
  }
  throw new NotFoundError(parsed.typename);
}

/** A community's scope by uuid; NOT_FOUND when it does not exist. */
export async function communityScope(ctx: Pick<GongzhiContext, 'core'>, communityId: string): Promise<TreeScope & { streetId: string; communityId: string }> {
  const c = await ctx.core.community(communityId);
  if (!c) throw new NotFoundError('Community');
  return { districtId: c.districtId, streetId: c.streetId, communityId };
}
