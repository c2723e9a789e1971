import { Community, Ctx, FieldResolver, GongzhiContext, Requires, Resident, Resolver, Root } from '@gongzhi/plugin-sdk';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { P } from '../permissions';
import { guard } from '../services/access.service';
import { loadMany } from '../services/loader.service';
import { volunteersByResident } from '../services/volunteer.service';

/** `Resident.volunteer`: one batched query for a whole list of residents. */
@Resolver(() => Resident)
export class ResidentVolunteerResolver {
  @Requires(P['volunteer:read'])
  @FieldResolver(() => Volunteer, { nullable: true, description: '志愿者身份（志愿银行）/ Volunteer record (volunteer bank)' })
  async volunteer(@Root() r: Resident, @Ctx() ctx: GongzhiContext) {
    await guard(ctx, { districtId: r.districtId, streetId: r.streetId, communityId: r.communityId }, P['volunteer:read']);
    return ctx.loader<string, Volunteer | null>('volunteer-bank:volunteer-by-resident', (ids) => volunteersByResident(ctx, ids)).load(r.id);
  }
}

/** `Community.volunteerTeams`: one batched query for a whole list of communities. */
@Resolver(() => Community)
export class CommunityVolunteerTeamsResolver {
  @Requires(P['volunteer:read'])
  @FieldResolver(() => [VolunteerTeam], { description: '志愿服务队（志愿银行）/ Volunteer teams (volunteer bank)' })
  async volunteerTeams(@Root() c: Community, @Ctx() ctx: GongzhiContext) {
    await guard(ctx, { districtId: c.districtId, streetId: c.streetId, communityId: c.id }, P['volunteer:read']);
    return loadMany<VolunteerTeam>(ctx, 'teams-by-community',
      async (ids) => (await ctx.em.find(VolunteerTeam, { communityId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }))
        .map((t) => [t.communityId, t]),
      c.id);
  }
}
