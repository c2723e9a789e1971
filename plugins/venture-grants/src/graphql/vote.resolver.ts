import {
  Arg, AsParent, Ctx, Field, FieldResolver, ID, Int, MaxItems, Mutation, ObjectType, Requires, Resolver, Root, Subscription, toGlobalId,
  type DomainEvent, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureApplication } from '../entities/application.entity';
import { VentureRound } from '../entities/round.entity';
import { VoteCast } from '../events';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { roundNode } from '../services/round-node';
import { readableRound, readableRoundOf } from '../services/round-reads';
import { castVote, tallyOf, votesLeft, type TallyRow } from '../services/votes.service';

@ObjectType({ description: '项目得票 / Votes of one project' })
export class VentureVoteCount {
  @Field(() => ID, { description: '项目申报 / The application' }) applicationId!: string;
  @Field({ description: '项目名称 / Project title' }) title!: string;
  @Field(() => Int, { description: '票数 / Votes' }) votes!: number;
}

const counts = (rows: TallyRow[]) => rows.map((r) => Object.assign(new VentureVoteCount(), { ...r, applicationId: toGlobalId('VentureApplication', r.applicationId) }));

@Resolver(() => VentureRound)
export class VoteResolver {
  @Requires(perms['vote:cast'])
  @Mutation(() => VentureApplication, { description: '为项目投一票（居民投票阶段；每项目一票，每轮票数按区设定）/ Vote for a project (PUBLIC_VOTE; one per project, the district\'s number per round)' })
  castVentureVote(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: GongzhiContext) {
    return castVote(ctx, applicationId);
  }

  @AsParent()
  @FieldResolver(() => [VentureVoteCount], { description: '公开计票（不含投票人）/ The public tally, never who voted' })
  @MaxItems({ max: 1000 })
  async voteTally(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return counts(await tallyOf(ctx, r));
  }

  @AsParent()
  @FieldResolver(() => Int, { nullable: true, description: '我的剩余票数（居民）/ Votes you have left, as a resident' })
  myVotesLeft(@Root() r: VentureRound, @Ctx() ctx: GongzhiContext) {
    return votesLeft(ctx, r);
  }

  @Requires(perms['round:read'])
  @Subscription(() => [VentureVoteCount], {
    description: '实时计票 / The live tally of a round\'s public vote',
    subscribe: async ({ args, context }) => {
      const ctx = context as GongzhiContext;
      const round = await readableRound(ctx, args.roundId as string);
      return ctx.events.stream({ names: [VoteCast.name], programs: [PROGRAM], scope: roundNode(round), after: args.after as string | null });
    },
  })
  async ventureVoteTally(
    @Root() event: DomainEvent<{ roundId: string }>,
    @Arg('roundId', () => ID, { description: '轮次 / Round' }) _roundId: string,
    @Arg('after', () => String, { nullable: true, description: '从该事件之后补发 / Replay events after this id' }) _after: string | null,
    @Ctx() ctx: GongzhiContext,
  ) {
    return counts(await tallyOf(ctx, await readableRoundOf(ctx, event.payload.roundId)));
  }
}
