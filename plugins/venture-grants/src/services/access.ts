import type { GongzhiContext, PermissionDefinition } from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';

/**
 * Whether the caller holds `permission` anywhere in the district: at the district or at any
 * street, community, grid or organisation of it (a resident reads the district's round
 * although their grant is at their community). Nodes of other districts do not load.
 */
export async function holdsInDistrict(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<boolean> {
  const f = ctx.auth.scopeFilter(permission);
  if (f.all || f.districtIds.includes(districtId)) return true;
  const nodes = await Promise.all([
    ...f.streetIds.map((id) => ctx.core.street(id)), ...f.communityIds.map((id) => ctx.core.community(id)),
    ...f.gridIds.map((id) => ctx.core.grid(id)), ...f.organizationIds.map((id) => ctx.core.socialOrganization(id)),
  ]);
  return nodes.some((n) => n?.districtId === districtId);
}

/** The program on in the district (no SQL), then `holdsInDistrict`, else what `require` answers there (NOT_FOUND, FORBIDDEN). */
export async function requireInDistrict(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, districtId);
  if (!(await holdsInDistrict(ctx, permission, districtId))) await ctx.auth.require(permission, { districtId });
}
