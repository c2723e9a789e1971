import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, Float, GongzhiContext, Mutation, PageArgs, Query,
  Requires, Resident, Resolver, Root, decodeId, keysetPage, filterOfNode, loadGrouped, requireAt, scopeWhere, sqlRows, treeScopeOf,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { PointsAccount } from '../entities/account.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { perms } from '../permissions';
import { registerVolunteer, volunteerScope } from '../services/volunteer.service';
import { AccountKind } from './enums.type';
import { RegisterVolunteerInput } from './volunteer.input';
import { ScopeArg } from './scope.arg';

const VolunteerConnection = Connection(Volunteer, 'Volunteer');

/** Accounts of volunteers, batched: one query for a whole list. */
export function accountOf(ctx: GongzhiContext, volunteerId: string, kind: AccountKind): Promise<PointsAccount | undefined> {
  return loadGrouped<PointsAccount>(ctx, 'volunteer-bank:accounts-by-volunteer',
    async (ids) => (await ctx.em.find(PointsAccount, { volunteerId: { $in: [...ids] } }, { refresh: true }))
      .map((a) => [a.volunteerId!, a])).load(volunteerId).then((list) => list.find((a) => a.kind === kind));
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Requires(perms['volunteer:read'])
  @Query(() => VolunteerConnection, { description: '志愿者列表（区/街道/社区）/ Volunteers at a node of the tree' })
  async volunteers(
    @ScopeArg() scopeId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['volunteer:read'], scope);
    return keysetPage(ctx.em, Volunteer, { where: scopeWhere(filterOfNode(scope)), sortBy: 'registeredAt', direction: 'DESC', ...page });
  }

  @Requires(perms['volunteer:register'])
  @Mutation(() => Volunteer, { description: '登记志愿者 / Register a volunteer' })
  async registerVolunteer(@Arg('input') input: RegisterVolunteerInput, @Ctx() ctx: GongzhiContext) {
    return registerVolunteer(ctx, decodeId(input.residentId, 'Resident'), input);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '居民档案 / The resident' })
  resident(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, v.districtId);
    return ctx.core.resident(v.residentId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所在社区 / Community' })
  community(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, v.districtId);
    return ctx.core.community(v.communityId);
  }

  @AsParent()
  @FieldResolver(() => Float, { description: '累计核定小时 / Cumulative verified hours' })
  verifiedHours(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, v.districtId);
    return Math.round((v.verifiedMinutes / 60) * 100) / 100;
  }

  @Requires(perms['ledger:read'])
  @FieldResolver(() => PointsAccount, { description: '积分账户 / Points account' })
  async pointsAccount(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['ledger:read'], volunteerScope(v));
    return accountOf(ctx, v.id, AccountKind.VOLUNTEER);
  }

  @Requires(perms['ledger:read'])
  @FieldResolver(() => PointsAccount, { description: '时间银行账户（分钟）/ Time-bank account (minutes)' })
  async timeBankAccount(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['ledger:read'], volunteerScope(v));
    return accountOf(ctx, v.id, AccountKind.TIME_BANK);
  }

  @AsParent()
  @FieldResolver(() => [VolunteerTeam], { description: '所在志愿服务队 / Teams' })
  teams(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, v.districtId);
    return loadGrouped<VolunteerTeam>(ctx, 'volunteer-bank:teams-by-volunteer',
      async (ids) => (await sqlRows<Record<string, unknown> & { member_id: string }>(ctx.em, `select t.*, m.volunteer_id as member_id
        from vb_team t join vb_team_member m on m.team_id = t.id where m.volunteer_id in (?) order by t.name`, [ids]))
        .map(({ member_id, ...r }) => [member_id, ctx.em.map(VolunteerTeam, r)])).load(v.id);
  }
}
