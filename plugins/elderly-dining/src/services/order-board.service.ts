import { decodeId, type DomainEvent, type GongzhiContext, loadOrFail, today } from '@gongzhi/plugin-sdk';
import { DiningOrder } from '../entities/order.entity';
import { MealDelivered, DeliveryFailed, OrderCancelled, OrderPlaced, type OrderEventBase } from '../events';
import { OrderBoardChange } from '../graphql/dining-enums.type';
import type { OrderBoardUpdate } from '../graphql/order-board.type';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { guardCanteenRead } from './canteen-access';
import { Canteen } from '../entities/canteen.entity';

const CHANGES: Record<string, OrderBoardChange> = {
  [OrderPlaced.name]: OrderBoardChange.PLACED,
  [OrderCancelled.name]: OrderBoardChange.CANCELLED,
  [MealDelivered.name]: OrderBoardChange.DELIVERED,
  [DeliveryFailed.name]: OrderBoardChange.DELIVERY_FAILED,
};

/**
 * Live order events of one canteen for today. Checks run before the stream opens, so a
 * subscriber without the right gets an error instead of an empty stream.
 */
export async function orderBoardStream(ctx: GongzhiContext, canteenGlobalId: string, after?: string | null): Promise<AsyncIterable<DomainEvent<OrderEventBase>>> {
  const canteen = await loadOrFail(ctx, Canteen, decodeId(canteenGlobalId, 'Canteen'));
  await guardCanteenRead(ctx, perms['order:read'], canteen);
  const stream = ctx.events.stream({ names: Object.keys(CHANGES), programs: [PROGRAM], scope: { districtId: canteen.districtId }, after });
  async function* filtered() {
    try {
      for await (const event of stream as AsyncIterable<DomainEvent<OrderEventBase>>) {
        if (event.payload.canteenId === canteen.id && event.payload.date === today(ctx.clock.now())) yield event;
      }
    } finally {
      await stream.return?.();
    }
  }
  return filtered();
}

export async function toBoardUpdate(ctx: GongzhiContext, event: DomainEvent<OrderEventBase>): Promise<OrderBoardUpdate> {
  const order = await ctx.em.findOne(DiningOrder, { id: event.payload.orderId });
  return { eventId: event.id, change: CHANGES[event.name], occurredAt: new Date(event.occurredAt), order };
}
