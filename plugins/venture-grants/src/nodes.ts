import { defineNode, type NodeDefinition } from '@gongzhi/plugin-sdk';
import { VentureNeed } from './entities/need.entity';
import { VentureRound } from './entities/round.entity';
import { perms } from './permissions';
import { holdsInDistrict } from './services/access';

export const ventureNodes: NodeDefinition[] = [
  // A round is a public call: whoever may read rounds anywhere in its district (as `ventureRounds`).
  defineNode({ typename: 'VentureRound', entity: VentureRound, read: {
    permission: perms['round:read'], scope: (r) => ({ districtId: r.districtId }),
    alsoReadableBy: (r, ctx) => holdsInDistrict(ctx, perms['round:read'], r.districtId),
  } }),
  defineNode({ typename: 'VentureNeed', entity: VentureNeed, read: { permission: perms['need:read'] } }),
];
