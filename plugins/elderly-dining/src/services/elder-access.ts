import { scopeWhere, type GongzhiContext, type PermissionDefinition, type ScopeNode } from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { PROGRAM } from '../program';
import type { DiningOrder } from '../entities/order.entity';
import type { DiningEnrolment } from '../entities/enrolment.entity';

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

/**
 * Row filter for rows about elders (enrolments, orders): the elder's district, street or
 * community, or a canteen run by an organisation where the caller holds `permission`.
 */
export async function elderRowFilter(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string): Promise<Record<string, unknown>> {
  ctx.programs.assertEnabled(PROGRAM, districtId);
  const f = ctx.auth.scopeFilter(permission);
  if (f.all) return {};
  // rows about elders carry no grid column: a grid grant does not reach them, as in elderScope
  const tree = scopeWhere({ ...f, gridIds: [], organizationIds: [] });
  if (f.organizationIds.length === 0) return tree;
  const operated = await ctx.em.find(Canteen, { districtId, operatorOrganizationId: { $in: f.organizationIds } }, { fields: ['id'] });
  const byOperator = { canteenId: { $in: operated.map((c) => c.id) } };
  return 'id' in tree && tree.id === null ? byOperator : { $or: [tree, byOperator] };
}
