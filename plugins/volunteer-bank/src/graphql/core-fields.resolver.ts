import { Community, Ctx, FieldResolver, GongzhiContext, Requires, Resident, Resolver, Root, loadGrouped, requireAt } from '@gongzhi/plugin-sdk';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { perms } from '../permissions';
import { volunteersByResident } from '../services/volunteer.service';

/** `Resident.volunteer`: one batched query for a whole list of residents. */
@Resolver(() => Resident)
export class ResidentVolunteerResolver {
  @Requires(perms['volunteer:read'])
  @FieldResolver(() => Volunteer, { nullable: true, description: '志愿者身份（志愿银行）/ Volunteer record (volunteer bank)' })
  async volunteer(@Root() r: Resident, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['volunteer:read'], { districtId: r.districtId, streetId: r.streetId, communityId: r.communityId });
    return ctx.loader<string, Volunteer | null>('volunteer-bank:volunteer-by-resident', (ids) => volunteersByResident(ctx, ids)).load(r.id);
  }
}

/** `Community.volunteerTeams`: one batched query for a whole list of communities. */
@Resolver(() => Community)
export class CommunityVolunteerTeamsResolver {
  @Requires(perms['volunteer:read'])
  @FieldResolver(() => [VolunteerTeam], { description: '志愿服务队（志愿银行）/ Volunteer teams (volunteer bank)' })
  async volunteerTeams(@Root() c: Community, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['volunteer:read'], { districtId: c.districtId, streetId: c.streetId, communityId: c.id });
    return loadGrouped<VolunteerTeam>(ctx, 'volunteer-bank:teams-by-community',
      async (ids) => (await ctx.em.find(VolunteerTeam, { communityId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }))
        .map((t) => [t.communityId, t])).load(c.id);
  }
}
