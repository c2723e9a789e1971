import { Ctx, FieldResolver, Resident, Resolver, Root, type GongzhiContext, AsParent, requireAt } from '@gongzhi/plugin-sdk';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { EnrolmentStatus } from './dining-enums.type';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { isSelf } from '../services/elder-access';

/** Adds `Resident.diningEnrolment` to the core type, batched across a list of residents. */
@Resolver(() => Resident)
export class ResidentEnrolmentResolver {
  @AsParent()
  @FieldResolver(() => DiningEnrolment, { nullable: true, description: '有效的助餐登记 / Active dining enrolment' })
  async diningEnrolment(@Root() r: Resident, @Ctx() ctx: GongzhiContext): Promise<DiningEnrolment | null> {
    if (isSelf(ctx, r.id)) ctx.programs.assertEnabled(PROGRAM, r.districtId);
    else await requireAt(ctx, perms['enrolment:read'], { districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });
    return ctx.loader<string, DiningEnrolment | null>('elderly-dining:enrolment-by-resident', async (ids) => {
      const rows = await ctx.em.find(DiningEnrolment, { residentId: { $in: [...ids] }, status: EnrolmentStatus.ACTIVE });
      return ids.map((id) => rows.find((e) => e.residentId === id) ?? null);
    }).load(r.id);
  }
}
