import {
  ConflictError, InputCheck, NotFoundError, addDays, dateOf, decodeId, emit, flushOrConflict, isValidDate, sqlRows, today, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { OfficeHourPattern } from '../entities/office-hour-pattern.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { OfficeHourCancelled } from '../events';
import { perms } from '../permissions';
import { allow } from './access';
import { insertSlots } from './slot-insert';
import { planSlots, type TermLike } from './slot-plan';
import { currentTermOfCommunity } from './terms.service';
import { communityNode } from './tree';

const LAWYER_FREE = 'la_office_hour_lawyer_free';
const lawyerBusy = () => new ConflictError('The advisor already sits in another office hour at that time', { reason: 'LAWYER_BUSY' });
const noAdvisor = () => new ConflictError('The community has no legal advisor on that day', { reason: 'NO_ADVISOR' });
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How far ahead slots may be generated at once: a quarter. */
const MAX_GENERATE_DAYS = 92;
const MAX_HOURS = 12;

function checkSlot(check: InputCheck, capacity: number, location: string | null | undefined): InputCheck {
  return check.int('input.capacity', capacity, { min: 1, max: 200 }).text('input.location', location, { max: 100, optional: true });
}

export interface ScheduleInput {
  communityId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  location?: string | null;
}

/** One dated office hour, sat by the community's advisor of that day. */
export async function scheduleOfficeHour(ctx: GongzhiContext, input: ScheduleInput): Promise<OfficeHour> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['office-hours:manage'], node);
  const hours = (input.endsAt.getTime() - input.startsAt.getTime()) / 3_600_000;
  checkSlot(new InputCheck(), input.capacity, input.location)
    .check(input.startsAt.getTime() > Date.now(), 'input.startsAt', 'must be in the future')
    .check(hours > 0 && hours <= MAX_HOURS, 'input.endsAt', `must be after startsAt, at most ${MAX_HOURS} hours later`)
    .done();
  const term = await currentTermOfCommunity(ctx, node.communityId, dateOf(input.startsAt));
  if (!term) throw noAdvisor();
  const slot = ctx.em.create(OfficeHour, {
    ...node, lawyerId: term.lawyerId, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity, location: input.location?.trim() || null,
  });
  await flushOrConflict(ctx.em, lawyerBusy, LAWYER_FREE);
  return slot;
}

export interface PatternInput {
  communityId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  capacity: number;
  location?: string | null;
}

/** Adds a weekly office hour to the community's pattern (one per weekday and start time). */
export async function addPattern(ctx: GongzhiContext, input: PatternInput): Promise<OfficeHourPattern> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['office-hours:manage'], node);
  checkSlot(new InputCheck(), input.capacity, input.location)
    .int('input.weekday', input.weekday, { min: 1, max: 7 })
    .check(TIME.test(input.startTime), 'input.startTime', 'must be HH:MM')
    .check(TIME.test(input.endTime) && input.endTime > input.startTime, 'input.endTime', 'must be HH:MM after startTime')
    .done();
  const pattern = ctx.em.create(OfficeHourPattern, {
    ...node, weekday: input.weekday, startTime: input.startTime, endTime: input.endTime, capacity: input.capacity, location: input.location?.trim() || null,
  });
  await flushOrConflict(ctx.em,
    () => new ConflictError('The community already has an office hour starting then on that weekday', { reason: 'PATTERN_EXISTS' }), 'la_office_hour_pattern_once');
  return pattern;
}

/** Removes a weekly office hour; slots already generated from it stay. */
export async function removePattern(ctx: GongzhiContext, globalId: string): Promise<boolean> {
  const pattern = await ctx.em.findOne(OfficeHourPattern, { id: decodeId(globalId, 'OfficeHourPattern') });
  if (!pattern) throw new NotFoundError('OfficeHourPattern');
  await allow(ctx, perms['office-hours:manage'], pattern);
  await ctx.em.remove(pattern).flush();
  return true;
}

export type SkipReason = 'ALREADY_SCHEDULED' | 'NO_ADVISOR' | 'LAWYER_BUSY';

export interface Generated {
  created: OfficeHour[];
  skipped: { startsAt: Date; reason: SkipReason }[];
}

export async function generateOfficeHours(ctx: GongzhiContext, input: { communityId: string; from: string; to: string }): Promise<Generated> {
  const node = await communityNode(ctx, input.communityId);
  await allow(ctx, perms['office-hours:manage'], node);
  const check = new InputCheck()
    .check(isValidDate(input.from), 'input.from', 'must be a date YYYY-MM-DD')
    .check(isValidDate(input.to), 'input.to', 'must be a date YYYY-MM-DD');
  check.done();
  check.check(input.to >= input.from && input.to <= addDays(input.from, MAX_GENERATE_DAYS - 1), 'input.to', `must be on or after from, at most ${MAX_GENERATE_DAYS} days`)
    .check(input.to >= today(), 'input.to', 'must not be in the past')
    .done();

  const [patterns, terms] = await Promise.all([
    ctx.em.find(OfficeHourPattern, { communityId: node.communityId }),
    sqlRows<TermLike>(ctx.em,
      `select lawyer_id as "lawyerId", to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn" from la_assignment
        where community_id = ? and daterange(starts_on, ends_on, '[)') && daterange(?::date, ?::date, '[]')`,
      [node.communityId, input.from, input.to]),
  ]);
  const { planned, unadvised } = planSlots(patterns, terms, input.from, input.to);
  const skipped: Generated['skipped'] = unadvised.map((startsAt) => ({ startsAt, reason: 'NO_ADVISOR' }));
  if (!planned.length) return { created: [], skipped };

  const created = await insertSlots(ctx.em, node, planned);
  const key = (patternId: string | null, at: Date) => `${patternId}|${at.toISOString()}`;
  const made = new Set(created.map((s) => key(s.patternId, s.startsAt)));
  const missed = planned.filter((c) => !made.has(key(c.patternId, c.startsAt)));
  if (missed.length) {
    const existing = await ctx.em.find(OfficeHour, { patternId: { $in: [...new Set(missed.map((c) => c.patternId))] }, startsAt: { $in: missed.map((c) => c.startsAt) } });
    const already = new Set(existing.map((e) => key(e.patternId, e.startsAt)));
    for (const c of missed) skipped.push({ startsAt: c.startsAt, reason: already.has(key(c.patternId, c.startsAt)) ? 'ALREADY_SCHEDULED' : 'LAWYER_BUSY' });
  }
  skipped.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { created, skipped };
}

/** Cancels an office hour that has not started, with its bookings (event: the residents to tell). */
export async function cancelOfficeHour(ctx: GongzhiContext, input: { officeHourId: string; reason: string }): Promise<OfficeHour> {
  const id = decodeId(input.officeHourId, 'OfficeHour');
  const slot = await ctx.em.findOne(OfficeHour, { id });
  if (!slot) throw new NotFoundError('OfficeHour');
  await allow(ctx, perms['office-hours:manage'], slot);
  new InputCheck().text('input.reason', input.reason, { max: 200 }).done();
  const [locked] = await sqlRows<{ id: string }>(ctx.em,
    `update la_office_hour set status = 'CANCELLED', cancel_reason = ?, booked = 0 where id = ? and status = 'SCHEDULED' and starts_at > now() returning id`,
    [input.reason.trim(), id]);
  if (!locked) throw new ConflictError('The office hour is cancelled already or has started', { reason: 'NOT_CANCELLABLE' });
  const bookings = await sqlRows<{ id: string }>(ctx.em,
    `update la_booking set status = 'CANCELLED', cancelled_at = now() where office_hour_id = ? and status = 'BOOKED' returning id`, [id]);
  await ctx.em.refresh(slot);
  emit(ctx.em, OfficeHourCancelled, slot, {
    officeHourId: slot.id, communityId: slot.communityId, lawyerId: slot.lawyerId, startsAt: slot.startsAt.toISOString(),
    bookingIds: bookings.map((b) => b.id), reason: input.reason.trim(),
  });
  return slot;
}
