import { CommunityEntity } from '../entities';
import { em } from './load';
import type { CoreContext } from './core-context';

/** The communities an organisation serves, by name; one statement pair per operation however many organisations. */
export function communitiesServed(ctx: CoreContext, organizationId: string): Promise<CommunityEntity[]> {
  return ctx.loaders
    .get<string, CommunityEntity[]>('SocialOrganization.communitiesServed', async (ids) => {
      const rows = await em(ctx).execute<{ organization_id: string; community_id: string }[]>(
        'select organization_id, community_id from social_organization_community where organization_id in (?)', [[...ids]]);
      const cs = rows.length ? await em(ctx).find(CommunityEntity, { id: { $in: rows.map((r) => r.community_id) } }) : [];
      const byId = new Map(cs.map((c) => [c.id, c]));
      return ids.map((id) => rows.filter((r) => r.organization_id === id).map((r) => byId.get(r.community_id)!).sort((a, b) => a.name.localeCompare(b.name)));
    })
    .load(organizationId);
}
