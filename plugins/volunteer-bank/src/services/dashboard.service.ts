import { DashboardFigure, EntityManager, ScopeNode } from '@gongzhi/plugin-sdk';
import { TreeScope, scopeWhere } from './access.service';
import { one } from './database.service';

/** The volunteer section of a dashboard, one SQL statement for any node of the tree. */
export async function volunteerFigures(em: EntityManager, node: ScopeNode | TreeScope): Promise<DashboardFigure[]> {
  const scope: TreeScope = { districtId: node.districtId, streetId: node.streetId ?? null, communityId: node.communityId ?? null };
  const v = scopeWhere(scope, 'v');
  const a = scopeWhere(scope, 'a');
  const w = scopeWhere(scope, 'w');
  const month = `(date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
  const row = await one<{ volunteers: number; minutes: number; points: number; wishes: number }>(em, `select
      (select count(*) from vb_volunteer v where ${v.sql})::int as volunteers,
      (select coalesce(sum(s.verified_minutes), 0) from vb_sign_up s join vb_activity a on a.id = s.activity_id
        where ${a.sql} and s.status = 'VERIFIED' and s.verified_at >= ${month})::int as minutes,
      (select coalesce(sum(acc.balance), 0) from vb_account acc join vb_volunteer v on v.id = acc.volunteer_id
        where ${v.sql} and acc.kind = 'VOLUNTEER')::int as points,
      (select count(*) from vb_wish w where ${w.sql} and (w.status in ('CLAIMED', 'FULFILLED')
        or (w.status = 'PUBLISHED' and w.requested_by >= (now() at time zone 'Asia/Shanghai')::date)))::int as wishes`,
  [...v.params, ...a.params, ...v.params, ...w.params]);
  return [
    { key: 'volunteers', label: { zh: '注册志愿者', en: 'Registered volunteers' }, value: row!.volunteers },
    { key: 'hoursThisMonth', label: { zh: '本月服务时长', en: 'Verified hours this month' }, unit: 'hours', value: Math.round((row!.minutes / 60) * 10) / 10 },
    { key: 'pointsInCirculation', label: { zh: '流通积分', en: 'Points in circulation' }, value: row!.points },
    { key: 'openWishes', label: { zh: '待实现微心愿', en: 'Open micro-wishes' }, value: row!.wishes },
  ];
}
