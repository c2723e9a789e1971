import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, Float, GongzhiContext, Mutation, PageArgs, Query,
  Requires, Resident, Resolver, Root, decodeId, keysetPage,
} from '@gongzhi/plugin-sdk';
import { PointsAccount } from '../entities/account.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { P } from '../permissions';
import { gate, guard, scopeFilter, scopeOfNode } from '../services/access.service';
import { all } from '../services/database.service';
import { loadMany } from '../services/loader.service';
import { registerVolunteer, volunteerScope } from '../services/volunteer.service';
import { AccountKind } from './enums.type';
import { RegisterVolunteerInput } from './volunteer.input';
import { ScopeArg } from './scope.arg';

const VolunteerConnection = Connection(Volunteer, 'Volunteer');

/** Accounts of volunteers, batched: one query for a whole list. */
export function accountOf(ctx: GongzhiContext, volunteerId: string, kind: AccountKind): Promise<PointsAccount | undefined> {
  return loadMany<PointsAccount>(ctx, 'accounts-by-volunteer',
    async (ids) => (await ctx.em.find(PointsAccount, { volunteerId: { $in: [...ids] } }, { refresh: true }))
      .map((a) => [a.volunteerId!, a]),
    volunteerId).then((list) => list.find((a) => a.kind === kind));
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Requires(P['volunteer:read'])
  @Query(() => VolunteerConnection, { description: '志愿者列表（区/街道/社区）/ Volunteers at a node of the tree' })
  async volunteers(
    @ScopeArg() scopeId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await scopeOfNode(ctx, scopeId);
    await guard(ctx, scope, P['volunteer:read']);
    return keysetPage(ctx.em, Volunteer, { where: scopeFilter(scope), sortBy: 'registeredAt', direction: 'DESC', ...page });
  }

  @Requires(P['volunteer:register'])
  @Mutation(() => Volunteer, { description: '登记志愿者 / Register a volunteer' })
  async registerVolunteer(@Arg('input') input: RegisterVolunteerInput, @Ctx() ctx: GongzhiContext) {
    return registerVolunteer(ctx, decodeId(input.residentId, 'Resident'), input);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '居民档案 / The resident' })
  resident(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    gate(ctx, v.districtId);
    return ctx.core.resident(v.residentId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所在社区 / Community' })
  community(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    gate(ctx, v.districtId);
    return ctx.core.community(v.communityId);
  }

  @AsParent()
  @FieldResolver(() => Float, { description: '累计核定小时 / Cumulative verified hours' })
  verifiedHours(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    gate(ctx, v.districtId);
    return Math.round((v.verifiedMinutes / 60) * 100) / 100;
  }

  @Requires(P['ledger:read'])
  @FieldResolver(() => PointsAccount, { description: '积分账户 / Points account' })
  async pointsAccount(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    await guard(ctx, volunteerScope(v), P['ledger:read']);
    return accountOf(ctx, v.id, AccountKind.VOLUNTEER);
  }

  @Requires(P['ledger:read'])
  @FieldResolver(() => PointsAccount, { description: '时间银行账户（分钟）/ Time-bank account (minutes)' })
  async timeBankAccount(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    await guard(ctx, volunteerScope(v), P['ledger:read']);
    return accountOf(ctx, v.id, AccountKind.TIME_BANK);
  }

  @AsParent()
  @FieldResolver(() => [VolunteerTeam], { description: '所在志愿服务队 / Teams' })
  teams(@Root() v: Volunteer, @Ctx() ctx: GongzhiContext) {
    gate(ctx, v.districtId);
    return loadMany<VolunteerTeam>(ctx, 'teams-by-volunteer',
      async (ids) => (await all<Record<string, unknown> & { member_id: string }>(ctx.em, `select t.*, m.volunteer_id as member_id
        from vb_team t join vb_team_member m on m.team_id = t.id where m.volunteer_id in (?) order by t.name`, [ids]))
        .map(({ member_id, ...r }) => [member_id, ctx.em.map(VolunteerTeam, r)]),
      v.id);
  }
}
