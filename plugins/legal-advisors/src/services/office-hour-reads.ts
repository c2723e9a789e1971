import { addDays, instantOf, loadById, loadGrouped, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalBooking } from '../entities/booking.entity';
import { OfficeHourPattern } from '../entities/office-hour-pattern.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { Lawyer } from '../entities/lawyer.entity';

/** Reads behind object and list fields, each one statement for all parents of a page. */

export const lawyerById = (ctx: GongzhiContext, id: string) => loadById(ctx, Lawyer, id);
export const officeHourById = (ctx: GongzhiContext, id: string) => loadById(ctx, OfficeHour, id);

export const bookingsOfOfficeHour = (ctx: GongzhiContext, officeHourId: string) =>
  loadGrouped(ctx, 'legal-advisors:bookings-by-hour', async (ids) =>
    (await ctx.em.find(LegalBooking, { officeHourId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map((b) => [b.officeHourId, b]),
  ).load(officeHourId);

export const patternsOfCommunity = (ctx: GongzhiContext, communityId: string) =>
  loadGrouped(ctx, 'legal-advisors:patterns-by-community', async (ids) =>
    (await ctx.em.find(OfficeHourPattern, { communityId: { $in: [...ids] } }, { orderBy: { weekday: 'asc', startTime: 'asc' } })).map((p) => [p.communityId, p]),
  ).load(communityId);

/** A community's office hours on the days `[from, to]` (the district's calendar). */
export const officeHoursOfCommunity = (ctx: GongzhiContext, communityId: string, from: string, to: string) =>
  loadGrouped(ctx, `legal-advisors:hours-by-community:${from}:${to}`, async (ids) =>
    (await ctx.em.find(OfficeHour, {
      communityId: { $in: [...ids] }, startsAt: { $gte: instantOf(from, '00:00'), $lt: instantOf(addDays(to, 1), '00:00') },
    }, { orderBy: { startsAt: 'asc', id: 'asc' } })).map((s) => [s.communityId, s]),
  ).load(communityId);
