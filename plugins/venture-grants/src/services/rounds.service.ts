import {
  ConflictError, emit, requireAt, flushOrConflict, keysetPage, sqlRow, sqlRun, treeScopeOf, type ConnectionValue, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { VentureRoundPhaseDates } from '../entities/round-phase.entity';
import { VentureRound } from '../entities/round.entity';
import { RoundPhaseChanged } from '../events';
import type { VentureRoundPhase } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { requireInDistrict } from './access';
import { nextPhase } from './phase-rules';
import { roundNode } from './round-node';
import { readableRound, roundForAction } from './round-reads';
import { checkRoundTerms, type RoundTerms } from './round-terms';

const nameTaken = () => new ConflictError('The district has a round of that name this year', { reason: 'NAME_TAKEN', field: 'input.terms.name' });

function writeTerms(ctx: GongzhiContext, round: VentureRound, t: RoundTerms): void {
  Object.assign(round, {
    name: t.name.trim(), year: t.year, budgetFen: t.budgetFen, projectCapFen: t.projectCapFen,
    categories: t.categories, centralTask: t.centralTask?.trim() || null,
  });
  for (const p of t.schedule) {
    ctx.em.create(VentureRoundPhaseDates, { districtId: round.districtId, roundId: round.id, phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn });
  }
}

/** A round at a district, street or community, in DRAFT until its first phase is opened. */
export async function createRound(ctx: GongzhiContext, input: { scope: string; terms: RoundTerms }): Promise<VentureRound> {
  const scope = await treeScopeOf(ctx, input.scope, 'input.scope');
  await requireAt(ctx, perms['round:manage'], scope);
  checkRoundTerms(input.terms);
  const round = ctx.em.create(VentureRound, {
    districtId: scope.districtId, streetId: scope.streetId, communityId: scope.communityId,
    createdByAccountId: ctx.actor!.accountId, name: '', year: 0, budgetFen: 0, projectCapFen: 0, categories: [],
  });
  writeTerms(ctx, round, input.terms);
  await flushOrConflict(ctx.em, nameTaken, 'vg_round_name_once');
  return round;
}

/** New terms and schedule for a round still being set up (DRAFT). */
export async function updateRound(ctx: GongzhiContext, input: { roundId: string; terms: RoundTerms }): Promise<VentureRound> {
  const found = await readableRound(ctx, input.roundId);
  await requireAt(ctx, perms['round:manage'], roundNode(found));
  checkRoundTerms(input.terms);
  const round = await roundForAction(ctx, found.id, 'round.edit');
  await sqlRun(ctx.em, 'delete from vg_round_phase where round_id = ?', [round.id]);
  writeTerms(ctx, round, input.terms);
  await flushOrConflict(ctx.em, nameTaken, 'vg_round_name_once');
  return round;
}

/**
 * Opens the round's next scheduled phase (DRAFT → NEEDS → … → EVALUATION → CLOSED). `from`
 * is the phase the officer saw: of two officers advancing at once one wins, the other gets
 * CONFLICT, so no phase is skipped. Audited and emitted.
 */
export async function advancePhase(ctx: GongzhiContext, input: { roundId: string; from: VentureRoundPhase }): Promise<VentureRound> {
  const round = await readableRound(ctx, input.roundId);
  await requireAt(ctx, perms['round:manage'], roundNode(round));
  const schedule = await ctx.em.find(VentureRoundPhaseDates, { roundId: round.id });
  const to = nextPhase(input.from, schedule.map((s) => s.phase));
  if (!to) throw new ConflictError('A closed round has no next phase', { reason: 'CLOSED' });
  const moved = await sqlRow(ctx.em, 'update vg_round set phase = ? where id = ? and phase = ? returning id', [to, round.id, input.from]);
  if (!moved) {
    await ctx.em.refresh(round);
    throw new ConflictError(`The round is in ${round.phase}, not ${input.from}`, { reason: 'PHASE_CHANGED', phase: round.phase });
  }
  await sqlRun(ctx.em, `update vg_round_phase set closed_at = now() where round_id = ? and phase = ?`, [round.id, input.from]);
  await sqlRun(ctx.em, `update vg_round_phase set opened_at = now() where round_id = ? and phase = ?`, [round.id, to]);
  await ctx.em.refresh(round);
  ctx.audit.record({ action: 'venture-grants.round.phase-changed', objectType: 'VentureRound', objectId: round.id, districtId: round.districtId, detail: { from: input.from, to } });
  emit(ctx.em, RoundPhaseChanged, roundNode(round), { roundId: round.id, level: round.level, from: input.from, to, changedAt: new Date().toISOString() });
  return round;
}

/**
 * Rounds open to a node: run at it, above it (the district's, its street's) or below it,
 * newest first.
 */
export async function roundsOf(ctx: GongzhiContext, args: { scope: string; phase?: VentureRoundPhase | null; first?: number | null; after?: string | null }): Promise<ConnectionValue<VentureRound>> {
  const scope = await treeScopeOf(ctx, args.scope);
  await requireInDistrict(ctx, perms['round:read'], scope.districtId);
  const where: Record<string, unknown> = { districtId: scope.districtId };
  if (scope.streetId) where.$and = [{ $or: [{ streetId: null }, { streetId: scope.streetId }] }];
  if (scope.communityId) (where.$and as unknown[]).push({ $or: [{ communityId: null }, { communityId: scope.communityId }] });
  if (args.phase) where.phase = args.phase;
  return keysetPage<VentureRound>(ctx.em, VentureRound, { where, sortBy: 'createdAt', direction: 'DESC', first: args.first, after: args.after });
}

