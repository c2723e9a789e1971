import { Arg, Ctx, DomainEvent, GongzhiContext, ID, Int, Requires, Resolver, Root, Subscription, toGlobalId, requireAt, treeScopeOf, PermissionDefinition } from '@gongzhi/plugin-sdk';
import {
  HoursVerified, PointsCredited, PointsDebited, StarLevelReached, WishClaimed, WishFulfilled,
} from '../events';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { FeedEventKind, LeaderboardPeriod } from './enums.type';
import { VolunteerFeedItem } from './feed.type';
import { Leaderboard } from './recognition.type';
import { checkTop, leaderboardOf } from './recognition.resolver';
import { ScopeArg } from './scope.arg';

const KIND_OF: Record<string, FeedEventKind> = {
  [HoursVerified.name]: FeedEventKind.HOURS_VERIFIED,
  [PointsCredited.name]: FeedEventKind.POINTS_CREDITED,
  [PointsDebited.name]: FeedEventKind.POINTS_DEBITED,
  [WishClaimed.name]: FeedEventKind.WISH_CLAIMED,
  [WishFulfilled.name]: FeedEventKind.WISH_FULFILLED,
  [StarLevelReached.name]: FeedEventKind.STAR_LEVEL_REACHED,
};

type FeedPayload = { volunteerId?: string | null; points?: number; amount?: number; minutes?: number; level?: number; wishId?: string };

interface SubscribeArgs {
  args: Record<string, unknown>;
  context: GongzhiContext;
}

/** Checks the gate and the permission before any event flows. */
async function streamFor({ args, context }: SubscribeArgs, names: string[], permission: PermissionDefinition) {
  const scope = await treeScopeOf(context, String(args.scope));
  await requireAt(context, permission, scope);
  return context.events.stream({
    names, programs: [PROGRAM], scope, after: (args.after as string | null | undefined) ?? null,
  });
}

@Resolver()
export class VolunteerFeedResolver {
  @Requires(perms['volunteer:read'])
  @Subscription(() => VolunteerFeedItem, {
    description: '社区（或街道、区）志愿动态 / Live volunteer feed of a community (or street, district)',
    subscribe: ((data: SubscribeArgs) => streamFor(data, Object.keys(KIND_OF), perms['volunteer:read'])) as never,
  })
  volunteerActivityFeed(
    @Root() event: DomainEvent<FeedPayload>,
    @ScopeArg() _scope: string,
    @Arg('after', () => ID, { nullable: true, description: '从该事件之后续传 / Resume after this event id' }) _after: string | null,
  ): VolunteerFeedItem {
    const p = event.payload;
    return {
      eventId: event.id,
      kind: KIND_OF[event.name],
      occurredAt: new Date(event.occurredAt),
      volunteerId: p.volunteerId ? toGlobalId('Volunteer', p.volunteerId) : null,
      points: p.points ?? p.amount ?? null,
      minutes: p.minutes ?? null,
      starLevel: p.level ?? null,
      wishId: p.wishId ? toGlobalId('MicroWish', p.wishId) : null,
    };
  }

  @Requires(perms['report:read'])
  @Subscription(() => Leaderboard, {
    description: '积分排行（积分变动时重新计算）/ Leaderboard, recomputed when points move',
    subscribe: ((data: SubscribeArgs) => streamFor(data, [PointsCredited.name, PointsDebited.name], perms['report:read'])) as never,
  })
  async volunteerLeaderboardChanged(
    @Root() _event: DomainEvent,
    @Arg('scope', () => ID) scope: string,
    @Arg('period', () => LeaderboardPeriod, { defaultValue: LeaderboardPeriod.MONTH }) period: LeaderboardPeriod,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
    @Ctx() ctx: GongzhiContext,
  ): Promise<Leaderboard> {
    const node = await treeScopeOf(ctx, scope);
    return leaderboardOf(ctx, node, period, checkTop(first));
  }
}
