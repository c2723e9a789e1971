import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { NotFoundError, Requires, toGlobalId, type DomainEvent } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { treeFilter } from '../services/tree.service';
import type { CoreContext } from './core-context';

@ObjectType({ description: '领域事件 / A committed domain event' })
export class EventItem {
  @Field({ description: '游标，重连时传入 after / Cursor; pass as `after` when reconnecting' }) cursor!: string;
  @Field({ description: '事件名 / Event name, e.g. meal.delivered' }) name!: string;
  @Field({ description: '所属项目 / Program' }) program!: string;
  @Field({ description: '载荷版本 / Payload schema version (semver) of the event definition' }) version!: string;
  @Field(() => GraphQLDateTimeISO) occurredAt!: Date;
  @Field(() => ID) districtId!: string;
  @Field(() => ID, { nullable: true }) streetId!: string | null;
  @Field(() => ID, { nullable: true }) communityId!: string | null;
  @Field(() => GraphQLJSON) payload!: unknown;
}

/** Scope of a feed from its `node` argument: a District, Street or Community id. */
async function scopeOf(ctx: CoreContext, node: string) {
  const { level, id } = treeFilter(node, 'node');
  if (level === 'grid') return null;
  const row = level === 'district' ? await ctx.core.district(id) : level === 'street' ? await ctx.core.street(id) : await ctx.core.community(id);
  if (!row) return null;
  const r = row as unknown as { id: string; districtId?: string; streetId?: string };
  return level === 'district' ? { districtId: r.id }
    : level === 'street' ? { districtId: r.districtId!, streetId: r.id }
    : { districtId: r.districtId!, streetId: r.streetId!, communityId: r.id };
}

@Resolver()
export class EventFeedResolver {
  @Requires(P['events:read'])
  @Subscription(() => EventItem, {
    description: '事件流：先补发 after 之后的事件，再推送实时事件 / Replays events after the cursor, then streams live ones',
    subscribe: async ({ args, context }) => {
      const ctx = context as CoreContext;
      const scope = await scopeOf(ctx, args.node);
      if (!scope) throw new NotFoundError('Node');
      await ctx.auth.require(P['events:read'], scope);
      return ctx.events.stream({ after: args.after ?? null, programs: args.programs ?? undefined, scope });
    },
  })
  events(
    @Root() e: DomainEvent,
    @Arg('node', () => ID, { description: '区/街道/社区 / District, street or community' }) _node: string,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Arg('programs', () => [String], { nullable: true }) _programs?: string[],
  ): EventItem {
    return {
      cursor: e.id, name: e.name, program: e.program, version: e.version, occurredAt: e.occurredAt,
      districtId: toGlobalId('District', e.districtId),
      streetId: e.streetId ? toGlobalId('Street', e.streetId) : null,
      communityId: e.communityId ? toGlobalId('Community', e.communityId) : null,
      payload: e.payload,
    };
  }
}
