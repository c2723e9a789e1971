import {
  Arg, Community, Ctx, DateTimeISO, Field, FieldResolver, ID, ObjectType, Requires, Resolver, Root, Subscription,
  type DomainEvent, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalConsultation } from '../entities/consultation.entity';
import { ConsultationChanged, type ConsultationChangedPayload } from '../events';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { allow } from '../services/access';
import { queueOfCommunity } from '../services/consultation-reads';
import { communityNode, nodeOfCommunity } from '../services/tree';
import { ConsultationStatus } from './legal-enums.type';

@ObjectType({ description: '社区咨询队列的一条变化（不含内容）/ One change of a community\'s consultation queue (metadata only)' })
export class ConsultationQueueUpdate {
  @Field(() => ID, { description: '事件序号（断线重连用）/ Event id, to resume after' }) eventId!: string;
  @Field(() => DateTimeISO, { description: '发生时间 / When' }) occurredAt!: Date;
  @Field(() => ConsultationStatus, { nullable: true, description: '原状态 / State before' }) from!: ConsultationStatus | null;
  @Field(() => LegalConsultation, { nullable: true, description: '咨询当前状态 / The consultation as it is now' }) consultation!: LegalConsultation | null;
}


@Resolver(() => Community)
export class ConsultationQueueResolver {
  @Requires(perms['consultation:read'])
  @FieldResolver(() => [LegalConsultation], { description: '法律咨询（默认仅未办结；不含内容）/ Consultations, open ones by default; metadata only' })
  async legalConsultations(@Root() c: Community, @Ctx() ctx: GongzhiContext,
    @Arg('openOnly', { defaultValue: true, description: '仅未办结 / Open ones only' }) openOnly: boolean) {
    await allow(ctx, perms['consultation:read'], nodeOfCommunity(c));
    return queueOfCommunity(ctx, c.id, openOnly);
  }

  @Requires(perms['consultation:read'])
  @Subscription(() => ConsultationQueueUpdate, {
    description: '社区法律咨询队列（实时，不含内容）/ Live consultation queue of a community, metadata only',
    subscribe: async ({ args, context }) => {
      const ctx = context as GongzhiContext;
      const node = await communityNode(ctx, args.communityId as string);
      await allow(ctx, perms['consultation:read'], node);
      return ctx.events.stream({ names: [ConsultationChanged.name], programs: [PROGRAM], scope: node, after: args.after as string | null });
    },
  })
  async legalConsultationQueue(
    @Root() event: DomainEvent<ConsultationChangedPayload>,
    @Arg('communityId', () => ID, { description: '社区 / Community' }) _communityId: string,
    @Arg('after', () => String, { nullable: true, description: '从该事件之后补发 / Replay events after this id' }) _after: string | null,
    @Ctx() ctx: GongzhiContext,
  ): Promise<ConsultationQueueUpdate> {
    const consultation = await ctx.em.findOne(LegalConsultation, { id: event.payload.consultationId });
    return { eventId: event.id, occurredAt: new Date(event.occurredAt), from: event.payload.from as ConsultationStatus | null, consultation };
  }
}
