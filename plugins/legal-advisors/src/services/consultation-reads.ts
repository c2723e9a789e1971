import { loadGrouped, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalConsultation } from '../entities/consultation.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { ConsultationStatus } from '../graphql/legal-enums.type';
import { PROGRAM } from '../program';

const LIMIT = 200;
const OPEN = [ConsultationStatus.REQUESTED, ConsultationStatus.SCHEDULED, ConsultationStatus.IN_PROGRESS];

/** The caller's own consultations, newest first. */
export async function consultationsOfResident(ctx: GongzhiContext): Promise<LegalConsultation[]> {
  const residentId = ctx.actor?.residentId;
  if (!residentId) return [];
  const found = await ctx.em.find(LegalConsultation, { residentId }, { orderBy: { requestedAt: 'desc', id: 'asc' }, limit: LIMIT });
  return found.filter((c) => ctx.programs.isEnabled(PROGRAM, c.districtId));
}

/** Open consultations assigned to the lawyer signed in, oldest first. */
export async function consultationsOfAdvisor(ctx: GongzhiContext): Promise<LegalConsultation[]> {
  const lawyers = await ctx.em.find(Lawyer, { accountId: ctx.actor!.accountId });
  if (!lawyers.length) return [];
  const found = await ctx.em.find(LegalConsultation, { lawyerId: { $in: lawyers.map((l) => l.id) }, status: { $in: OPEN } },
    { orderBy: { requestedAt: 'asc', id: 'asc' }, limit: LIMIT });
  return found.filter((c) => ctx.programs.isEnabled(PROGRAM, c.districtId));
}

/** A community's queue (metadata), for a page of communities in one statement. */
export const queueOfCommunity = (ctx: GongzhiContext, communityId: string, open: boolean) =>
  loadGrouped(ctx, `legal-advisors:consultations-by-community:${open}`, async (ids) =>
    (await ctx.em.find(LegalConsultation, { communityId: { $in: [...ids] }, ...(open ? { status: { $in: OPEN } } : {}) },
      { orderBy: { requestedAt: 'asc', id: 'asc' } })).map((c) => [c.communityId, c]),
  ).load(communityId);
