import { type GongzhiContext, today } from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';

/** Terms covering `day`, for many parents in one statement. */
function currentBy(ctx: GongzhiContext, column: 'communityId' | 'lawyerId', day: string) {
  return ctx.loader<string, AdvisorAssignment[]>(`legal-advisors:current-terms:${column}:${day}`, async (ids) => {
    const found = await ctx.em.find(AdvisorAssignment, {
      [column]: { $in: [...ids] }, startsOn: { $lte: day }, $or: [{ endsOn: null }, { endsOn: { $gt: day } }],
    } as never, { orderBy: { startsOn: 'asc', id: 'asc' } });
    return ids.map((id) => found.filter((t) => t[column] === id));
  });
}

/** The community's advisor term on `day` (at most one: the database allows no overlap). */
export async function currentTermOfCommunity(ctx: GongzhiContext, communityId: string, day = today()): Promise<AdvisorAssignment | null> {
  return (await currentBy(ctx, 'communityId', day).load(communityId))[0] ?? null;
}

export function currentTermsOfLawyer(ctx: GongzhiContext, lawyerId: string, day = today()): Promise<AdvisorAssignment[]> {
  return currentBy(ctx, 'lawyerId', day).load(lawyerId);
}

/** Every term of a community, newest first. */
export function termsOfCommunity(ctx: GongzhiContext, communityId: string): Promise<AdvisorAssignment[]> {
  return ctx.loader<string, AdvisorAssignment[]>('legal-advisors:terms-by-community', async (ids) => {
    const found = await ctx.em.find(AdvisorAssignment, { communityId: { $in: [...ids] } }, { orderBy: { startsOn: 'desc', id: 'asc' } });
    return ids.map((id) => found.filter((t) => t.communityId === id));
  }).load(communityId);
}
