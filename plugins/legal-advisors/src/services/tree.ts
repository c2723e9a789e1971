import { communityScope, decodeId, type Community, type GongzhiContext } from '@gongzhi/plugin-sdk';

export interface CommunityNode { districtId: string; streetId: string; communityId: string }

/** The tree node of a community given by its global id; NOT_FOUND when it is not visible. */
export const communityNode = (ctx: GongzhiContext, globalId: string): Promise<CommunityNode> =>
  communityScope(ctx, decodeId(globalId, 'Community'));

/** The tree node of a community object (a field's parent). */
export const nodeOfCommunity = (c: Community): CommunityNode => ({ districtId: c.districtId, streetId: c.streetId, communityId: c.id });
