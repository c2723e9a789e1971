import { type DashboardFigure, type DashboardSection, type EntityManager, type ScopeNode, sqlRows, today } from '@gongzhi/plugin-sdk';

/** Coverage of the node's communities today, this month's office hours and legal education, open mediations, in one statement. */
export async function legalFigures(em: EntityManager, node: ScopeNode): Promise<DashboardFigure[]> {
  const [column, id] = node.communityId ? ['id', node.communityId] : node.streetId ? ['street_id', node.streetId] : ['district_id', node.districtId];
  const month = `${today().slice(0, 7)}-01`;
  const [c] = await sqlRows<{ communities: number; covered: number; hours: number; booked: number; mediations: number; education: number; attended: number }>(em,
    `select count(*)::int as communities, count(a.id)::int as covered,
            coalesce(sum(h.hours), 0)::int as hours, coalesce(sum(h.booked), 0)::int as booked,
            coalesce(sum(md.open), 0)::int as mediations,
            coalesce(sum(e.sessions), 0)::int as education, coalesce(sum(e.attended), 0)::int as attended
     from community c
     left join la_assignment a on a.community_id = c.id and daterange(a.starts_on, a.ends_on, '[)') @> ?::date
     left join lateral (select count(*) as hours, sum(booked) as booked from la_office_hour o
        where o.community_id = c.id and o.status = 'SCHEDULED'
          and o.starts_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
          and o.starts_at < ((?::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')) h on true
     left join lateral (select count(*) as open from la_mediation m
        where m.community_id = c.id and m.status in ('OPEN', 'IN_MEDIATION')) md on true
     left join lateral (select count(*) as sessions, sum(attendance) as attended from la_education_session s
        where s.community_id = c.id
          and s.starts_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'
          and s.starts_at < ((?::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')) e on true
     where c.${column} = ?`,
    [today(), month, month, month, month, id]);
  return [
    { key: 'communitiesCovered', label: { zh: '已配备法律顾问的社区', en: 'Communities with a legal advisor' }, value: c.covered },
    { key: 'communitiesUncovered', label: { zh: '尚无法律顾问的社区', en: 'Communities without a legal advisor' }, value: c.communities - c.covered },
    { key: 'coveragePercent', label: { zh: '法律顾问覆盖率', en: 'Legal-advisor coverage' }, unit: 'percent',
      value: c.communities ? Math.round((c.covered / c.communities) * 1000) / 10 : 0 },
    { key: 'officeHoursThisMonth', label: { zh: '本月坐班次数', en: 'Office hours this month' }, value: c.hours },
    { key: 'officeHourBookingsThisMonth', label: { zh: '本月坐班预约', en: 'Office-hour bookings this month' }, value: c.booked },
    { key: 'mediationsOpen', label: { zh: '在办调解案件', en: 'Open mediation cases' }, value: c.mediations },
    { key: 'educationSessionsThisMonth', label: { zh: '本月法治宣传场次', en: 'Legal-education sessions this month' }, value: c.education },
    { key: 'educationAttendanceThisMonth', label: { zh: '本月法治宣传参加人次', en: 'Attendance at legal education this month' }, value: c.attended },
  ];
}

export const legalDashboard: DashboardSection = {
  title: { zh: '一社区一法律顾问', en: 'Community legal advisors' },
  compute: legalFigures,
};
