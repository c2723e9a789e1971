import type { GongzhiContext } from '@gongzhi/plugin-sdk';
import { NotFoundError } from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { CentralKitchen } from '../entities/central-kitchen.entity';
import { DiningDish } from '../entities/dish.entity';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { DiningMenu } from '../entities/menu.entity';
import { DiningOrder } from '../entities/order.entity';
import { query } from './sql.service';

type WithId = { id: string };

/** One batched `IN (...)` load per entity type and operation. */
export function byId<T extends WithId>(ctx: GongzhiContext, entity: new () => T) {
  return ctx.loader<string, T | null>(`elderly-dining:${entity.name}:id`, async (ids) => {
    const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export async function loadOrFail<T extends WithId>(ctx: GongzhiContext, entity: new () => T, id: string, what: string): Promise<T> {
  const row = await byId(ctx, entity).load(id);
  if (!row) throw new NotFoundError(what);
  return row;
}

export const loadCanteen = (ctx: GongzhiContext, id: string) => loadOrFail(ctx, Canteen, id, 'Canteen');
export const loadKitchen = (ctx: GongzhiContext, id: string) => loadOrFail(ctx, CentralKitchen, id, 'CentralKitchen');
export const loadMenu = (ctx: GongzhiContext, id: string) => loadOrFail(ctx, DiningMenu, id, 'DiningMenu');
export const loadEnrolment = (ctx: GongzhiContext, id: string) => loadOrFail(ctx, DiningEnrolment, id, 'DiningEnrolment');
export const loadOrder = (ctx: GongzhiContext, id: string) => loadOrFail(ctx, DiningOrder, id, 'DiningOrder');

/** Dishes of many menus in one query, in menu order. */
export function dishesByMenu(ctx: GongzhiContext) {
  return ctx.loader<string, DiningDish[]>('elderly-dining:dishes-by-menu', async (menuIds) => {
    const rows = await ctx.em.find(DiningDish, { menuId: { $in: [...menuIds] } }, { orderBy: { menuId: 'asc', position: 'asc' } });
    return menuIds.map((id) => rows.filter((d) => d.menuId === id));
  });
}

/** Communities each canteen serves (ids), one query per operation. */
export function servedCommunityIds(ctx: GongzhiContext) {
  return ctx.loader<string, string[]>('elderly-dining:served-communities', async (canteenIds) => {
    const rows = await query<{ canteen_id: string; community_id: string }>(ctx.em,
      'select canteen_id, community_id from ed_canteen_community where canteen_id in (?) order by community_id',
      [[...canteenIds]],
    );
    return canteenIds.map((id) => rows.filter((r) => r.canteen_id === id).map((r) => r.community_id));
  });
}

/** Canteens serving each community, one query per operation (`Community.canteens`). */
export function canteensByCommunity(ctx: GongzhiContext) {
  return ctx.loader<string, Canteen[]>('elderly-dining:canteens-by-community', async (communityIds) => {
    const links = await query<{ canteen_id: string; community_id: string }>(ctx.em,
      'select canteen_id, community_id from ed_canteen_community where community_id in (?)',
      [[...communityIds]],
    );
    const canteens = links.length
      ? await ctx.em.find(Canteen, { id: { $in: [...new Set(links.map((l) => l.canteen_id))] } }, { orderBy: { name: 'asc', id: 'asc' } })
      : [];
    return communityIds.map((cid) => {
      const ids = new Set(links.filter((l) => l.community_id === cid).map((l) => l.canteen_id));
      return canteens.filter((c) => ids.has(c.id));
    });
  });
}
