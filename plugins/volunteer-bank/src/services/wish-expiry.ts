import { defineJob, sqlRun, textArray, today, TEXT_ARRAY, type EntityManager, type FilterQuery, type LocalDateString } from '@gongzhi/plugin-sdk';
import type { MicroWish } from '../entities/wish.entity';
import { WishStatus } from '../graphql/enums.type';

/**
 * A published wish is expired from the day after its requested-by date. Reads say so at once
 * (`statusOn`, `statusWhere`) and the `expire-wishes` job persists it, so no read writes.
 */
export function statusOn(w: Pick<MicroWish, 'status' | 'requestedBy'>, day: LocalDateString): WishStatus {
  return w.status === WishStatus.PUBLISHED && w.requestedBy < day ? WishStatus.EXPIRED : w.status;
}

/** The wishes that read as `status` on `day`, whether the job has persisted their expiry or not. */
export function statusWhere(status: WishStatus, day: LocalDateString): FilterQuery<MicroWish> {
  if (status === WishStatus.EXPIRED) return { $or: [{ status }, { status: WishStatus.PUBLISHED, requestedBy: { $lt: day } }] };
  if (status === WishStatus.PUBLISHED) return { status, requestedBy: { $gte: day } };
  return { status };
}

/** Persists the expiry of published wishes past their date in these districts; how many. */
export function expireWishes(em: EntityManager, day: LocalDateString, districtIds: readonly string[]): Promise<number> {
  return sqlRun(em, `update vb_wish set status = 'EXPIRED'
    where status = 'PUBLISHED' and requested_by < ?::date and district_id = any(${TEXT_ARRAY}::uuid[])`, [day, textArray(districtIds)]);
}

/** Hourly: a wish's expiry is a date, so one run a day would do; the others retry a failed one soon. */
export const expireWishesJob = defineJob('expire-wishes', { schedule: '0 * * * *', description: 'Persists the expiry of unclaimed wishes past their date' },
  (ctx) => expireWishes(ctx.em, today(ctx.period), ctx.districtIds));
