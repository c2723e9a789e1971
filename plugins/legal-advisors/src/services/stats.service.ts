import { sqlRows, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalCategory, Referral } from '../graphql/legal-enums.type';
import { MediationStatus } from '../graphql/mediation-enums.type';
import type { StatsPeriod } from './stats-period';

export type StatsLevel = 'district' | 'street' | 'community';
/** One row per node, or per node and advisor, or per node and community below it. */
export type StatsBreakdown = 'node' | 'advisor' | 'community';

/** The figures of one group, as counted in SQL. */
export interface ServiceFigures {
  officeHoursHeld: number;
  bookings: number;
  consultations: number;
  byCategory: Record<LegalCategory, number>;
  /** `OPEN`, `RESOLVED` or a referral target. */
  byOutcome: Record<'OPEN' | 'RESOLVED' | Referral, number>;
  ratings: number;
  ratingSum: number;
  mediations: number;
  /** Mediation cases by state: OPEN and IN_MEDIATION are still open. */
  byMediationStatus: Record<MediationStatus, number>;
  educationSessions: number;
  /** Attendance recorded at those sessions. */
  educationAttendance: number;
}

export interface StatsRow extends ServiceFigures {
  nodeId: string;
  /** The node itself, the lawyer or the community. */
  groupId: string;
}

/** Mediation cases not concluded yet. */
export const openMediations = (f: ServiceFigures): number => f.byMediationStatus.OPEN + f.byMediationStatus.IN_MEDIATION;

/** Average rating to two decimals; null without ratings. */
export const averageRating = (f: ServiceFigures): number | null => (f.ratings ? Math.round((f.ratingSum / f.ratings) * 100) / 100 : null);

const COLUMN: Record<StatsLevel, string> = { district: 'district_id', street: 'street_id', community: 'community_id' };
const GROUP: Record<StatsBreakdown, (level: StatsLevel) => string> = {
  node: (level) => COLUMN[level], advisor: () => 'lawyer_id', community: () => 'community_id',
};

const OPEN = `('REQUESTED','SCHEDULED','IN_PROGRESS')`;

/**
 * One statement for a whole list of nodes. Office hours count when held (not cancelled, ended
 * before the gateway's clock) and start in the period; bookings are the places taken in the period's hours;
 * consultations (with their outcome and rating) belong to the period they were requested in,
 * mediation cases to the period they were opened in (a case with a named mediator has no advisor),
 * legal-education sessions with their attendance to the period they started in.
 * Only metadata columns are read, never the encrypted content.
 */
export function statsSql(level: StatsLevel, breakdown: StatsBreakdown): string {
  const node = COLUMN[level];
  const group = GROUP[breakdown](level);
  return `
    with h as (
      select o.${node} as node, o.${group} as grp, count(*) filter (where o.ends_at <= ?)::int as held, coalesce(sum(o.booked), 0)::int as bookings
      from la_office_hour o
      where o.${node} in (?) and o.status = 'SCHEDULED' and o.starts_at >= ? and o.starts_at < ?
      group by 1, 2),
    c as (
      select c.${node} as node, c.${group} as grp, c.category,
             case when c.status in ${OPEN} then 'OPEN' when c.referred_to is null then 'RESOLVED' else c.referred_to end as outcome,
             count(*)::int as n, count(c.rating)::int as ratings, coalesce(sum(c.rating), 0)::int as rating_sum
      from la_consultation c
      where c.${node} in (?) and c.requested_at >= ? and c.requested_at < ?
      group by 1, 2, 3, 4),
    g as (
      select node, grp, category, outcome, grouping(category, outcome) as level,
             sum(n)::int as n, sum(ratings)::int as ratings, sum(rating_sum)::int as rating_sum
      from c group by grouping sets ((node, grp), (node, grp, category), (node, grp, outcome))),
    k as (
      select node, grp,
             max(n) filter (where level = 3) as consultations, max(ratings) filter (where level = 3) as ratings,
             max(rating_sum) filter (where level = 3) as rating_sum,
             jsonb_object_agg(category, n) filter (where level = 1) as by_category,
             jsonb_object_agg(outcome, n) filter (where level = 2) as by_outcome
      from g group by node, grp),
    m as (
      select node, grp, sum(n)::int as mediations, jsonb_object_agg(status, n) as by_status
      from (select m.${node} as node, m.${group} as grp, m.status, count(*)::int as n
            from la_mediation m
            where m.${node} in (?) and m.opened_at >= ? and m.opened_at < ? and m.${group} is not null
            group by 1, 2, 3) x
      group by node, grp),
    e as (
      select e.${node} as node, e.${group} as grp, count(*)::int as sessions, coalesce(sum(e.attendance), 0)::int as attendance
      from la_education_session e
      where e.${node} in (?) and e.starts_at >= ? and e.starts_at < ?
      group by 1, 2),
    keys as (select node, grp from h union select node, grp from k union select node, grp from m union select node, grp from e)
    select keys.node, keys.grp,
           coalesce(h.held, 0) as held, coalesce(h.bookings, 0) as bookings,
           coalesce(k.consultations, 0) as consultations, coalesce(k.ratings, 0) as ratings, coalesce(k.rating_sum, 0) as rating_sum,
           coalesce(k.by_category, '{}') as by_category, coalesce(k.by_outcome, '{}') as by_outcome,
           coalesce(m.mediations, 0) as mediations, coalesce(m.by_status, '{}') as by_mediation_status,
           coalesce(e.sessions, 0) as sessions, coalesce(e.attendance, 0) as attendance
    from keys
    left join h on h.node = keys.node and h.grp = keys.grp
    left join k on k.node = keys.node and k.grp = keys.grp
    left join m on m.node = keys.node and m.grp = keys.grp
    left join e on e.node = keys.node and e.grp = keys.grp
    order by 1, 2`;
}

/** The parameters of `statsSql`: the clock, then the nodes and the period for each kind of fact. */
export const statsParams = (now: Date, ids: string[], period: StatsPeriod): unknown[] =>
  [now, ...[1, 2, 3, 4].flatMap(() => [ids, period.startsAt, period.endsAt])];

interface Raw {
  node: string; grp: string; held: number; bookings: number; consultations: number; ratings: number; rating_sum: number;
  by_category: Record<string, number>; by_outcome: Record<string, number>; mediations: number; by_mediation_status: Record<string, number>;
  sessions: number; attendance: number;
}

const zeros = <K extends string>(keys: K[], found: Record<string, number>) =>
  Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) as Record<K, number>;

const OUTCOMES = ['OPEN', 'RESOLVED', ...Object.values(Referral)] as ('OPEN' | 'RESOLVED' | Referral)[];

function toRow(r: Raw): StatsRow {
  return {
    nodeId: r.node, groupId: r.grp, officeHoursHeld: r.held, bookings: r.bookings, consultations: r.consultations,
    byCategory: zeros(Object.values(LegalCategory), r.by_category), byOutcome: zeros(OUTCOMES, r.by_outcome),
    ratings: r.ratings, ratingSum: r.rating_sum, mediations: r.mediations, byMediationStatus: zeros(Object.values(MediationStatus), r.by_mediation_status),
    educationSessions: r.sessions, educationAttendance: r.attendance,
  };
}

/** A node's figures (`node`: one row, zeros when nothing happened) or its breakdown, batched over every node of the operation. */
export function serviceStats(ctx: GongzhiContext, level: StatsLevel, nodeId: string, period: StatsPeriod, breakdown: StatsBreakdown = 'node'): Promise<StatsRow[]> {
  return ctx.loader<string, StatsRow[]>(`legal-advisors:stats:${level}:${breakdown}:${period.label}`, async (ids) => {
    const found = (await sqlRows<Raw>(ctx.em, statsSql(level, breakdown), statsParams(ctx.clock.now(), [...ids], period))).map(toRow);
    const byNode = new Map<string, StatsRow[]>();
    for (const r of found) byNode.set(r.nodeId, [...(byNode.get(r.nodeId) ?? []), r]);
    return ids.map((id) => byNode.get(id) ?? (breakdown === 'node' ? [toRow(emptyRaw(id))] : []));
  }).load(nodeId);
}

const emptyRaw = (id: string): Raw => ({
  node: id, grp: id, held: 0, bookings: 0, consultations: 0, ratings: 0, rating_sum: 0, by_category: {}, by_outcome: {}, mediations: 0, by_mediation_status: {}, sessions: 0, attendance: 0,
});
