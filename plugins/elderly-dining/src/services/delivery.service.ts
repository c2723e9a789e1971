import {
  badInput, ConflictError, decodeId, emit, LockMode, type EntityManager, type GongzhiContext, loadOrFail, requireAt,
} from '@gongzhi/plugin-sdk';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { DiningOrder } from '../entities/order.entity';
import { DelivererKind, OrderMode, OrderStatus } from '../graphql/dining-enums.type';
import type { AssignDelivererInput, ConfirmDeliveryInput, ReportDeliveryFailedInput } from '../graphql/delivery.input';
import { DeliveryFailed, MealDelivered } from '../events';
import { perms } from '../permissions';
import { requireName } from './operator.service';
import { elderScope } from './elder-access';
import { Canteen } from '../entities/canteen.entity';

type Step = (order: DiningOrder, tem: EntityManager) => Promise<void> | void;

/**
 * Loads the order, checks `order:serve` at the canteen (operator) or the elder's node, then
 * applies `step` to the row locked FOR UPDATE, so each transition (and its event) happens once.
 */
async function transition(ctx: GongzhiContext, globalId: string, field: string, allowed: OrderStatus[], step: Step): Promise<DiningOrder> {
  const found = await loadOrFail(ctx, DiningOrder, decodeId(globalId, 'DiningOrder'));
  const canteen = await loadOrFail(ctx, Canteen, found.canteenId);
  await requireAt(ctx, perms['order:serve'], elderScope(found, canteen));
  return ctx.em.transactional(async (tem) => {
    const order = await tem.findOneOrFail(DiningOrder, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!allowed.includes(order.status)) throw new ConflictError(`Not possible for an order in status ${order.status}`, { field });
    await step(order, tem);
    await tem.flush();
    return order;
  });
}

const scopeOf = (o: DiningOrder) => ({ districtId: o.districtId, streetId: o.streetId, communityId: o.communityId });

/** Dine-in meal handed out in the canteen. */
export function markServed(ctx: GongzhiContext, orderId: string): Promise<DiningOrder> {
  return transition(ctx, orderId, 'orderId', [OrderStatus.PLACED], (order) => {
    if (order.mode !== OrderMode.DINE_IN) throw badInput('orderId', 'is a delivery order: confirm the delivery instead');
    order.status = OrderStatus.SERVED;
    order.servedAt = ctx.clock.now();
  });
}

export async function assignDeliverer(ctx: GongzhiContext, input: AssignDelivererInput): Promise<DiningOrder> {
  let residentId: string | null = null;
  let name: string;
  if (input.kind === DelivererKind.VOLUNTEER) {
    if (!input.residentId) throw badInput('input.residentId', 'is required for a volunteer');
    residentId = decodeId(input.residentId, 'Resident');
    const volunteer = await ctx.core.resident(residentId);
    if (!volunteer) throw badInput('input.residentId', 'is not a resident');
    name = input.name?.trim() || volunteer.name;
  } else {
    if (input.residentId) throw badInput('input.residentId', 'must be empty for staff');
    name = requireName(input.name, 'input.name');
  }
  return transition(ctx, input.orderId, 'input.orderId', [OrderStatus.PLACED, OrderStatus.OUT_FOR_DELIVERY], async (order) => {
    if (order.mode !== OrderMode.DELIVERY) throw badInput('input.orderId', 'is a dine-in order');
    if (residentId) {
      const volunteer = await ctx.core.resident(residentId);
      if (volunteer?.districtId !== order.districtId) throw badInput('input.residentId', 'is not a resident of the order\'s district');
    }
    order.delivererKind = input.kind;
    order.delivererResidentId = residentId;
    order.delivererName = name;
  });
}

export function markOutForDelivery(ctx: GongzhiContext, orderId: string): Promise<DiningOrder> {
  return transition(ctx, orderId, 'orderId', [OrderStatus.PLACED], (order) => {
    if (order.mode !== OrderMode.DELIVERY) throw badInput('orderId', 'is a dine-in order');
    if (!order.delivererKind) throw badInput('orderId', 'has no deliverer assigned');
    order.status = OrderStatus.OUT_FOR_DELIVERY;
    order.outForDeliveryAt = ctx.clock.now();
  });
}

const delivererOf = (o: DiningOrder) =>
  o.delivererKind ? { kind: o.delivererKind, residentId: o.delivererResidentId, name: o.delivererName ?? '' } : null;

/** Delivered: emits `meal.delivered` (the volunteer bank credits volunteers) exactly once. */
export function confirmDelivery(ctx: GongzhiContext, input: ConfirmDeliveryInput): Promise<DiningOrder> {
  const at = input.deliveredAt ? new Date(input.deliveredAt) : ctx.clock.now();
  if (Number.isNaN(at.getTime()) || at.getTime() > ctx.clock.now().getTime() + 5 * 60_000) throw badInput('input.deliveredAt', 'must not be in the future');
  return transition(ctx, input.orderId, 'input.orderId', [OrderStatus.OUT_FOR_DELIVERY], (order, tem) => {
    const deliverer = delivererOf(order)!;
    order.status = OrderStatus.DELIVERED;
    order.deliveredAt = at;
    emit(tem, MealDelivered, scopeOf(order), {
      orderId: order.id, canteenId: order.canteenId, elderResidentId: order.residentId, date: order.date, meal: order.meal,
      deliveredAt: at.toISOString(), deliverer,
    });
  });
}

/** Failed (e.g. not at home): emits `dining.delivery-failed` so the community worker follows up. */
export function reportDeliveryFailed(ctx: GongzhiContext, input: ReportDeliveryFailedInput): Promise<DiningOrder> {
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw badInput('input.note', 'must be at most 500 characters');
  return transition(ctx, input.orderId, 'input.orderId', [OrderStatus.OUT_FOR_DELIVERY], async (order, tem) => {
    order.status = OrderStatus.DELIVERY_FAILED;
    order.failureReason = input.reason;
    order.failureNote = note;
    const enrolment = await tem.findOne(DiningEnrolment, order.enrolmentId);
    emit(tem, DeliveryFailed, scopeOf(order), {
      orderId: order.id, canteenId: order.canteenId, elderResidentId: order.residentId, date: order.date, meal: order.meal,
      communityId: order.communityId, reason: input.reason, note, livingAlone: enrolment?.livingAlone ?? false,
      deliverer: delivererOf(order),
    });
  });
}
