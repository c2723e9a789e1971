import { Arg, Ctx, GongzhiContext, Int, Query, Requires, Resolver, badInput, TreeScope, requireAt, treeScopeOf } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { volunteerFigures } from '../services/dashboard.service';
import { leaderboard } from '../services/leaderboard.service';
import { LeaderboardPeriod } from './enums.type';
import { Leaderboard, VolunteerBankFigures } from './recognition.type';
import { ScopeArg } from './scope.arg';

export async function leaderboardOf(ctx: GongzhiContext, scope: TreeScope, period: LeaderboardPeriod, first: number): Promise<Leaderboard> {
  const rows = await leaderboard(ctx.em, scope, period, first);
  return { period, entries: rows.map((r) => ({ ...r, hours: Math.round((r.minutes / 60) * 100) / 100 })) };
}

export function checkTop(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
  return first;
}

@Resolver()
export class RecognitionResolver {
  @Requires(perms['report:read'])
  @Query(() => Leaderboard, { description: '积分排行（社区/街道/区，按周期，SQL计算）/ Leaderboard for a node and period, computed in SQL' })
  async volunteerLeaderboard(
    @ScopeArg() scopeId: string,
    @Arg('period', () => LeaderboardPeriod, { defaultValue: LeaderboardPeriod.MONTH }) period: LeaderboardPeriod,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['report:read'], scope);
    return leaderboardOf(ctx, scope, period, checkTop(first));
  }

  @Requires(perms['report:read'])
  @Query(() => VolunteerBankFigures, { description: '志愿服务概况 / Volunteer figures for a node of the tree' })
  async volunteerBankFigures(
    @ScopeArg() scopeId: string,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['report:read'], scope);
    const figures = await volunteerFigures(ctx.em, scope);
    return Object.fromEntries(figures.map((f) => [f.key, f.value])) as unknown as VolunteerBankFigures;
  }
}
