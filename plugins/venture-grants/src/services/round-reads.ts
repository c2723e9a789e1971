import { NotFoundError, decodeId, loadGrouped, sqlRow, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { VentureRoundPhaseDates } from '../entities/round-phase.entity';
import { VentureRound } from '../entities/round.entity';
import { perms } from '../permissions';
import { requireInDistrict } from './access';
import { DATED_PHASES, requirePhase, type Action } from './phase-rules';

/** A round the caller may read, by global id; NOT_FOUND for other districts' and unknown ids. */
export function readableRound(ctx: GongzhiContext, globalId: string): Promise<VentureRound> {
  return readableRoundOf(ctx, decodeId(globalId, 'VentureRound'));
}

/** The same by uuid (the round of an object the caller reached). */
export async function readableRoundOf(ctx: GongzhiContext, id: string): Promise<VentureRound> {
  const round = await ctx.em.findOne(VentureRound, { id });
  if (!round) throw new NotFoundError('VentureRound');
  await requireInDistrict(ctx, perms['round:read'], round.districtId);
  return round;
}

/**
 * The round for an action of one of its phases: the row is share-locked for the rest of the
 * operation, so a phase change waits for actions under way and none runs after it in the old phase.
 */
export async function roundForAction(ctx: GongzhiContext, roundId: string, action: Action): Promise<VentureRound> {
  const locked = await sqlRow<{ phase: string }>(ctx.em, 'select phase from vg_round where id = ? for share', [roundId]);
  if (!locked) throw new NotFoundError('VentureRound');
  const round = await ctx.em.findOneOrFail(VentureRound, { id: roundId }, { refresh: true });
  requirePhase(round.phase, action);
  return round;
}

/** The schedule of each round of a list, in phase order, one query for the whole list. */
export function scheduleOf(ctx: GongzhiContext, roundId: string): Promise<VentureRoundPhaseDates[]> {
  return loadGrouped<VentureRoundPhaseDates>(ctx, 'venture-grants:schedule', async (ids) => {
    const rows = await ctx.em.find(VentureRoundPhaseDates, { roundId: { $in: [...ids] } }, { refresh: true });
    rows.sort((a, b) => DATED_PHASES.indexOf(a.phase as never) - DATED_PHASES.indexOf(b.phase as never));
    return rows.map((r) => [r.roundId, r]);
  }).load(roundId);
}
