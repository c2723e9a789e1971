import {
  BadUserInputError, GongzhiContext, NotFoundError, ScopeNode, fromGlobalId,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';

/** Every field of the program: enabled in the district (no SQL), then the permission at the node. */
export async function guard(ctx: GongzhiContext, scope: ScopeNode, permission: string): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, scope.districtId);
  await ctx.auth.require(permission, scope);
}

export interface TreeScope {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

/** The scope of a District, Street or Community global id (leaderboards, lists, dashboards). */
export async function scopeOfNode(ctx: GongzhiContext, globalId: string, field = 'scope'): Promise<TreeScope> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new BadUserInputError({ field, message: 'must be the id of a District, Street or Community' });
  if (parsed.typename === 'District') {
    const d = await ctx.core.district(parsed.id);
    if (d) return { districtId: parsed.id, streetId: null, communityId: null };
  } else if (parsed.typename === 'Street') {
    const s = await ctx.core.street(parsed.id);
    if (s) return { districtId: s.districtId, streetId: parsed.id, communityId: null };
  } else if (parsed.typename === 'Community') {
    const c = await ctx.core.community(parsed.id);
    if (c) return { districtId: c.districtId, streetId: c.streetId, communityId: parsed.id };
  } else {
    throw new BadUserInputError({ field, message: 'must be the id of a District, Street or Community' });
  }
  throw new NotFoundError(parsed.typename);
}

/** Scope of a community by uuid; NOT_FOUND when it does not exist. */
export async function communityScope(ctx: Pick<GongzhiContext, 'core'>, communityId: string): Promise<TreeScope & { communityId: string; streetId: string }> {
  const c = await ctx.core.community(communityId);
  if (!c) throw new NotFoundError('Community');
  return { districtId: c.districtId, streetId: c.streetId, communityId };
}

/** SQL predicate restricting rows with district/street/community columns to a scope. */
export function scopeWhere(scope: TreeScope, alias: string): { sql: string; params: unknown[] } {
  if (scope.communityId) return { sql: `${alias}.community_id = ?`, params: [scope.communityId] };
  if (scope.streetId) return { sql: `${alias}.street_id = ?`, params: [scope.streetId] };
  return { sql: `${alias}.district_id = ?`, params: [scope.districtId] };
}

/** The same restriction as an entity filter (for keyset pages). */
export function scopeFilter(scope: TreeScope): { communityId: string } | { streetId: string } | { districtId: string } {
  if (scope.communityId) return { communityId: scope.communityId };
  if (scope.streetId) return { streetId: scope.streetId };
  return { districtId: scope.districtId };
}

/** For nested fields of an already authorised parent: the program gate only (no SQL). */
export function gate(ctx: GongzhiContext, districtId: string): void {
  ctx.programs.assertEnabled(PROGRAM, districtId);
}
