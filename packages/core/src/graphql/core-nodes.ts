import { defineNode, type GongzhiContext, type NodeDefinition, type NodeReadRule, type ScopeNode } from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, SocialOrganizationEntity, SocialWorkerEntity, StreetEntity,
} from '../entities';
import { P } from '../identity/core-permissions';
import type { CoreContext } from './core-context';

/**
 * The tree node a caller's own grant names (a resident's community, a lawyer's district),
 * which `me { grants { scope } }` hands them: readable, so programs' fields on it are reachable.
 */
const grantedAt = (id: string, ctx: GongzhiContext) =>
  (ctx as CoreContext).auth.grants.some((g) => (g.scopeLevel === 'DISTRICT' ? g.districtId : g.scopeId) === id);

/** Tree nodes: `tree:read` at the node (as `districts`, `communities`, `within` filters), or the caller's own grant's node. */
const treeRead = <T extends { id: string }>(scope: (row: T) => ScopeNode): NodeReadRule<T> => ({
  permission: P['tree:read'], scope, alsoReadableBy: (row, ctx) => grantedAt(row.id, ctx),
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
  defineNode({ typename: 'Resident', entity: ResidentEntity, read: { permission: P['resident:read'] } }),
  defineNode({
    typename: 'SocialOrganization', entity: SocialOrganizationEntity,
    read: { permission: P['organization:read'], scope: (o) => ({ districtId: o.districtId, organizationId: o.id }) },
  }),
  defineNode({
    typename: 'SocialWorker', entity: SocialWorkerEntity,
    read: {
      permission: P['organization:read'],
      scope: (w) => ({ districtId: w.districtId, organizationId: w.employerOrganizationId, communityId: w.employerCommunityId }),
    },
  }),
];
