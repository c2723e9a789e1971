import { defineEvent } from '@gongzhi/plugin-sdk';
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

/** Cross-program contract (docs/CONVENTIONS.md): the volunteer bank credits VOLUNTEER deliverers. */
export interface MealDeliveredPayload extends OrderEventBase {
  deliveredAt: string;
  deliverer: { kind: `${DelivererKind}`; residentId: string | null; name: string };
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

export const OrderPlaced = defineEvent<OrderPlacedPayload>('dining.order-placed', '已下单 / A meal order was placed');
export const OrderCancelled = defineEvent<OrderCancelledPayload>('dining.order-cancelled', '已取消 / A meal order was cancelled');
export const MealDelivered = defineEvent<MealDeliveredPayload>('meal.delivered', '已送达 / A meal was delivered');
export const DeliveryFailed = defineEvent<DeliveryFailedPayload>(
  'dining.delivery-failed', '送餐失败，请社区工作人员跟进 / Delivery failed; the community worker should follow up',
);
export const CapacityReached = defineEvent<CapacityReachedPayload>('dining.capacity-reached', '餐次已满 / A meal is fully booked');

export const diningEvents = [OrderPlaced, OrderCancelled, MealDelivered, DeliveryFailed, CapacityReached];
/** Events shown on a canteen's live order board. */
export const orderBoardEventNames = [OrderPlaced.name, OrderCancelled.name, MealDelivered.name, DeliveryFailed.name];
