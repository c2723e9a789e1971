import { type DashboardFigure, type DashboardSection, type EntityManager, type ScopeNode, sqlRows, today } from '@gongzhi/plugin-sdk';

/** Coverage of the node's communities today, in one statement. */
export async function legalFigures(em: EntityManager, node: ScopeNode): Promise<DashboardFigure[]> {
  const [column, id] = node.communityId ? ['id', node.communityId] : node.streetId ? ['street_id', node.streetId] : ['district_id', node.districtId];
  const [c] = await sqlRows<{ communities: number; covered: number }>(em,
    `select count(*)::int as communities, count(a.id)::int as covered
     from community c
     left join la_assignment a on a.community_id = c.id and daterange(a.starts_on, a.ends_on, '[)') @> ?::date
     where c.${column} = ?`,
    [today(), id]);
  return [
    { key: 'communitiesCovered', label: { zh: '已配备法律顾问的社区', en: 'Communities with a legal advisor' }, value: c.covered },
    { key: 'communitiesUncovered', label: { zh: '尚无法律顾问的社区', en: 'Communities without a legal advisor' }, value: c.communities - c.covered },
    { key: 'coveragePercent', label: { zh: '法律顾问覆盖率', en: 'Legal-advisor coverage' }, unit: 'percent',
      value: c.communities ? Math.round((c.covered / c.communities) * 1000) / 10 : 0 },
  ];
}

export const legalDashboard: DashboardSection = {
  title: { zh: '一社区一法律顾问', en: 'Community legal advisors' },
  compute: legalFigures,
};
