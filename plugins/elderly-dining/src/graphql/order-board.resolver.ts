import { Arg, Ctx, ID, Resolver, Root, Subscription, type DomainEvent, type GongzhiContext, Requires } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import type { OrderEventBase } from '../events';
import { orderBoardStream, toBoardUpdate } from '../services/order-board.service';
import { OrderBoardUpdate } from './order-board.type';

@Resolver()
export class OrderBoardResolver {
  @Requires(perms['order:read'])
  @Subscription(() => OrderBoardUpdate, {
    description: '食堂今日订单看板（实时）/ Live order board of a canteen for today',
    subscribe: ({ args, context }) => orderBoardStream(context as GongzhiContext, args.canteenId as string, args.after as string | null),
  })
  canteenOrderBoard(
    @Root() event: DomainEvent<OrderEventBase>,
    @Arg('canteenId', () => ID, { description: '食堂 / Canteen' }) _canteenId: string,
    @Arg('after', () => String, { nullable: true, description: '从该事件之后补发 / Replay events after this id' }) _after: string | null,
    @Ctx() ctx: GongzhiContext,
  ): Promise<OrderBoardUpdate> {
    return toBoardUpdate(ctx, event);
  }
}

