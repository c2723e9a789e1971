import {
  BadUserInputError, ConflictError, ForbiddenError, InputCheck, NotFoundError, decodeId, emit, flushOrConflict, sqlRows, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalBooking } from '../entities/booking.entity';
import { LegalConsultation } from '../entities/consultation.entity';
import { ConsultationChanged } from '../events';
import { LegalBookingStatus, type ConsultationStatus, type LegalCategory, type Referral } from '../graphql/legal-enums.type';
import { legalSettings } from '../settings';
import { actingFor } from './acting-for';
import { STEPS, allowedFrom, type Step } from './consultation-flow';
import { standingOf, type Standing } from './consultation-access';
import { currentTermOfCommunity } from './terms.service';

function changed(ctx: GongzhiContext, c: LegalConsultation, from: ConsultationStatus | null): void {
  emit(ctx.em, ConsultationChanged, c, { consultationId: c.id, communityId: c.communityId, lawyerId: c.lawyerId, category: c.category, status: c.status, from });
}

export interface RequestInput { residentId?: string | null; category: LegalCategory; question: string; bookingId?: string | null }

/** A resident's matter for the advisor of their community today (self or on their behalf). */
export async function requestConsultation(ctx: GongzhiContext, input: RequestInput): Promise<LegalConsultation> {
  const { resident, onBehalf } = await actingFor(ctx, input.residentId ? decodeId(input.residentId, 'Resident') : null);
  new InputCheck().text('input.question', input.question, { max: 2000 }).done();
  let bookingId: string | null = null;
  if (input.bookingId) {
    const booking = await ctx.em.findOne(LegalBooking, { id: decodeId(input.bookingId, 'LegalBooking') });
    if (!booking || booking.residentId !== resident.id) throw new NotFoundError('LegalBooking');
    if (booking.status !== LegalBookingStatus.BOOKED) throw new BadUserInputError({ field: 'input.bookingId', message: 'was cancelled' });
    bookingId = booking.id;
  }
  const term = await currentTermOfCommunity(ctx, resident.communityId);
  if (!term) throw new ConflictError('The community has no legal advisor today', { reason: 'NO_ADVISOR' });
  const c = ctx.em.create(LegalConsultation, {
    districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId, residentId: resident.id,
    lawyerId: term.lawyerId, bookingId, category: input.category, question: input.question.trim(),
    requestedByAccountId: ctx.actor!.accountId, onBehalf,
  });
  await flushOrConflict(ctx.em, () => new ConflictError('That booking has a consultation already', { reason: 'BOOKING_USED' }), 'la_consultation_booking_id_key');
  changed(ctx, c, null);
  return c;
}

/** Who may take each step: the assigned advisor or legal-services staff run the case, the resident rates it. */
const WHO: Record<Step, Standing[]> = {
  schedule: ['advisor', 'staff'], start: ['advisor', 'staff'], resolve: ['advisor', 'staff'], refer: ['advisor', 'staff'], rate: ['resident'],
};

export interface StepInput {
  consultationId: string;
  scheduledFor?: Date | null;
  advice?: string | null;
  referredTo?: Referral | null;
  rating?: number | null;
  comment?: string | null;
}

function checkInput(step: Step, input: StepInput): void {
  const check = new InputCheck();
  if (step === 'schedule') {
    const at = input.scheduledFor?.getTime() ?? NaN;
    check.check(at > Date.now() && at < Date.now() + 366 * 86_400_000, 'input.scheduledFor', 'must be within the coming year');
  }
  if (step === 'resolve' || step === 'refer') check.text('input.advice', input.advice, { max: 5000 });
  if (step === 'refer') check.check(input.referredTo != null, 'input.referredTo', 'is required');
  if (step === 'rate') check.int('input.rating', input.rating, { min: 1, max: 5 }).text('input.comment', input.comment, { max: 500, optional: true });
  check.done();
}

/**
 * One step of the workflow. The row is locked first, so of concurrent steps each sees the
 * state the one before left; a step the state does not allow is CONFLICT and changes nothing.
 */
export async function takeStep(ctx: GongzhiContext, step: Step, input: StepInput): Promise<LegalConsultation> {
  const id = decodeId(input.consultationId, 'LegalConsultation');
  const c = await ctx.em.findOne(LegalConsultation, { id });
  const standing = c && await standingOf(ctx, c);
  if (!c || !standing) throw new NotFoundError('LegalConsultation');
  if (!WHO[step].includes(standing)) throw new ForbiddenError(`Only the ${WHO[step].join(' or ')} may ${step} a consultation`);
  checkInput(step, input);
  await sqlRows(ctx.em, 'select 1 from la_consultation where id = ? for update', [id]);
  await ctx.em.refresh(c);
  const from = c.status;
  if (!allowedFrom(step, from)) {
    throw new ConflictError(`A consultation that is ${from} cannot be ${step}d`, { reason: 'INVALID_TRANSITION', from, step });
  }
  const now = new Date();
  if (step === 'rate') {
    const { ratingWindowDays } = await ctx.settings.get(legalSettings, c.districtId);
    if (now.getTime() > c.concludedAt!.getTime() + ratingWindowDays * 86_400_000) {
      throw new ConflictError(`Ratings are taken within ${ratingWindowDays} days`, { reason: 'RATING_WINDOW_CLOSED' });
    }
    Object.assign(c, { rating: input.rating, ratingComment: input.comment?.trim() || null, closedAt: now });
  }
  if (step === 'schedule') Object.assign(c, { scheduledFor: input.scheduledFor, scheduledAt: now });
  if (step === 'start') c.startedAt = now;
  if (step === 'resolve' || step === 'refer') Object.assign(c, { advice: input.advice!.trim(), concludedAt: now, referredTo: input.referredTo ?? null });
  c.status = STEPS[step].to;
  await ctx.em.flush();
  changed(ctx, c, from);
  return c;
}
