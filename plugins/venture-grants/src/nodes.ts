import { defineNode } from '@gongzhi/plugin-sdk';
import { VentureRound } from './entities/round.entity';
import { perms } from './permissions';
import { PROGRAM } from './program';
import { holdsInDistrict } from './services/access';

export const ventureNodes = [
  // A round is a public call: whoever may read rounds anywhere in its district.
  defineNode({ typename: 'VentureRound', entity: VentureRound, load: async (ctx, id) => {
    const r = await ctx.em.findOne(VentureRound, { id });
    if (!r) return null;
    ctx.programs.assertEnabled(PROGRAM, r.districtId);
    return (await holdsInDistrict(ctx, perms['round:read'], r.districtId)) ? r : null;
  } }),
];
