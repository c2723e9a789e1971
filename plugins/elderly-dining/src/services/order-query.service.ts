import { decodeId, keysetPage, type ConnectionValue, type GongzhiContext, loadOrFail, parseLocalDate } from '@gongzhi/plugin-sdk';
import { DiningOrder } from '../entities/order.entity';
import type { OrderFilter } from '../graphql/order.input';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { elderRowFilter, elderScope, isSelf } from './elder-access';
import { Canteen } from '../entities/canteen.entity';

/** Orders by filter, newest meal first. Readers: the elder, their community, the canteen's operator, or above. */
export async function listOrders(ctx: GongzhiContext, filter: OrderFilter, first?: number | null, after?: string | null): Promise<ConnectionValue<DiningOrder>> {
  const districtId = decodeId(filter.districtId, 'District');
  const residentId = filter.residentId ? decodeId(filter.residentId, 'Resident') : null;
  // The elder sees their own orders; others see the orders at nodes where they may read them.
  const visible = residentId && isSelf(ctx, residentId)
    ? (ctx.programs.assertEnabled(PROGRAM, districtId), {})
    : await elderRowFilter(ctx, perms['order:read'], districtId);
  const where: Record<string, unknown> = { districtId };
  if (residentId) where.residentId = residentId;
  if (filter.canteenId) where.canteenId = decodeId(filter.canteenId, 'Canteen');
  if (filter.date) where.date = parseLocalDate(filter.date, 'filter.date');
  if (filter.meal) where.meal = filter.meal;
  if (filter.status) where.status = filter.status;
  return keysetPage<DiningOrder>(ctx.em, DiningOrder, { where: { $and: [where, visible] } as never, sortBy: 'createdAt', direction: 'DESC', first, after });
}

/** One order, for `node(id:)`: null when the caller may not read it. */
export async function readableOrder(ctx: GongzhiContext, order: DiningOrder | null): Promise<DiningOrder | null> {
  if (!order) return null;
  ctx.programs.assertEnabled(PROGRAM, order.districtId);
  if (isSelf(ctx, order.residentId)) return order;
  const canteen = await loadOrFail(ctx, Canteen, order.canteenId);
  try {
    await ctx.auth.require(perms['order:read'].key, elderScope(order, canteen));
    return order;
  } catch {
    return null;
  }
}
