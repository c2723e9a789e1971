import { NotFoundError, decodeId, type GongzhiContext } from '@gongzhi/plugin-sdk';

export interface CommunityNode { districtId: string; streetId: string; communityId: string }

/** The tree node of a community given by its global id; NOT_FOUND when it is not visible. */
export async function communityNode(ctx: GongzhiContext, globalId: string): Promise<CommunityNode> {
  const c = await ctx.core.community(decodeId(globalId, 'Community'));
  if (!c) throw new NotFoundError('Community');
  return { districtId: c.districtId, streetId: c.streetId, communityId: c.id };
}
