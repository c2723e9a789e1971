import { defineNode, type GongzhiContext, type NodeDefinition, type NodeReadRule, type ScopeNode } from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, SocialOrganizationEntity, SocialWorkerEntity, StreetEntity,
} from '../entities';
import { P } from '../identity/core-permissions';
import { covers } from '../identity/authorizer';
import { communitiesServed } from './communities-served';
import type { CoreContext } from './core-context';

/** The organisation a caller's own grant names (org staff), which `me { grants { scope } }` hands them. */
const grantedAt = (id: string, ctx: GongzhiContext) =>
  (ctx as CoreContext).auth.grants.some((g) => g.scopeLevel === 'ORGANIZATION' && g.scopeId === id);

/**
 * Tree nodes: `tree:read` at the node (as `districts`, `communities`, `within` filters), or any
 * grant of the caller covering it (a resident's community, a program role's street), so that
 * the fields programs add to it are reachable.
 */
const treeRead = <T extends { id: string }>(scope: (row: T) => ScopeNode): NodeReadRule<T> => ({
  permission: P['tree:read'], scope, alsoReadableBy: (row, ctx) => (ctx as CoreContext).auth.grants.some((g) => covers(g, scope(row))),
});

/** Each core type's `node(id:)` rule: the permission and columns its list filters by (`scopeWhere` in its resolver). */
export const coreNodes: NodeDefinition[] = [
  defineNode({ typename: 'District', entity: DistrictEntity, read: treeRead<DistrictEntity>((d) => ({ districtId: d.id })) }),
  defineNode({ typename: 'Street', entity: StreetEntity, read: treeRead<StreetEntity>((s) => ({ districtId: s.districtId, streetId: s.id })) }),
  defineNode({ typename: 'Community', entity: CommunityEntity, read: treeRead<CommunityEntity>((c) => ({ districtId: c.districtId, streetId: c.streetId, communityId: c.id })) }),
  defineNode({
    typename: 'Grid', entity: GridEntity,
    read: treeRead<GridEntity>((g) => ({ districtId: g.districtId, streetId: g.streetId, communityId: g.communityId, gridId: g.id })),
  }),
  // residents(filter: { within }), or the resident themself
  defineNode({ typename: 'Resident', entity: ResidentEntity, read: { permission: P['resident:read'], alsoReadableBy: (r, ctx) => ctx.actor?.residentId === r.id } }),
  // socialOrganizations (at the district), Community.socialOrganizations, or the organisation a caller's grant names
  defineNode({
    typename: 'SocialOrganization', entity: SocialOrganizationEntity,
    read: {
      permission: P['organization:read'], scope: (o) => ({ districtId: o.districtId }),
      alsoReadableBy: async (o, ctx) => grantedAt(o.id, ctx)
        || (await communitiesServed(ctx as CoreContext, o.id)).some((c) => (ctx as CoreContext).auth.allows(P['organization:read'], { districtId: c.districtId, streetId: c.streetId, communityId: c.id })),
    },
  }),
  // socialWorkers (at the district)
  defineNode({ typename: 'SocialWorker', entity: SocialWorkerEntity, read: { permission: P['organization:read'], scope: (w) => ({ districtId: w.districtId }) } }),
];
