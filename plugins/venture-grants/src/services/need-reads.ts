import { decodeId, keysetPage, permittedWhere, type ConnectionValue, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { VentureNeed } from '../entities/need.entity';
import type { VentureRound } from '../entities/round.entity';
import type { NeedStatus } from '../graphql/grant-enums.type';
import { perms } from '../permissions';

export interface NeedFilter { communityId?: string | null; status?: NeedStatus | null; first?: number | null; after?: string | null }

/** A round's needs in the communities where the caller may read needs, oldest first. */
export function needsOfRound(ctx: GongzhiContext, round: VentureRound, f: NeedFilter): Promise<ConnectionValue<VentureNeed>> {
  const where: Record<string, unknown> = { $and: [{ roundId: round.id }, permittedWhere(ctx, perms['need:read'])] };
  if (f.communityId) where.communityId = decodeId(f.communityId, 'Community');
  if (f.status) where.status = f.status;
  return keysetPage<VentureNeed>(ctx.em, VentureNeed, { where, sortBy: 'createdAt', first: f.first, after: f.after });
}
