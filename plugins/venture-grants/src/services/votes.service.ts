import {
  BadUserInputError, ConflictError, GongzhiError, NotFoundError, conflictOn, decodeId, emit, requireAt, sqlRow, sqlRows, sqlRun, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureApplication } from '../entities/application.entity';
import type { VentureRound } from '../entities/round.entity';
import { VoteCast } from '../events';
import { ApplicationStatus } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { ventureSettings } from '../settings';
import { inRoundArea, roundNode } from './round-node';
import { roundForAction } from './round-reads';

/**
 * A resident's vote for a submitted project of a round in PUBLIC_VOTE. The ballot's primary key
 * refuses a second vote for one project; the voter's counter, moved in one guarded upsert, refuses
 * a vote past the district's `votesPerResident` (its check constraint holds it in the database).
 * A refusal undoes the whole mutation (its savepoint), ballot and counter together.
 */
export async function castVote(ctx: GongzhiContext, applicationGlobalId: string): Promise<VentureApplication> {
  const app = await ctx.em.findOne(VentureApplication, { id: decodeId(applicationGlobalId, 'VentureApplication') });
  if (!app || app.status !== ApplicationStatus.SUBMITTED) throw new NotFoundError('VentureApplication');
  const residentId = ctx.actor?.residentId;
  if (!residentId) throw new BadUserInputError({ field: 'applicationId', message: 'only residents vote: this account is not one' });
  const resident = await ctx.core.resident(residentId);
  if (!resident) throw new NotFoundError('Resident');
  await requireAt(ctx, perms['vote:cast'], resident);
  const round = await roundForAction(ctx, app.roundId, 'vote.cast');
  if (!inRoundArea(round, { districtId: resident.districtId, streetId: resident.streetId, id: resident.communityId })) {
    throw new GongzhiError('NOT_ELIGIBLE', 'Only residents of the round\'s area vote');
  }
  const { votesPerResident } = await ctx.settings.get(ventureSettings, round.districtId);
  await conflictOn(() => sqlRun(ctx.em, 'insert into vg_vote (round_id, application_id, resident_id, district_id) values (?, ?, ?, ?)',
    [round.id, app.id, resident.id, round.districtId]), () => new ConflictError('You voted for this project already', { reason: 'ALREADY_VOTED' }), 'vg_vote_once');
  const counted = await sqlRow(ctx.em, `insert into vg_voter (round_id, resident_id, district_id, allowed, used) values (?, ?, ?, ?, 1)
    on conflict (round_id, resident_id) do update set used = vg_voter.used + 1 where vg_voter.used < vg_voter.allowed returning used`,
  [round.id, resident.id, round.districtId, votesPerResident]);
  if (!counted) throw new ConflictError(`You have used your ${votesPerResident} votes in this round`, { reason: 'NO_VOTES_LEFT' });
  emit(ctx.em, VoteCast, roundNode(round), { roundId: round.id, applicationId: app.id });
  return app;
}

export interface TallyRow { applicationId: string; title: string; votes: number }

/** Votes per submitted project of the round, most first: one statement, never who voted. */
export function tallyOf(ctx: GongzhiContext, round: VentureRound): Promise<TallyRow[]> {
  return sqlRows<TallyRow>(ctx.em, `select a.id as "applicationId", a.title, count(v.resident_id)::int as votes
    from vg_application a left join vg_vote v on v.application_id = a.id
    where a.round_id = ? and a.status = 'SUBMITTED' group by a.id order by votes desc, a.created_at, a.id`, [round.id]);
}

/** How many votes the caller's resident has left in the round (null for a non-resident). */
export async function votesLeft(ctx: GongzhiContext, round: VentureRound): Promise<number | null> {
  const residentId = ctx.actor?.residentId;
  if (!residentId) return null;
  const { votesPerResident } = await ctx.settings.get(ventureSettings, round.districtId);
  const row = await sqlRow<{ allowed: number; used: number }>(ctx.em, 'select allowed, used from vg_voter where round_id = ? and resident_id = ?', [round.id, residentId]);
  return row ? row.allowed - row.used : votesPerResident;
}
