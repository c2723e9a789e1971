import { type GongzhiContext, sqlRows, today } from '@gongzhi/plugin-sdk';

export type TreeLevel = 'district' | 'street';

export interface Coverage {
  communities: number;
  covered: number;
}

/**
 * Communities with an advisor on `day` / all communities, for every node of a list in one
 * statement per tree level (a dashboard of 100 communities costs what one of 10 costs).
 */
export function coverageOf(ctx: GongzhiContext, level: TreeLevel, nodeId: string, day = today()): Promise<Coverage> {
  const column = level === 'district' ? 'district_id' : 'street_id';
  return ctx.loader<string, Coverage>(`legal-advisors:coverage:${level}:${day}`, async (ids) => {
    const found = await sqlRows<{ id: string; communities: number; covered: number }>(ctx.em,
      `select c.${column} as id, count(*)::int as communities, count(a.id)::int as covered
       from community c
       left join la_assignment a on a.community_id = c.id and daterange(a.starts_on, a.ends_on, '[)') @> ?::date
       where c.${column} in (?) group by c.${column}`,
      [day, [...ids]]);
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? { communities: 0, covered: 0 });
  }).load(nodeId);
}

/** Ids of the communities under a district or street with no advisor on `day`, by name. */
export async function uncoveredCommunityIds(ctx: GongzhiContext, level: TreeLevel, nodeId: string, day = today()): Promise<string[]> {
  const column = level === 'district' ? 'district_id' : 'street_id';
  const found = await sqlRows<{ id: string }>(ctx.em,
    `select c.id from community c
     where c.${column} = ? and not exists (
       select 1 from la_assignment a where a.community_id = c.id and daterange(a.starts_on, a.ends_on, '[)') @> ?::date)
     order by c.name, c.id`,
    [nodeId, day]);
  return found.map((r) => r.id);
}
