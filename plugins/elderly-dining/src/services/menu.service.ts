import {
  badInput, ConflictError, decodeId, keysetPage, type ConnectionValue, type GongzhiContext, loadOrFail, parseLocalDate, requireAt, sqlRun, loadGrouped,
} from '@gongzhi/plugin-sdk';
import { capacityOf } from '../entities/canteen.entity';
import { DiningDish } from '../entities/dish.entity';
import { DiningMenu } from '../entities/menu.entity';
import { MenuStatus, weekdayOf } from '../graphql/dining-enums.type';
import type { SaveMenuInput } from '../graphql/menu.input';
import { perms } from '../permissions';
import { requireName } from './operator.service';
import { canteenScope, guardCanteenRead } from './canteen-access';
import { Canteen } from '../entities/canteen.entity';

/** Creates the draft menu of a canteen, date and meal, or replaces the dishes of the existing draft. */
export async function saveMenu(ctx: GongzhiContext, input: SaveMenuInput): Promise<DiningMenu> {
  const canteen = await loadOrFail(ctx, Canteen, decodeId(input.canteenId, 'Canteen'));
  await requireAt(ctx, perms['menu:manage'], canteenScope(canteen));
  const date = parseLocalDate(input.date, 'input.date');
  if (!canteen.openingDays.includes(weekdayOf(date))) throw badInput('input.date', 'is not an opening day of the canteen');
  if (capacityOf(canteen, input.meal) === 0) throw badInput('input.meal', 'is not served by the canteen');
  if (input.dishes.length === 0) throw badInput('input.dishes', 'must list at least one dish');
  if (input.dishes.length > 50) throw badInput('input.dishes', 'must list at most 50 dishes');
  const dishes = input.dishes.map((d, i) => {
    if (!Number.isInteger(d.priceFen) || d.priceFen < 0 || d.priceFen > 1_000_000) {
      throw badInput(`input.dishes.${i}.priceFen`, 'must be a non-negative integer number of fen');
    }
    return { name: requireName(d.name, `input.dishes.${i}.name`), priceFen: d.priceFen, dietTags: [...new Set(d.dietTags ?? [])] };
  });
  return ctx.em.transactional(async (tem) => {
    let menu = await tem.findOne(DiningMenu, { canteenId: canteen.id, date, meal: input.meal });
    if (menu?.status === MenuStatus.PUBLISHED) throw new ConflictError('A published menu cannot be changed');
    if (!menu) {
      menu = tem.create(DiningMenu, { districtId: canteen.districtId, canteenId: canteen.id, date, meal: input.meal, status: MenuStatus.DRAFT, publishedAt: null });
      tem.persist(menu);
      await tem.flush();
    } else {
      await sqlRun(tem, 'delete from ed_dish where menu_id = ?', [menu.id]);
    }
    dishes.forEach((d, position) => tem.persist(tem.create(DiningDish, { ...d, position, menuId: menu!.id, districtId: canteen.districtId })));
    return menu;
  });
}

/** Publishes a draft: from now on elders can order from it. */
export async function publishMenu(ctx: GongzhiContext, menuGlobalId: string): Promise<DiningMenu> {
  const menu = await loadOrFail(ctx, DiningMenu, decodeId(menuGlobalId, 'DiningMenu'));
  const canteen = await loadOrFail(ctx, Canteen, menu.canteenId);
  await requireAt(ctx, perms['menu:manage'], canteenScope(canteen));
  if (menu.status === MenuStatus.PUBLISHED) throw new ConflictError('The menu is already published');
  menu.status = MenuStatus.PUBLISHED;
  menu.publishedAt = new Date();
  await ctx.em.flush();
  return menu;
}

/** Menus of a canteen between two dates (inclusive), by date and meal. */
export async function listMenus(
  ctx: GongzhiContext, canteenId: string, from: string, to: string, first?: number | null, after?: string | null,
): Promise<ConnectionValue<DiningMenu>> {
  await guardCanteenRead(ctx, perms['canteen:read'], await loadOrFail(ctx, Canteen, canteenId));
  const start = parseLocalDate(from, 'from');
  const end = parseLocalDate(to, 'to');
  return keysetPage(ctx.em, DiningMenu, { where: { canteenId, date: { $gte: start, $lte: end } }, sortBy: 'date', first, after });
}

/** Dishes of many menus in one query, in menu order. */
export const dishesByMenu = (ctx: GongzhiContext) =>
  loadGrouped<DiningDish>(ctx, 'elderly-dining:dishes-by-menu', async (menuIds) =>
    (await ctx.em.find(DiningDish, { menuId: { $in: [...menuIds] } }, { orderBy: { menuId: 'asc', position: 'asc' } })).map((d) => [d.menuId, d]));
