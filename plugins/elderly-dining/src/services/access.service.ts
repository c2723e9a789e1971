import { ForbiddenError, scopeWhere, UnauthenticatedError, type GongzhiContext, type PermissionDefinition, type ScopeNode } from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { Canteen } from '../entities/canteen.entity';
import { servedCommunityIds } from './loaders.service';
import type { DiningOrder } from '../entities/order.entity';
import type { DiningEnrolment } from '../entities/enrolment.entity';

/** The two checks every field makes: program enabled in the district (no SQL), then the permission. */
export async function guard(ctx: GongzhiContext, permission: PermissionDefinition, scope: ScopeNode): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, scope.districtId);
  await ctx.auth.require(permission.key, scope);
}

/** A canteen's node: its place in the tree and its operator organisation (for the operator role). */
export function canteenScope(c: Canteen): ScopeNode {
  return { districtId: c.districtId, streetId: c.streetId, communityId: c.communityId, organizationId: c.operatorOrganizationId };
}

/** An elder's node (enrolment or order): their community, plus the canteen's operator when known. */
export function elderScope(e: DiningEnrolment | DiningOrder, canteen?: Canteen | null): ScopeNode {
  return {
    districtId: e.districtId, streetId: e.streetId, communityId: e.communityId,
    organizationId: canteen?.operatorOrganizationId ?? null,
  };
}

/** True when the caller is the elder the data is about (self-service ordering). */
export function isSelf(ctx: GongzhiContext, residentId: string): boolean {
  return !!ctx.actor?.residentId && ctx.actor.residentId === residentId;
}

type TreeColumns = Parameters<typeof scopeWhere>[1];

/**
 * For lists: the program gate, then a row filter (MikroORM `where`) keeping only rows at
 * nodes where the caller holds `permission` (district, street, community, grid or organisation).
 */
export function listFilter(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string, columns?: TreeColumns): Record<string, unknown> {
  ctx.programs.assertEnabled(PROGRAM, districtId);
  if (!ctx.actor) throw new UnauthenticatedError();
  return scopeWhere(ctx.auth.scopeFilter(permission.key), columns);
}

/**
 * Row filter for rows about elders (enrolments, orders): the elder's district, street or
 * community, or a canteen run by an organisation where the caller holds `permission`.
 */
export async function elderRowFilter(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<Record<string, unknown>> {
  ctx.programs.assertEnabled(PROGRAM, districtId);
  if (!ctx.actor) throw new UnauthenticatedError();
  const f = ctx.auth.scopeFilter(permission.key);
  if (f.all) return {};
  // rows about elders carry no grid column: a grid grant does not reach them, as in elderScope
  const tree = scopeWhere({ ...f, gridIds: [], organizationIds: [] });
  if (f.organizationIds.length === 0) return tree;
  const operated = await ctx.em.find(Canteen, { districtId, operatorOrganizationId: { $in: f.organizationIds } }, { fields: ['id'] });
  const byOperator = { canteenId: { $in: operated.map((c) => c.id) } };
  return 'id' in tree && tree.id === null ? byOperator : { $or: [tree, byOperator] };
}

/**
 * Reading a canteen: allowed at its own node (place, operator) or to callers holding the
 * permission at a community it serves (community workers of its service area).
 */
export async function guardCanteenRead(ctx: GongzhiContext, permission: PermissionDefinition, canteen: Canteen): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, canteen.districtId);
  try {
    await ctx.auth.require(permission.key, canteenScope(canteen));
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    const communities = new Set(ctx.auth.scopeFilter(permission.key).communityIds);
    const served = await servedCommunityIds(ctx).load(canteen.id);
    if (!served.some((id) => communities.has(id))) throw e;
  }
}
