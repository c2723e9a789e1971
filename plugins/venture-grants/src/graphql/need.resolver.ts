import {
  Arg, Args, AsParent, Authenticated, Community, Connection, Ctx, FieldResolver, ID, Mutation, PageArgs, Requires, Resolver, Root,
  byId, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureNeed } from '../entities/need.entity';
import { VentureRound } from '../entities/round.entity';
import { perms } from '../permissions';
import { assessNeed, mergeNeeds } from '../services/need-assessment.service';
import { needsOfRound } from '../services/need-reads';
import { recordNeed, supportNeed, supportedByMe } from '../services/needs.service';
import { NeedStatus } from './grant-enums.type';
import { AssessVentureNeedInput, MergeVentureNeedsInput, RecordVentureNeedInput } from './need.input';

const VentureNeedConnection = Connection(VentureNeed, 'VentureNeed');

@Resolver(() => VentureNeed)
export class VentureNeedResolver {
  // Residents record their own needs, workers a community's: the service checks which.
  @Authenticated()
  @Mutation(() => VentureNeed, { description: '提出需求：居民本人或社区工作者记录（需求征集阶段）/ Record a need, as a resident for yourself or as a worker for a community (NEEDS phase)' })
  recordVentureNeed(@Arg('input', () => RecordVentureNeedInput) input: RecordVentureNeedInput, @Ctx() ctx: GongzhiContext) {
    return recordNeed(ctx, input);
  }

  @Requires(perms['need:record-own'])
  @Mutation(() => VentureNeed, { description: '附议本社区的需求（每人一次）/ Support a need of your community, once' })
  supportVentureNeed(@Arg('needId', () => ID) needId: string, @Ctx() ctx: GongzhiContext) {
    return supportNeed(ctx, needId);
  }

  @Requires(perms['need:assess'])
  @Mutation(() => VentureNeed, { description: '评估需求优先级 / Give a need its priority' })
  assessVentureNeed(@Arg('input', () => AssessVentureNeedInput) input: AssessVentureNeedInput, @Ctx() ctx: GongzhiContext) {
    return assessNeed(ctx, input);
  }

  @Requires(perms['need:assess'])
  @Mutation(() => VentureNeed, { description: '合并重复需求（附议人并入保留的需求）/ Merge a duplicate into the need kept; its supporters move over' })
  mergeVentureNeeds(@Arg('input', () => MergeVentureNeedsInput) input: MergeVentureNeedsInput, @Ctx() ctx: GongzhiContext) {
    return mergeNeeds(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => VentureNeed, { nullable: true, description: '合并到的需求 / The need it was merged into' })
  mergedInto(@Root() n: VentureNeed, @Ctx() ctx: GongzhiContext) {
    return n.mergedIntoId ? byId(ctx, VentureNeed).load(n.mergedIntoId) : null;
  }

  @AsParent()
  @FieldResolver(() => Boolean, { description: '我是否已附议 / Whether you support it' })
  supportedByMe(@Root() n: VentureNeed, @Ctx() ctx: GongzhiContext) {
    return supportedByMe(ctx, n.id);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() n: VentureNeed, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(n.communityId);
  }

  @AsParent()
  @FieldResolver(() => VentureRound, { description: '轮次 / Round' })
  round(@Root() n: VentureNeed, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, VentureRound).load(n.roundId);
  }
}

@Resolver(() => VentureRound)
export class RoundNeedsResolver {
  // Filtered in SQL to the communities where the caller holds need:read (a resident: their own).
  @AsParent()
  @FieldResolver(() => VentureNeedConnection, { description: '本轮需求（可见社区内），先到先列 / The round\'s needs in the communities you may see, oldest first' })
  needs(
    @Root() r: VentureRound, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext,
    @Arg('communityId', () => ID, { nullable: true, description: '仅此社区 / Only this community' }) communityId: string | null,
    @Arg('status', () => NeedStatus, { nullable: true, description: '仅此状态 / Only this state' }) status: NeedStatus | null,
  ) {
    return needsOfRound(ctx, r, { communityId, status, ...page });
  }
}
