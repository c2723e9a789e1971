import {
  badInput, decodeId, keysetPage, type ConnectionValue, type GongzhiContext, loadOrFail, parseLocalTime, requireAt, sqlRows, sqlRun, today, permittedWhere,
} from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { CanteenCommunity } from '../entities/canteen-community.entity';
import type { CanteenFilter, CreateCanteenInput, MealCapacityInput, MealCutoffInput, UpdateCanteenInput } from '../graphql/canteen.input';
import { Meal, Weekday } from '../graphql/dining-enums.type';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { diningSettings } from '../settings';
import { requireName, resolveOperator } from './operator.service';
import { canteenScope } from './canteen-access';
import { CentralKitchen } from '../entities/central-kitchen.entity';

function checkCount(v: number, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 100_000) throw badInput(field, 'must be an integer between 0 and 100000');
  return v;
}

function checkDays(days: Weekday[], field: string): Weekday[] {
  if (days.length === 0) throw badInput(field, 'must name at least one day');
  if (new Set(days).size !== days.length) throw badInput(field, 'must not repeat a day');
  return days;
}

function capacityColumns(c: MealCapacityInput) {
  return {
    capacityBreakfast: checkCount(c.breakfast, 'input.capacity.breakfast'),
    capacityLunch: checkCount(c.lunch, 'input.capacity.lunch'),
    capacityDinner: checkCount(c.dinner, 'input.capacity.dinner'),
  };
}

function cutoffColumns(c: MealCutoffInput | null | undefined, fallback: { breakfast: string; lunch: string; dinner: string }) {
  return {
    cutoffBreakfast: parseLocalTime(c?.breakfast ?? fallback.breakfast, 'input.cutoffs.breakfast'),
    cutoffLunch: parseLocalTime(c?.lunch ?? fallback.lunch, 'input.cutoffs.lunch'),
    cutoffDinner: parseLocalTime(c?.dinner ?? fallback.dinner, 'input.cutoffs.dinner'),
  };
}

/** Served communities: global ids of communities of the district, at least one, no repeats. */
async function checkServed(ctx: GongzhiContext, districtId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) throw badInput('input.servedCommunityIds', 'must name at least one community');
  const out: string[] = [];
  for (const [i, gid] of ids.entries()) {
    const id = decodeId(gid, 'Community');
    const c = await ctx.core.community(id);
    if (!c || c.districtId !== districtId) throw badInput(`input.servedCommunityIds.${i}`, 'is not a community of this district');
    if (out.includes(id)) throw badInput(`input.servedCommunityIds.${i}`, 'is repeated');
    out.push(id);
  }
  return out;
}

export async function createCanteen(ctx: GongzhiContext, input: CreateCanteenInput): Promise<Canteen> {
  const community = await ctx.core.community(decodeId(input.communityId, 'Community'));
  if (!community) throw badInput('input.communityId', 'is not a community');
  const scope = { districtId: community.districtId, streetId: community.streetId, communityId: community.id };
  await requireAt(ctx, perms['canteen:manage'], scope);
  const settings = await ctx.settings.get(diningSettings, scope.districtId);
  let kitchenId: string | null = null;
  if (input.kitchenId) {
    const kitchen = await loadOrFail(ctx, CentralKitchen, decodeId(input.kitchenId, 'CentralKitchen'));
    if (kitchen.districtId !== scope.districtId) throw badInput('input.kitchenId', 'is not a kitchen of this district');
    kitchenId = kitchen.id;
  }
  const canteen = ctx.em.create(Canteen, {
    ...scope, kitchenId,
    name: requireName(input.name, 'input.name'),
    address: input.address ?? null,
    ...(await resolveOperator(ctx, scope.districtId, input)),
    seats: checkCount(input.seats, 'input.seats'),
    openingDays: checkDays(input.openingDays, 'input.openingDays'),
    ...capacityColumns(input.capacity),
    ...cutoffColumns(input.cutoffs, {
      breakfast: settings.defaultCutoffBreakfast, lunch: settings.defaultCutoffLunch, dinner: settings.defaultCutoffDinner,
    }),
  }, { persist: false });
  const served = await checkServed(ctx, scope.districtId, input.servedCommunityIds);
  await ctx.em.transactional(async (tem) => {
    tem.persist(canteen);
    await tem.flush(); // no ORM relations: flush the parent row before rows referencing it
    for (const communityId of served) tem.persist(tem.create(CanteenCommunity, { canteenId: canteen.id, communityId, districtId: scope.districtId }));
  });
  return canteen;
}

export async function updateCanteen(ctx: GongzhiContext, input: UpdateCanteenInput): Promise<Canteen> {
  const canteen = await loadOrFail(ctx, Canteen, decodeId(input.id, 'Canteen'));
  await requireAt(ctx, perms['canteen:manage'], canteenScope(canteen));
  const served = input.servedCommunityIds ? await checkServed(ctx, canteen.districtId, input.servedCommunityIds) : null;
  const changes = {
    ...(input.name != null ? { name: requireName(input.name, 'input.name') } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.seats != null ? { seats: checkCount(input.seats, 'input.seats') } : {}),
    ...(input.openingDays ? { openingDays: checkDays(input.openingDays, 'input.openingDays') } : {}),
    ...(input.capacity ? capacityColumns(input.capacity) : {}),
    ...(input.cutoffs ? cutoffColumns(input.cutoffs, {
      breakfast: canteen.cutoffBreakfast, lunch: canteen.cutoffLunch, dinner: canteen.cutoffDinner,
    }) : {}),
  };
  return ctx.em.transactional(async (tem) => {
    const row = await tem.findOneOrFail(Canteen, canteen.id);
    tem.assign(row, changes);
    if (input.capacity) {
      const from = today(ctx.clock.now());
      for (const [meal, cap] of [[Meal.BREAKFAST, row.capacityBreakfast], [Meal.LUNCH, row.capacityLunch], [Meal.DINNER, row.capacityDinner]] as const) {
        await sqlRun(tem, 'update ed_meal_slot set capacity = ? where canteen_id = ? and meal = ? and date >= ?', [cap, row.id, meal, from]);
      }
    }
    if (served) {
      await sqlRun(tem, 'delete from ed_canteen_community where canteen_id = ?', [canteen.id]);
      for (const communityId of served) tem.persist(tem.create(CanteenCommunity, { canteenId: row.id, communityId, districtId: row.districtId }));
    }
    return row;
  });
}

export async function listCanteens(ctx: GongzhiContext, filter: CanteenFilter, first?: number | null, after?: string | null): Promise<ConnectionValue<Canteen>> {
  const districtId = decodeId(filter.districtId, 'District');
  ctx.programs.assertEnabled(PROGRAM, districtId);
  const visible = permittedWhere(ctx, perms['canteen:read'],
    { district: 'districtId', street: 'streetId', community: 'communityId', organization: 'operatorOrganizationId' });
  const where: Record<string, unknown> = { districtId };
  if (filter.kitchenId) where.kitchenId = decodeId(filter.kitchenId, 'CentralKitchen');
  if (filter.communityId) {
    const rows = await sqlRows<{ canteen_id: string }>(ctx.em,
      'select canteen_id from ed_canteen_community where community_id = ? and district_id = ?',
      [decodeId(filter.communityId, 'Community'), districtId]);
    where.id = { $in: rows.map((r) => r.canteen_id) };
  }
  return keysetPage<Canteen>(ctx.em, Canteen, { where: { $and: [where, visible] } as never, sortBy: 'name', first, after });
}
