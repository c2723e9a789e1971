import { addDays, sqlRows, today, type SeedContext } from '@gongzhi/plugin-sdk';
import { VentureNeed } from './entities/need.entity';
import { VentureRoundPhaseDates } from './entities/round-phase.entity';
import { VentureRound } from './entities/round.entity';
import { VentureCategory, VentureRoundPhase } from './graphql/grant-enums.type';
import { DATED_PHASES } from './services/phase-rules';

/** Dated phases one after another from `start`, each `days` long. */
function scheduleFrom(start: string, days: number[]): { phase: VentureRoundPhase; startsOn: string; endsOn: string }[] {
  let day = start;
  return DATED_PHASES.map((phase, i) => {
    const p = { phase, startsOn: day, endsOn: addDays(day, days[i] - 1) };
    day = addDays(day, days[i]);
    return p;
  });
}

/**
 * Demo data: this year's district round collecting needs (started a week ago) and a street
 * round still being set up. Idempotent.
 */
export async function seedVentureGrants({ em, districtId }: SeedContext): Promise<void> {
  const [{ n }] = await sqlRows<{ n: number }>(em, 'select count(*)::int as n from vg_round where district_id = ?', [districtId]);
  if (n > 0) return;
  const [street] = await sqlRows<{ id: string }>(em, 'select id from street where district_id = ? order by name, id limit 1', [districtId]);
  const year = Number(today().slice(0, 4));
  const rounds: [VentureRound, string, VentureRoundPhase][] = [
    [em.create(VentureRound, {
      districtId, name: `${year}年度社区公益创投`, year, budgetFen: 300_000_000, projectCapFen: 10_000_000,
      categories: Object.values(VentureCategory), centralTask: '全国文明城市创建', phase: VentureRoundPhase.NEEDS,
    }), addDays(today(), -7), VentureRoundPhase.NEEDS],
    ...(street ? [[em.create(VentureRound, {
      districtId, streetId: street.id, name: `${year}年度街道微实事`, year, budgetFen: 50_000_000, projectCapFen: 3_000_000,
      categories: [VentureCategory.ELDERLY, VentureCategory.CHILDREN_YOUTH, VentureCategory.HARDSHIP], phase: VentureRoundPhase.DRAFT,
    }), addDays(today(), 30), VentureRoundPhase.DRAFT] as [VentureRound, string, VentureRoundPhase]] : []),
  ];
  for (const [round, start, phase] of rounds) {
    for (const p of scheduleFrom(start, [30, 30, 20, 10, 15, 180, 30])) {
      em.create(VentureRoundPhaseDates, { districtId, roundId: round.id, ...p, openedAt: p.phase === phase ? new Date() : null });
    }
  }
  await em.flush();
  // Needs the district round collected so far, in its first communities.
  const communities = await sqlRows<{ id: string; street_id: string }>(em, 'select id, street_id from community where district_id = ? order by name, id limit 3', [districtId]);
  const needs: [VentureCategory, string][] = [
    [VentureCategory.ELDERLY, '独居老人希望有人每周上门探访、陪同就医'],
    [VentureCategory.CHILDREN_YOUTH, '双职工家庭孩子放学后无人看护，需要四点半课堂'],
    [VentureCategory.CENTRAL_TASK, '老旧小区楼道堆物多，需要组织居民清理并长效管理'],
  ];
  communities.forEach((c, i) => em.create(VentureNeed, {
    districtId, streetId: c.street_id, communityId: c.id, roundId: rounds[0][0].id, category: needs[i][0], description: needs[i][1],
  }));
  await em.flush();
}
