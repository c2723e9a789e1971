import { loadGrouped, sqlRows, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';

type Link = { canteen_id: string; community_id: string };

/** Communities each canteen serves (ids), one query per operation. */
export const servedCommunityIds = (ctx: GongzhiContext) =>
  loadGrouped<string>(ctx, 'elderly-dining:served-communities', async (canteenIds) =>
    (await sqlRows<Link>(ctx.em, 'select canteen_id, community_id from ed_canteen_community where canteen_id in (?) order by community_id', [canteenIds]))
      .map((l) => [l.canteen_id, l.community_id]));

/** Canteens serving each community, one query per operation (`Community.canteens`). */
export const canteensByCommunity = (ctx: GongzhiContext) =>
  loadGrouped<Canteen>(ctx, 'elderly-dining:canteens-by-community', async (communityIds) => {
    const links = await sqlRows<Link>(ctx.em, 'select canteen_id, community_id from ed_canteen_community where community_id in (?)', [communityIds]);
    if (!links.length) return [];
    const canteens = await ctx.em.find(Canteen, { id: { $in: [...new Set(links.map((l) => l.canteen_id))] } }, { orderBy: { name: 'asc', id: 'asc' } });
    const servedBy = new Map<string, string[]>();
    for (const l of links) servedBy.set(l.canteen_id, [...(servedBy.get(l.canteen_id) ?? []), l.community_id]);
    return canteens.flatMap((c) => (servedBy.get(c.id) ?? []).map((communityId): [string, Canteen] => [communityId, c]));
  });
