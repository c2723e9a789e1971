import { byId, defineNode, type NodeDefinition } from '@gongzhi/plugin-sdk';
import { VentureApplication } from './entities/application.entity';
import { VentureNeed } from './entities/need.entity';
import { VentureRound } from './entities/round.entity';
import { perms } from './permissions';
import { holdsInDistrict } from './services/access';
import { readsApplication } from './services/application-reads';

export const ventureNodes: NodeDefinition[] = [
  // A round is a public call: whoever may read rounds anywhere in its district (as `ventureRounds`).
  defineNode({ typename: 'VentureRound', entity: VentureRound, read: {
    permission: perms['round:read'], scope: (r) => ({ districtId: r.districtId }),
    alsoReadableBy: (r, ctx) => holdsInDistrict(ctx, perms['round:read'], r.districtId),
  } }),
  // its organisation's staff, or once submitted whoever reads the round's applications
  defineNode({ typename: 'VentureApplication', entity: VentureApplication, read: {
    permission: perms['application:manage'], scope: (a) => ({ districtId: a.districtId, organizationId: a.organizationId }),
    alsoReadableBy: async (a, ctx) => { const r = await byId(ctx, VentureRound).load(a.roundId); return !!r && readsApplication(ctx, a, r); },
  } }),
  defineNode({ typename: 'VentureNeed', entity: VentureNeed, read: { permission: perms['need:read'] } }),
];
