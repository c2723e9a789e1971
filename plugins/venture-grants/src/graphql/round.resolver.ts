import {
  Arg, Args, AsParent, Community, Connection, Ctx, District, FieldResolver, ID, Mutation, PageArgs, Query, Requires, Resolver, Root, Street,
  type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureRoundPhaseDates } from '../entities/round-phase.entity';
import { VentureRound } from '../entities/round.entity';
import { perms } from '../permissions';
import { scheduleOf } from '../services/round-reads';
import { advancePhase, createRound, roundsOf, updateRound } from '../services/rounds.service';
import { VentureRoundPhase } from './grant-enums.type';
import { AdvanceVentureRoundPhaseInput, CreateVentureRoundInput, UpdateVentureRoundInput } from './round.input';

const VentureRoundConnection = Connection(VentureRound, 'VentureRound');

@Resolver(() => VentureRound)
export class VentureRoundResolver {
  @Requires(perms['round:read'])
  @Query(() => VentureRoundConnection, { description: '面向某节点的创投轮次（本级、上级与下级），新到旧 / Rounds open to a node: run at it, above or below it, newest first' })
  ventureRounds(
    @Arg('scope', () => ID, { description: '区、街道或社区 / A District, Street or Community' }) scope: string,
    @Arg('phase', () => VentureRoundPhase, { nullable: true, description: '仅此阶段 / Only rounds in this phase' }) phase: VentureRoundPhase | null,
    @Args() page: PageArgs, @Ctx() ctx: GongzhiContext,
  ) {
    return roundsOf(ctx, { scope, phase, ...page });
  }

  @Requires(perms['round:manage'])
  @Mutation(() => VentureRound, { description: '设立创投轮次（筹备中）/ Set up a round (in DRAFT)' })
  createVentureRound(@Arg('input', () => CreateVentureRoundInput) input: CreateVentureRoundInput, @Ctx() ctx: GongzhiContext) {
    return createRound(ctx, input);
  }

  @Requires(perms['round:manage'])
  @Mutation(() => VentureRound, { description: '修改筹备中的轮次（预算、上限、类别、日程）/ Change a DRAFT round\'s budget, cap, categories and schedule' })
  updateVentureRound(@Arg('input', () => UpdateVentureRoundInput) input: UpdateVentureRoundInput, @Ctx() ctx: GongzhiContext) {
    return updateRound(ctx, input);
  }

  @Requires(perms['round:manage'])
  @Mutation(() => VentureRound, { description: '进入下一阶段（留痕并发布事件）/ Open the next phase (audited, emitted)' })
  advanceVentureRoundPhase(@Arg('input', () => AdvanceVentureRoundPhaseInput) input: AdvanceVentureRoundPhaseInput, @Ctx() ctx: GongzhiContext) {
    return advancePhase(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => [VentureRoundPhaseDates], { description: '阶段日程 / The dated phases' })
  schedule(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return scheduleOf(ctx, r.id);
  }

  @AsParent()
  @FieldResolver(() => District, { description: '所属区 / District' })
  district(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return ctx.core.district(r.districtId);
  }

  @AsParent()
  @FieldResolver(() => Street, { nullable: true, description: '举办街道（街道级、社区级）/ Street, for street and community rounds' })
  street(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return r.streetId ? ctx.core.street(r.streetId) : null;
  }

  @AsParent()
  @FieldResolver(() => Community, { nullable: true, description: '举办社区（社区级）/ Community, for community rounds' })
  community(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return r.communityId ? ctx.core.community(r.communityId) : null;
  }
}
