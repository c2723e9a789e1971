import {
  BadUserInputError, ConflictError, NotFoundError, decodeId, flushOrConflict, sqlRows, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalBooking } from '../entities/booking.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { OfficeHourStatus, type LegalCategory } from '../graphql/legal-enums.type';
import { PROGRAM } from '../program';
import { legalSettings } from '../settings';
import { actingFor } from './acting-for';

const refusal = (slot: OfficeHour) =>
  slot.status !== OfficeHourStatus.SCHEDULED ? new ConflictError('The office hour was cancelled', { reason: 'CANCELLED' })
    : slot.startsAt.getTime() <= Date.now() ? new ConflictError('The office hour has started', { reason: 'STARTED' })
      : new ConflictError('The office hour is fully booked', { reason: 'FULL' });

export interface BookInput {
  officeHourId: string;
  /** Omitted: the caller's own resident. */
  residentId?: string | null;
  category: LegalCategory;
}

/**
 * A place in an office hour of the resident's own community. The place is taken by one
 * guarded update (never past capacity, however many book at once), then the booking row;
 * a second booking of the same resident is refused by the database and undoes the place.
 */
export async function bookOfficeHour(ctx: GongzhiContext, input: BookInput): Promise<LegalBooking> {
  const id = decodeId(input.officeHourId, 'OfficeHour');
  const slot = await ctx.em.findOne(OfficeHour, { id });
  if (!slot) throw new NotFoundError('OfficeHour');
  ctx.programs.assertEnabled(PROGRAM, slot.districtId);
  const { resident, onBehalf } = await actingFor(ctx, input.residentId ? decodeId(input.residentId, 'Resident') : null);
  if (resident.communityId !== slot.communityId) {
    throw new BadUserInputError({ field: 'input.officeHourId', message: 'is an office hour of another community than the resident\'s' });
  }
  const [taken] = await sqlRows(ctx.em,
    `update la_office_hour set booked = booked + 1 where id = ? and status = 'SCHEDULED' and booked < capacity and starts_at > now() returning id`, [id]);
  if (!taken) throw refusal(await ctx.em.refresh(slot) ?? slot);
  const booking = ctx.em.create(LegalBooking, {
    districtId: slot.districtId, streetId: slot.streetId, communityId: slot.communityId, officeHourId: slot.id,
    residentId: resident.id, category: input.category, bookedByAccountId: ctx.actor!.accountId, onBehalf,
  });
  await flushOrConflict(ctx.em, () => new ConflictError('The resident has booked this office hour already', { reason: 'ALREADY_BOOKED' }), 'la_booking_once');
  return booking;
}

/** Cancels a booking until the district's cutoff before the office hour; frees the place. */
export async function cancelBooking(ctx: GongzhiContext, bookingGlobalId: string): Promise<LegalBooking> {
  const booking = await ctx.em.findOne(LegalBooking, { id: decodeId(bookingGlobalId, 'LegalBooking') });
  if (!booking) throw new NotFoundError('LegalBooking');
  ctx.programs.assertEnabled(PROGRAM, booking.districtId);
  await actingFor(ctx, booking.residentId);
  const slot = await ctx.em.findOneOrFail(OfficeHour, { id: booking.officeHourId });
  const { bookingCancelCutoffHours } = await ctx.settings.get(legalSettings, booking.districtId);
  if (slot.startsAt.getTime() - bookingCancelCutoffHours * 3_600_000 <= Date.now()) {
    throw new ConflictError(`Bookings can be cancelled until ${bookingCancelCutoffHours} h before the office hour`, { reason: 'CUTOFF_PASSED' });
  }
  const [cancelled] = await sqlRows(ctx.em,
    `update la_booking set status = 'CANCELLED', cancelled_at = now() where id = ? and status = 'BOOKED' returning id`, [booking.id]);
  if (!cancelled) throw new ConflictError('The booking is cancelled already', { reason: 'NOT_BOOKED' });
  await sqlRows(ctx.em, 'update la_office_hour set booked = booked - 1 where id = ?', [slot.id]);
  await ctx.em.refresh(booking);
  return booking;
}

/** The caller's own bookings, newest first (at most a year's worth). */
export async function myBookings(ctx: GongzhiContext): Promise<LegalBooking[]> {
  const residentId = ctx.actor?.residentId;
  if (!residentId) return [];
  const resident = await ctx.core.resident(residentId);
  if (!resident) return [];
  ctx.programs.assertEnabled(PROGRAM, resident.districtId);
  return ctx.em.find(LegalBooking, { residentId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
}
