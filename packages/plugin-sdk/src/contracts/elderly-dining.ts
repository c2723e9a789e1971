import { defineEvent } from '../events';

/**
 * Events of the elderly-dining program that other programs consume. Owned by
 * elderly-dining (it declares and emits them); consumers import these definitions
 * and never the plugin. Change a payload only with a version bump: minor to add a
 * field, major to remove or change one (subscribers then refuse to start).
 */
export interface MealDeliveredPayload {
  /** uuid of the dining order (the idempotency source for consumers). */
  orderId: string;
  canteenId: string;
  elderResidentId: string;
  /** YYYY-MM-DD, in the district's time zone. */
  date: string;
  meal: 'BREAKFAST' | 'LUNCH' | 'DINNER';
  /** ISO timestamp. */
  deliveredAt: string;
  deliverer: { kind: 'VOLUNTEER' | 'STAFF'; residentId: string | null; name: string };
}

export const MealDelivered = defineEvent<MealDeliveredPayload>('meal.delivered', {
  program: 'elderly-dining', version: '1.0.0', description: '餐食已送达 / A meal was delivered',
});
