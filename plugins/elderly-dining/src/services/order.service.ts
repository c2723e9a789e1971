import {
  badInput, ConflictError, decodeId, emit, GongzhiError, LockMode, NotFoundError, type GongzhiContext, instantOf, loadOrFail, parseLocalDate, requireAt, sqlRows, violatesConstraint,
} from '@gongzhi/plugin-sdk';
import { Canteen, capacityOf, cutoffOf } from '../entities/canteen.entity';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { DiningOrder } from '../entities/order.entity';
import { EnrolmentStatus, MenuStatus, OrderMode, OrderStatus, PlacedBy, type Meal } from '../graphql/dining-enums.type';
import type { PlaceOrderInput } from '../graphql/order.input';
import { CapacityReached, OrderCancelled, OrderPlaced } from '../events';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { diningSettings } from '../settings';
import { releaseSeat, takeSeat } from './capacity.service';
import { computeSubsidy } from './subsidy.service';
import { elderScope, isSelf } from './elder-access';

/** Orders and cancellations close at the canteen's cutoff (Asia/Shanghai) on the meal's day. */
export function assertBeforeCutoff(canteen: Canteen, date: string, meal: Meal, now: Date): void {
  const cutoff = instantOf(date, cutoffOf(canteen, meal));
  if (now.getTime() >= cutoff.getTime()) {
    throw new GongzhiError('CUTOFF_PASSED', `Orders for this meal closed at ${cutoff.toISOString()}`, { cutoff: cutoff.toISOString() });
  }
}

/** The elder themselves, or a worker holding `order:place` where the elder lives. */
async function guardPlacing(ctx: GongzhiContext, e: DiningEnrolment | DiningOrder): Promise<PlacedBy> {
  ctx.programs.assertEnabled(PROGRAM, e.districtId);
  if (isSelf(ctx, e.residentId)) return PlacedBy.ELDER;
  await requireAt(ctx, perms['order:place'], elderScope(e));
  return PlacedBy.WORKER;
}

export async function placeOrder(ctx: GongzhiContext, input: PlaceOrderInput): Promise<DiningOrder> {
  const residentId = decodeId(input.residentId, 'Resident');
  const enrolment = await ctx.em.findOne(DiningEnrolment, { residentId, status: EnrolmentStatus.ACTIVE });
  if (!enrolment) {
    const resident = await ctx.core.resident(residentId);
    if (!resident) throw new NotFoundError('Resident');
    ctx.programs.assertEnabled(PROGRAM, resident.districtId);
    await requireAt(ctx, perms['order:place'], { districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId });
    throw badInput('input.residentId', 'is not enrolled at a canteen');
  }
  const placedBy = await guardPlacing(ctx, enrolment);
  const date = parseLocalDate(input.date, 'input.date');
  const canteen = await loadOrFail(ctx, Canteen, enrolment.canteenId);
  // Dishes of the published menu in one query: no row means no published menu (menus have dishes).
  const dishes = await sqlRows<{ id: string; menu_id: string; price_fen: number }>(ctx.em,
    `select d.id, d.menu_id, d.price_fen from ed_dish d join ed_menu m on m.id = d.menu_id
     where m.canteen_id = ? and m.date = ? and m.meal = ? and m.status = ? order by d.position`,
    [canteen.id, date, input.meal, MenuStatus.PUBLISHED]);
  if (dishes.length === 0) throw badInput('input.date', 'has no published menu for this meal at the elder\'s canteen');
  assertBeforeCutoff(canteen, date, input.meal, ctx.clock.now());
  let chosen = dishes;
  if (input.dishIds && input.dishIds.length > 0) {
    chosen = input.dishIds.map((gid, i) => {
      const dish = dishes.find((d) => d.id === decodeId(gid, 'DiningDish'));
      if (!dish) throw badInput(`input.dishIds.${i}`, 'is not a dish of this menu');
      return dish;
    });
  }
  const deliveryAddress = input.mode === OrderMode.DELIVERY ? (input.deliveryAddress?.trim() || enrolment.deliveryAddress) : null;
  if (input.mode === OrderMode.DELIVERY && !deliveryAddress) throw badInput('input.deliveryAddress', 'is required for home delivery');
  // No pre-check for an existing order: the unique partial index rejects a second one at insert (CONFLICT).

  const priceFen = chosen.reduce((sum, d) => sum + d.price_fen, 0);
  const subsidy = computeSubsidy(enrolment, await ctx.settings.get(diningSettings, enrolment.districtId), priceFen);
  const scope = { districtId: enrolment.districtId, streetId: enrolment.streetId, communityId: enrolment.communityId };
  try {
    return await ctx.em.transactional(async (tem) => {
      const order = tem.create(DiningOrder, {
        ...scope, canteenId: canteen.id, menuId: dishes[0].menu_id, enrolmentId: enrolment.id, residentId,
        date, meal: input.meal, mode: input.mode, status: OrderStatus.PLACED, dishIds: chosen.map((d) => d.id),
        priceFen, subsidyFen: subsidy.subsidyFen, payableFen: subsidy.payableFen, subsidyTier: subsidy.tier,
        placedBy, placedByAccountId: ctx.actor?.accountId ?? null, deliveryAddress,
      });
      emit(tem, OrderPlaced, scope, {
        orderId: order.id, canteenId: canteen.id, elderResidentId: residentId, date, meal: input.meal,
        mode: input.mode, priceFen, subsidyFen: subsidy.subsidyFen, payableFen: subsidy.payableFen,
      });
      // Insert first (a duplicate fails here, before any lock), then take the seat last, so the
      // counter row stays locked only for one UPDATE and the commit.
      await tem.flush();
      const seat = await takeSeat(tem, { canteenId: canteen.id, districtId: canteen.districtId, date, meal: input.meal, capacity: capacityOf(canteen, input.meal) });
      if (seat.used >= seat.capacity) {
        emit(tem, CapacityReached, { districtId: canteen.districtId, streetId: canteen.streetId, communityId: canteen.communityId },
          { canteenId: canteen.id, date, meal: input.meal, capacity: seat.capacity });
        await tem.flush();
      }
      return order;
    });
  } catch (e) {
    if (violatesConstraint(e)) throw new ConflictError('The elder already has an order for this meal');
    throw e;
  }
}

/** Cancels a placed order before the cutoff and gives its seat back. */
export async function cancelOrder(ctx: GongzhiContext, globalId: string, reason?: string | null): Promise<DiningOrder> {
  const found = await loadOrFail(ctx, DiningOrder, decodeId(globalId, 'DiningOrder'));
  await guardPlacing(ctx, found);
  if (reason && reason.length > 500) throw badInput('reason', 'must be at most 500 characters');
  const canteen = await loadOrFail(ctx, Canteen, found.canteenId);
  assertBeforeCutoff(canteen, found.date, found.meal, ctx.clock.now());
  return ctx.em.transactional(async (tem) => {
    const order = await tem.findOneOrFail(DiningOrder, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (order.status !== OrderStatus.PLACED) throw new ConflictError(`An order in status ${order.status} cannot be cancelled`);
    order.status = OrderStatus.CANCELLED;
    order.cancelledAt = ctx.clock.now();
    order.cancelReason = reason?.trim() || null;
    await releaseSeat(tem, order.canteenId, order.date, order.meal);
    emit(tem, OrderCancelled, { districtId: order.districtId, streetId: order.streetId, communityId: order.communityId }, {
      orderId: order.id, canteenId: order.canteenId, elderResidentId: order.residentId, date: order.date, meal: order.meal, reason: order.cancelReason,
    });
    await tem.flush();
    return order;
  });
}
