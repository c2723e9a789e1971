import { ForbiddenError, requireAt, type GongzhiContext, type PermissionDefinition, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { Canteen } from '../entities/canteen.entity';
import { servedCommunityIds } from './canteen-communities';

/** A canteen's node: its place in the tree and its operator organisation (for the operator role). */
export function canteenScope(c: Canteen): ScopeNode {
  return { districtId: c.districtId, streetId: c.streetId, communityId: c.communityId, organizationId: c.operatorOrganizationId };
}

/**
 * Reading a canteen: allowed at its own node (place, operator) or to callers holding the
 * permission at a community it serves (community workers of its service area).
 */
export async function guardCanteenRead(ctx: GongzhiContext, permission: PermissionDefinition, canteen: Canteen): Promise<void> {
  try {
    await requireAt(ctx, permission, canteenScope(canteen));
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    const communities = new Set(ctx.auth.scopeFilter(permission).communityIds);
    const served = await servedCommunityIds(ctx).load(canteen.id);
    if (!served.some((id) => communities.has(id))) throw e;
  }
}
