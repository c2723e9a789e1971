import { decodeId, keysetPage, type ConnectionValue, type GongzhiContext, parseLocalDate } from '@gongzhi/plugin-sdk';
import { DiningOrder } from '../entities/order.entity';
import type { OrderFilter } from '../graphql/order.input';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { elderRowFilter, isSelf } from './elder-access';

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
