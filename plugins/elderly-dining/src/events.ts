import { defineEvent } from '@gongzhi/plugin-sdk';
import { MealDelivered, type MealDeliveredPayload } from '@gongzhi/plugin-sdk/contracts';
import { PROGRAM } from './program';
import type { DelivererKind, DeliveryFailureReason, Meal, OrderMode } from './graphql/dining-enums.type';

/** Fields every order event carries. */
export interface OrderEventBase {
  orderId: string;
  canteenId: string;
  elderResidentId: string;
  date: string;
  meal: `${Meal}`;
}

export interface OrderPlacedPayload extends OrderEventBase {
  mode: `${OrderMode}`;
  priceFen: number;
  subsidyFen: number;
  payableFen: number;
}

export interface OrderCancelledPayload extends OrderEventBase {
  reason: string | null;
}

export interface DeliveryFailedPayload extends OrderEventBase {
  communityId: string;
  reason: `${DeliveryFailureReason}`;
  note: string | null;
  livingAlone: boolean;
  deliverer: { kind: `${DelivererKind}`; residentId: string | null; name: string } | null;
}

export interface CapacityReachedPayload {
  canteenId: string;
  date: string;
  meal: `${Meal}`;
  capacity: number;
}

/** This program's own events, payload schema 1.0.0. */
const own = { program: PROGRAM, version: '1.0.0' };

export const OrderPlaced = defineEvent<OrderPlacedPayload>('dining.order-placed', { ...own, description: '已下单 / A meal order was placed' });
export const OrderCancelled = defineEvent<OrderCancelledPayload>('dining.order-cancelled', { ...own, description: '已取消 / A meal order was cancelled' });
export const DeliveryFailed = defineEvent<DeliveryFailedPayload>('dining.delivery-failed', { ...own, description: '送餐失败，请社区工作人员跟进 / Delivery failed; the community worker should follow up' });
export const CapacityReached = defineEvent<CapacityReachedPayload>('dining.capacity-reached', { ...own, description: '餐次已满 / A meal is fully booked' });

/** Consumed by other programs, so its definition is the SDK's contract (`@gongzhi/plugin-sdk/contracts`). */
export { MealDelivered, type MealDeliveredPayload };

export const diningEvents = [OrderPlaced, OrderCancelled, MealDelivered, DeliveryFailed, CapacityReached];
/** Events shown on a canteen's live order board. */
export const orderBoardEventNames = [OrderPlaced.name, OrderCancelled.name, MealDelivered.name, DeliveryFailed.name];
