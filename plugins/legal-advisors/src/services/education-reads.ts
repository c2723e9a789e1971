import { addDays, instantOf, loadGrouped, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalEducationAttendee } from '../entities/education-attendee.entity';
import { LegalEducationSession } from '../entities/education-session.entity';

/** A community's sessions on the days `[from, to]` (district calendar), for a page of communities in one statement. */
export const sessionsOfCommunity = (ctx: GongzhiContext, communityId: string, from: string, to: string) =>
  loadGrouped(ctx, `legal-advisors:education-by-community:${from}:${to}`, async (ids) =>
    (await ctx.em.find(LegalEducationSession, {
      communityId: { $in: [...ids] }, startsAt: { $gte: instantOf(from, '00:00'), $lt: instantOf(addDays(to, 1), '00:00') },
    }, { orderBy: { startsAt: 'asc', id: 'asc' } })).map((s) => [s.communityId, s]),
  ).load(communityId);

export const attendeeIdsOfSession = (ctx: GongzhiContext, sessionId: string) =>
  loadGrouped(ctx, 'legal-advisors:attendees-by-session', async (ids) =>
    (await ctx.em.find(LegalEducationAttendee, { sessionId: { $in: [...ids] } }, { orderBy: { residentId: 'asc' } })).map((a) => [a.sessionId, a.residentId]),
  ).load(sessionId);
