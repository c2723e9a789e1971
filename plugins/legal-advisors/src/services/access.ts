import type { GongzhiContext, PermissionDefinition, ScopeNode } from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';
import { PROGRAM } from '../program';

/** The program is on in the node's district (no SQL), then the caller holds `permission` there. */
export async function allow(ctx: GongzhiContext, permission: PermissionDefinition, node: ScopeNode): Promise<void> {
  ctx.programs.assertEnabled(PROGRAM, node.districtId);
  await ctx.auth.require(permission, node);
}

/** Whether the caller holds `permission` at `node`, for fields that show more to some callers. */
export async function holds(ctx: GongzhiContext, permission: PermissionDefinition, node: ScopeNode): Promise<boolean> {
  return ctx.auth.require(permission, node).then(() => true, () => false);
}

/**
 * Lawyers (and their offices) are district-wide objects: readable with `permission` at the
 * district, or at a community the lawyer advises or advised (a resident sees their own
 * community's advisor, not the district's roster).
 */
export async function holdsForLawyers(ctx: GongzhiContext, permission: PermissionDefinition, districtId: string, lawyerIds: string[]): Promise<boolean> {
  if (await holds(ctx, permission, { districtId })) return true;
  if (!lawyerIds.length) return false;
  const terms = await ctx.em.find(AdvisorAssignment, { lawyerId: { $in: lawyerIds } });
  for (const t of terms) if (await holds(ctx, permission, t)) return true;
  return false;
}
