import type { GongzhiContext, PermissionDefinition, ScopeNode } from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';

/** The program is on in the node's district (no SQL), then the caller holds `permission` there. */
export async function allow(ctx: GongzhiContext, permission: PermissionDefinition, node: ScopeNode): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, node.districtId);
  await ctx.auth.require(permission.key, node);
}

/** Whether the caller holds `permission` at `node`, for fields that show more to some callers. */
export async function holds(ctx: GongzhiContext, permission: PermissionDefinition, node: ScopeNode): Promise<boolean> {
  return ctx.auth.require(permission.key, node).then(() => true, () => false);
}

/**
 * Whether the caller holds `permission` anywhere in the district: at the district or at any
 * street, community, grid or organisation of it (a resident reads the district's round
 * although their grant is at their community). Nodes of other districts do not load.
 */
export async function holdsInDistrict(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<boolean> {
  const f = ctx.auth.scopeFilter(permission.key);
  if (f.all || f.districtIds.includes(districtId)) return true;
  const nodes = await Promise.all([
    ...f.streetIds.map((id) => ctx.core.street(id)), ...f.communityIds.map((id) => ctx.core.community(id)),
    ...f.gridIds.map((id) => ctx.core.grid(id)), ...f.organizationIds.map((id) => ctx.core.socialOrganization(id)),
  ]);
  return nodes.some((n) => n?.districtId === districtId);
}

/** Program on, then `holdsInDistrict` or NOT_FOUND-or-FORBIDDEN as `require` answers at the district. */
export async function allowInDistrict(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, districtId);
  if (!(await holdsInDistrict(ctx, permission, districtId))) await ctx.auth.require(permission.key, { districtId });
}
