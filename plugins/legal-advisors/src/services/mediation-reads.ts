import { loadGrouped, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { Lawyer } from '../entities/lawyer.entity';
import { MediationCase } from '../entities/mediation-case.entity';
import { MediationParty } from '../entities/mediation-party.entity';
import { MediationSession } from '../entities/mediation-session.entity';
import { MediationStatus } from '../graphql/mediation-enums.type';
import { PROGRAM } from '../program';

const LIMIT = 200;
export const OPEN_MEDIATION = [MediationStatus.OPEN, MediationStatus.IN_MEDIATION];

/** A community's cases (metadata), for a page of communities in one statement. */
export const casesOfCommunity = (ctx: GongzhiContext, communityId: string, open: boolean) =>
  loadGrouped(ctx, `legal-advisors:mediations-by-community:${open}`, async (ids) =>
    (await ctx.em.find(MediationCase, { communityId: { $in: [...ids] }, ...(open ? { status: { $in: OPEN_MEDIATION } } : {}) },
      { orderBy: { openedAt: 'asc', id: 'asc' } })).map((m) => [m.communityId, m]),
  ).load(communityId);

export const partiesOfCase = (ctx: GongzhiContext, mediationId: string) =>
  loadGrouped(ctx, 'legal-advisors:parties-by-mediation', async (ids) =>
    (await ctx.em.find(MediationParty, { mediationId: { $in: [...ids] } }, { orderBy: { position: 'asc' } })).map((p) => [p.mediationId, p]),
  ).load(mediationId);

export const sessionsOfCase = (ctx: GongzhiContext, mediationId: string) =>
  loadGrouped(ctx, 'legal-advisors:sessions-by-mediation', async (ids) =>
    (await ctx.em.find(MediationSession, { mediationId: { $in: [...ids] } }, { orderBy: { heldOn: 'asc', createdAt: 'asc' } })).map((s) => [s.mediationId, s]),
  ).load(mediationId);

/** Open cases mediated by the lawyer signed in, oldest first. */
export async function casesOfMediator(ctx: GongzhiContext): Promise<MediationCase[]> {
  const lawyers = await ctx.em.find(Lawyer, { accountId: ctx.actor!.accountId });
  if (!lawyers.length) return [];
  const found = await ctx.em.find(MediationCase, { lawyerId: { $in: lawyers.map((l) => l.id) }, status: { $in: OPEN_MEDIATION } },
    { orderBy: { openedAt: 'asc', id: 'asc' }, limit: LIMIT });
  return found.filter((m) => ctx.programs.isEnabled(PROGRAM, m.districtId));
}
