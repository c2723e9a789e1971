import { defineEvent } from '@gongzhi/plugin-sdk';

/** Ids in payloads are database uuids; Dates travel as ISO strings. */
export interface HoursVerifiedPayload {
  signUpId: string;
  activityId: string;
  volunteerId: string;
  minutes: number;
  points: number;
}
export interface PointsMovedPayload {
  transferId: string;
  accountId: string;
  volunteerId: string | null;
  amount: number;
  kind: string;
  balanceAfter: number;
}
export interface WishPayload {
  wishId: string;
  volunteerId: string | null;
  points: number;
}
export interface StarLevelPayload {
  volunteerId: string;
  level: number;
  verifiedHours: number;
}

export const HoursVerified = defineEvent<HoursVerifiedPayload>('volunteer.hours-verified', '服务时长已核定 / Service hours verified');
export const PointsCredited = defineEvent<PointsMovedPayload>('volunteer.points-credited', '积分已入账 / Points credited');
export const PointsDebited = defineEvent<PointsMovedPayload>('volunteer.points-debited', '积分已扣减 / Points debited');
export const WishClaimed = defineEvent<WishPayload>('volunteer.wish-claimed', '微心愿已认领 / Micro-wish claimed');
export const WishFulfilled = defineEvent<WishPayload>('volunteer.wish-fulfilled', '微心愿已实现 / Micro-wish fulfilled');
export const StarLevelReached = defineEvent<StarLevelPayload>('volunteer.star-level-reached', '达到星级 / Star level reached');

export const events = [HoursVerified, PointsCredited, PointsDebited, WishClaimed, WishFulfilled, StarLevelReached];

/** Contract of the elderly-dining program (see docs/CONVENTIONS.md); consumed, never imported. */
export interface MealDeliveredPayload {
  orderId: string;
  canteenId: string;
  elderResidentId: string;
  date: string;
  meal: 'BREAKFAST' | 'LUNCH' | 'DINNER';
  deliveredAt: string;
  deliverer: { kind: 'VOLUNTEER' | 'STAFF'; residentId: string | null; name: string };
}
export const MealDelivered = defineEvent<MealDeliveredPayload>('meal.delivered', '餐食已送达 / Meal delivered');
