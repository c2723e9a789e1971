import { GongzhiError, type EntityManager, sqlRows, sqlRun } from '@gongzhi/plugin-sdk';
import type { Meal } from '../graphql/dining-enums.type';

export interface Seat {
  used: number;
  capacity: number;
}

/** Cumulative time spent in the capacity statements (read by the lunch-rush benchmark). */
export const capacityTiming = { ms: 0, calls: 0 };

/**
 * Takes one seat of a canteen's meal inside the caller's transaction. The conditional
 * UPDATE locks the counter row until commit, so concurrent orders queue on it and the
 * count never passes the capacity. The row is created on first use with the canteen's capacity.
 */
export async function takeSeat(
  em: EntityManager, slot: { canteenId: string; districtId: string; date: string; meal: Meal; capacity: number },
): Promise<Seat> {
  const started = performance.now();
  try {
    const take = () => sqlRows<Seat>(em,
      'update ed_meal_slot set used = used + 1 where canteen_id = ? and date = ? and meal = ? and used < capacity returning used, capacity',
      [slot.canteenId, slot.date, slot.meal]);
    let rows = await take();
    if (rows.length === 0) {
      // Waits for a concurrent creator of the same row to commit, then the retry sees it.
      await sqlRun(em,
        'insert into ed_meal_slot (canteen_id, date, meal, district_id, capacity, used) values (?, ?, ?, ?, ?, 0) on conflict do nothing',
        [slot.canteenId, slot.date, slot.meal, slot.districtId, slot.capacity]);
      rows = await take();
    }
    if (rows.length === 0) {
      throw new GongzhiError('CAPACITY_REACHED', 'The canteen is fully booked for this meal', { canteenId: slot.canteenId, date: slot.date, meal: slot.meal });
    }
    return rows[0];
  } finally {
    capacityTiming.ms += performance.now() - started;
    capacityTiming.calls += 1;
  }
}

/** Gives a seat back (cancellation), inside the caller's transaction. */
export async function releaseSeat(em: EntityManager, canteenId: string, date: string, meal: Meal): Promise<void> {
  await sqlRun(em, 'update ed_meal_slot set used = used - 1 where canteen_id = ? and date = ? and meal = ? and used > 0', [canteenId, date, meal]);
}

/** Booked seats per meal for canteens on a date (missing rows mean nothing booked yet). */
export async function seatsOn(em: EntityManager, canteenIds: readonly string[], date: string) {
  if (canteenIds.length === 0) return [];
  return sqlRows<{ canteen_id: string; meal: Meal; used: number; capacity: number }>(em,
    'select canteen_id, meal, used, capacity from ed_meal_slot where canteen_id in (?) and date = ?', [[...canteenIds], date]);
}
