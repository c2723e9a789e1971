import type { ScopeNode } from '@gongzhi/plugin-sdk';
import type { VentureRound } from '../entities/round.entity';

/** The tree node a round is run at: its rules are checked there. */
export const roundNode = (r: VentureRound): ScopeNode => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId });

/** Whether a community lies in the round's area (the round's district, street or the community itself). */
export const inRoundArea = (r: VentureRound, c: { districtId: string; streetId: string; id: string }): boolean =>
  c.districtId === r.districtId && (!r.streetId || r.streetId === c.streetId) && (!r.communityId || r.communityId === c.id);
