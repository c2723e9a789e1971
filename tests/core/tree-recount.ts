/** Helpers for the rollup tests: every figure recounted from the tables, and what tree_rollup says. */
type Sql = (text: string, params?: unknown[]) => Promise<{ rows: { node: string; figure: string; n: number }[] }>;

const RECOUNT = `
  with r as (select * from resident), g as (select * from grid), c as (select * from community)
  select node, figure, sum(n)::int as n from (
    select unnest(array[district_id, street_id, community_id, grid_id]) as node, 'residents' as figure, 1 as n from r
    union all
    select x.node, 'tag:' || t, 1 from r cross join lateral unnest(array[district_id, street_id, community_id, grid_id]) x(node), unnest(r.care_tags) t
    union all
    select unnest(array[district_id, street_id, community_id, id]), 'households', households from g
    union all
    select unnest(array[district_id, street_id, community_id]), 'grids', 1 from g
    union all
    select unnest(array[district_id, street_id]), 'communities', 1 from c
  ) f where node is not null group by 1, 2 having sum(n) <> 0`;

const ROLLUP = `select node_id::text as node, figure, sum(n)::int as n from tree_rollup group by 1, 2 having sum(n) <> 0`;

const asMap = (rows: { node: string; figure: string; n: number }[]) => Object.fromEntries(rows.map((r) => [`${r.node} ${r.figure}`, r.n]).sort());

/** Both sides as sorted `node figure → n` maps (zeros left out), for `toEqual`. */
export async function recountAndRollup(query: Sql): Promise<{ recount: Record<string, number>; rollup: Record<string, number> }> {
  const [recount, rollup] = [await query(RECOUNT), await query(ROLLUP)];
  return { recount: asMap(recount.rows), rollup: asMap(rollup.rows) };
}
