import { defineEvent } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

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

/** This program's own events, payload schema 1.0.0. */
const own = { program: PROGRAM, version: '1.0.0' };

export const HoursVerified = defineEvent<HoursVerifiedPayload>('volunteer.hours-verified', { ...own, description: '服务时长已核定 / Service hours verified' });
export const PointsCredited = defineEvent<PointsMovedPayload>('volunteer.points-credited', { ...own, description: '积分已入账 / Points credited' });
export const PointsDebited = defineEvent<PointsMovedPayload>('volunteer.points-debited', { ...own, description: '积分已扣减 / Points debited' });
export const WishClaimed = defineEvent<WishPayload>('volunteer.wish-claimed', { ...own, description: '微心愿已认领 / Micro-wish claimed' });
export const WishFulfilled = defineEvent<WishPayload>('volunteer.wish-fulfilled', { ...own, description: '微心愿已实现 / Micro-wish fulfilled' });
export const StarLevelReached = defineEvent<StarLevelPayload>('volunteer.star-level-reached', { ...own, description: '达到星级 / Star level reached' });

export const events = [HoursVerified, PointsCredited, PointsDebited, WishClaimed, WishFulfilled, StarLevelReached];
