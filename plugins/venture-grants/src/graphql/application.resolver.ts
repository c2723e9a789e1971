import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, ID, MaxItems, Mutation, PageArgs, Requires, Resolver, Root, SocialOrganization,
  byId, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureApplication } from '../entities/application.entity';
import { VentureBudgetLine } from '../entities/budget-line.entity';
import { VentureNeed } from '../entities/need.entity';
import { VentureRound } from '../entities/round.entity';
import { perms } from '../permissions';
import { answeredNeedIdsOf, applicationsOfRound, budgetLinesOf, targetCommunityIdsOf } from '../services/application-reads';
import { draftApplication, submitApplication, updateApplication, withdrawApplication } from '../services/applications.service';
import { DraftVentureApplicationInput, UpdateVentureApplicationInput } from './application.input';
import { ApplicationStatus } from './grant-enums.type';

const VentureApplicationConnection = Connection(VentureApplication, 'VentureApplication');
const present = <T>(rows: (T | null)[]) => rows.filter((r): r is T => r !== null);

@Resolver(() => VentureApplication)
export class VentureApplicationResolver {
  @Requires(perms['application:manage'])
  @Mutation(() => VentureApplication, { description: '起草项目申报（项目申报阶段）/ Draft an application (APPLICATION phase)' })
  draftVentureApplication(@Arg('input', () => DraftVentureApplicationInput) input: DraftVentureApplicationInput, @Ctx() ctx: GongzhiContext) {
    return draftApplication(ctx, input);
  }

  @Requires(perms['application:manage'])
  @Mutation(() => VentureApplication, { description: '修改申报草稿 / Replace a draft\'s content' })
  updateVentureApplication(@Arg('input', () => UpdateVentureApplicationInput) input: UpdateVentureApplicationInput, @Ctx() ctx: GongzhiContext) {
    return updateApplication(ctx, input);
  }

  @Requires(perms['application:manage'])
  @Mutation(() => VentureApplication, { description: '提交申报 / Submit a draft' })
  submitVentureApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: GongzhiContext) {
    return submitApplication(ctx, id);
  }

  @Requires(perms['application:manage'])
  @Mutation(() => VentureApplication, { description: '撤回申报 / Withdraw an application' })
  withdrawVentureApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: GongzhiContext) {
    return withdrawApplication(ctx, id);
  }

  @AsParent()
  @FieldResolver(() => [VentureBudgetLine], { description: '预算明细 / Budget lines' })
  @MaxItems({ max: 100 })
  budgetLines(@Root() a: VentureApplication, @Ctx() ctx: GongzhiContext) {
    return budgetLinesOf(ctx, a.id);
  }

  @AsParent()
  @FieldResolver(() => [Community], { description: '服务社区 / Target communities' })
  @MaxItems({ max: 50 })
  async targetCommunities(@Root() a: VentureApplication, @Ctx() ctx: GongzhiContext) {
    return present(await Promise.all((await targetCommunityIdsOf(ctx, a.id)).map((id) => ctx.core.community(id))));
  }

  @AsParent()
  @FieldResolver(() => [VentureNeed], { description: '回应的需求 / Needs it answers' })
  @MaxItems({ max: 200 })
  async answeredNeeds(@Root() a: VentureApplication, @Ctx() ctx: GongzhiContext) {
    return present(await byId(ctx, VentureNeed).loadMany(await answeredNeedIdsOf(ctx, a.id)) as (VentureNeed | null)[]);
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { description: '申报组织 / The applying organisation' })
  organization(@Root() a: VentureApplication, @Ctx() ctx: GongzhiContext) {
    return ctx.core.socialOrganization(a.organizationId);
  }

  @AsParent()
  @FieldResolver(() => VentureRound, { description: '轮次 / Round' })
  round(@Root() a: VentureApplication, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, VentureRound).load(a.roundId);
  }
}

@Resolver(() => VentureRound)
export class RoundApplicationsResolver {
  // Filtered to what the caller may read: its own organisation's, or submitted ones for the round's officers.
  @AsParent()
  @FieldResolver(() => VentureApplicationConnection, { description: '本轮项目申报（本组织的，或提交后由轮次管理者查看）/ The round\'s applications you may read: your organisation\'s, or submitted ones if you run the round' })
  applications(
    @Root() r: VentureRound, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext,
    @Arg('status', () => ApplicationStatus, { nullable: true, description: '仅此状态 / Only this state' }) status: ApplicationStatus | null,
  ) {
    return applicationsOfRound(ctx, r, { status, ...page });
  }
}
