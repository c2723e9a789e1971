import { DashboardFigure, EntityManager, ScopeNode, filterOfNode, scopeWhereSql, sqlPeriodStart, sqlRow, sqlToday } from '@gongzhi/plugin-sdk';

/** The volunteer section of a dashboard, one SQL statement for any node of the tree. */
export async function volunteerFigures(em: EntityManager, node: ScopeNode): Promise<DashboardFigure[]> {
  const scope = filterOfNode(node, 'community');
  const v = scopeWhereSql(scope, 'v');
  const a = scopeWhereSql(scope, 'a');
  const w = scopeWhereSql(scope, 'w');
  const month = sqlPeriodStart('month');
  const row = await sqlRow<{ volunteers: number; minutes: number; points: number; wishes: number }>(em, `select
      (select count(*) from vb_volunteer v where ${v.sql})::int as volunteers,
      (select coalesce(sum(s.verified_minutes), 0) from vb_sign_up s join vb_activity a on a.id = s.activity_id
        where ${a.sql} and s.status = 'VERIFIED' and s.verified_at >= ${month})::int as minutes,
      (select coalesce(sum(acc.balance), 0) from vb_account acc join vb_volunteer v on v.id = acc.volunteer_id
        where ${v.sql} and acc.kind = 'VOLUNTEER')::int as points,
      (select count(*) from vb_wish w where ${w.sql} and (w.status in ('CLAIMED', 'FULFILLED')
        or (w.status = 'PUBLISHED' and w.requested_by >= ${sqlToday()})))::int as wishes`,
  [...v.params, ...a.params, ...v.params, ...w.params]);
  return [
    { key: 'volunteers', label: { zh: '注册志愿者', en: 'Registered volunteers' }, value: row!.volunteers },
    { key: 'hoursThisMonth', label: { zh: '本月服务时长', en: 'Verified hours this month' }, unit: 'hours', value: Math.round((row!.minutes / 60) * 10) / 10 },
    { key: 'pointsInCirculation', label: { zh: '流通积分', en: 'Points in circulation' }, value: row!.points },
    { key: 'openWishes', label: { zh: '待实现微心愿', en: 'Open micro-wishes' }, value: row!.wishes },
  ];
}
