import {
  Arg, AsParent, Community, Ctx, FieldResolver, GongzhiContext, Int, Mutation, Requires, Resolver, Root,
  SocialOrganization, decodeId, loadById, loadGrouped, sqlRows,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { perms } from '../permissions';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { createTeam, joinTeam } from '../services/team.service';
import { CreateVolunteerTeamInput, JoinVolunteerTeamInput } from './volunteer.input';

const optionalId = (id: string | null | undefined, typename: string) => (id ? decodeId(id, typename) : null);

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Requires(perms['team:manage'])
  @Mutation(() => VolunteerTeam, { description: '新建志愿服务队 / Create a volunteer team' })
  createVolunteerTeam(@Arg('input') input: CreateVolunteerTeamInput, @Ctx() ctx: GongzhiContext) {
    return createTeam(ctx, {
      communityId: decodeId(input.communityId, 'Community'),
      organizationId: optionalId(input.organizationId, 'SocialOrganization'),
      name: input.name,
      leaderVolunteerId: optionalId(input.leaderId, 'Volunteer'),
    });
  }

  @Requires(perms['team:manage'])
  @Mutation(() => VolunteerTeam, { description: '加入志愿服务队 / Add a volunteer to a team' })
  joinVolunteerTeam(@Arg('input') input: JoinVolunteerTeamInput, @Ctx() ctx: GongzhiContext) {
    return joinTeam(ctx, decodeId(input.teamId, 'VolunteerTeam'), decodeId(input.volunteerId, 'Volunteer'));
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所属社区 / Community' })
  community(@Root() t: VolunteerTeam, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return ctx.core.community(t.communityId);
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { nullable: true, description: '承办社会组织 / Organisation' })
  organization(@Root() t: VolunteerTeam, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return t.organizationId ? ctx.core.socialOrganization(t.organizationId) : null;
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { nullable: true, description: '队长 / Leader' })
  leader(@Root() t: VolunteerTeam, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return t.leaderVolunteerId ? loadById(ctx, Volunteer, t.leaderVolunteerId) : null;
  }

  @AsParent()
  @FieldResolver(() => [Volunteer], { description: '队员 / Members' })
  members(@Root() t: VolunteerTeam, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return loadGrouped<Volunteer>(ctx, 'volunteer-bank:members-by-team',
      async (ids) => (await sqlRows<Record<string, unknown> & { team_id: string }>(ctx.em, `select v.*, m.team_id from vb_volunteer v
        join vb_team_member m on m.volunteer_id = v.id where m.team_id in (?) order by m.joined_at, v.id`, [ids]))
        .map(({ team_id, ...r }) => [team_id, ctx.em.map(Volunteer, r)])).load(t.id);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '队员人数 / Number of members' })
  async memberCount(@Root() t: VolunteerTeam, @Ctx() ctx: GongzhiContext) {
    return (await this.members(t, ctx)).length;
  }
}
