import { EntityManager, TreeScope, filterOfNode, scopeWhereSql, sqlPeriodStart, sqlRows } from '@gongzhi/plugin-sdk';
import { Volunteer } from '../entities/volunteer.entity';
import { LeaderboardPeriod } from '../graphql/enums.type';

export interface LeaderboardRow {
  rank: number;
  volunteer: Volunteer;
  points: number;
  minutes: number;
}

/** Start of the current period in the districts' time zone, as SQL. */
export function periodStartSql(period: LeaderboardPeriod): string {
  if (period === LeaderboardPeriod.ALL_TIME) return `'-infinity'::timestamptz`;
  return sqlPeriodStart(({ WEEK: 'week', MONTH: 'month', YEAR: 'year' } as const)[period]);
}

/**
 * Points earned in the period (issued to the volunteer, less reversals back to
 * issuance) and verified minutes, ranked in SQL over the volunteers of the scope.
 */
export async function leaderboard(em: EntityManager, scope: TreeScope, period: LeaderboardPeriod, limit: number): Promise<LeaderboardRow[]> {
  const where = scopeWhereSql(filterOfNode(scope), 'v');
  const start = periodStartSql(period);
  const rows = await sqlRows<Record<string, unknown> & { rank: string; points: string; minutes: string }>(em, `
    with issuance as (select id from vb_account where district_id = ? and kind = 'ISSUANCE' and unit = 'POINTS'),
    earned as (
      select a.volunteer_id, sum(case when t.from_account_id = i.id then t.amount else -t.amount end) as points
      from issuance i
      join vb_transfer t on t.from_account_id = i.id or t.to_account_id = i.id
      join vb_account a on a.id = case when t.from_account_id = i.id then t.to_account_id else t.from_account_id end
      where a.kind = 'VOLUNTEER' and t.created_at >= ${start}
      group by a.volunteer_id),
    hours as (
      select s.volunteer_id, sum(s.verified_minutes) as minutes from vb_sign_up s
      where s.district_id = ? and s.status = 'VERIFIED' and s.verified_at >= ${start}
      group by s.volunteer_id),
    board as (
      select v.*, coalesce(e.points, 0) as points, coalesce(h.minutes, 0) as minutes
      from vb_volunteer v left join earned e on e.volunteer_id = v.id left join hours h on h.volunteer_id = v.id
      where ${where.sql} and (e.points > 0 or h.minutes > 0))
    select *, rank() over (order by points desc, minutes desc) as rank from board
    order by points desc, minutes desc, id limit ?`,
  [scope.districtId, scope.districtId, ...where.params, limit]);
  return rows.map(({ rank, points, minutes, ...v }) => ({
    rank: Number(rank), points: Number(points), minutes: Number(minutes), volunteer: em.map(Volunteer, v),
  }));
}
