/**
 * What row-level security costs on the nested district dashboard's heavy statements at a
 * real district's size (4 streets, 100 communities, 792 grids, 400,000 residents, plus a
 * second district): the same statements as the database owner (no RLS), as the app role
 * under the 1.0 policy (setting read per row), and under the current policy (read once per
 * statement). Alternating rounds, medians. Prints the ratios and the plan. Not a test.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createScratchDatabase } from '@gongzhi/testing';
import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { tenantPolicy } from '@gongzhi/core/src/security/tenant-security';
import { TenantScope } from '@gongzhi/core/src/security/tenant-scope';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 400_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const SEED = `
-- bulk load: the rows are consistent by construction, skip the per-row FK triggers
set session_replication_role = replica;
insert into district (id, name, division_code) values (gen_random_uuid(), '天元区', '430211'), (gen_random_uuid(), '芦淞区', '430203');
insert into street (id, district_id, name, kind) select gen_random_uuid(), d.id, '街道' || s, 'STREET' from district d, generate_series(1, 4) s;
insert into community (id, district_id, street_id, name, kind)
  select gen_random_uuid(), s.district_id, s.id, s.name || '社区' || c, 'URBAN' from street s, generate_series(1, 25) c;
insert into grid (id, district_id, street_id, community_id, name, households)
  select gen_random_uuid(), c.district_id, c.street_id, c.id, '网格' || g, 200 from community c, generate_series(1, 8) g;
with c as (
  select array_agg(c.id order by d.division_code, c.id) as ids, array_agg(c.street_id order by d.division_code, c.id) as streets,
         array_agg(c.district_id order by d.division_code, c.id) as districts
  from community c join district d on d.id = c.district_id)
insert into resident (id, district_id, street_id, community_id, name, gender, birth_date, care_tags)
  select gen_random_uuid(), c.districts[k], c.streets[k], c.ids[k], '居民' || r, case when r % 2 = 0 then 'MALE' else 'FEMALE' end,
         date '1930-01-01' + (r % 30000), case when r % 5 = 0 then '{ELDERLY_60}'::text[] when r % 11 = 0 then '{ELDERLY_60,LIVING_ALONE}' else '{}' end
  from c, generate_series(0, $1::int - 1) r, lateral (select 1 + case when r < $1::int * 0.8 then r % 100 else 100 + r % 100 end as k) x;
reset session_replication_role;`;

// the dashboard's per-community and per-street figures (stats.service.ts shapes)
const STATEMENTS: Record<string, string> = {
  'residents per community': `select community_id as k, count(*)::int as n from resident where community_id = any($1) group by 1`,
  'care tags per community': `select community_id as k, t as tag, count(*)::int as n from resident, unnest(care_tags) as t where community_id = any($1) group by 1, 2`,
  'residents per street': `select street_id as k, count(*)::int as n from resident where street_id = any($1) group by 1`,
};

const OLD_POLICY = `gongzhi_visible(district_id)`;
const NEW_POLICY = tenantPolicy('district_id');
/** For comparison: the array arm alone, without the scalar arm for the first district. */
const ARRAY_ONLY = `(select gongzhi_sees_all()) or district_id = any ((select gongzhi_visible_ids())::uuid[])`;

async function main() {
  const db = await createScratchDatabase();
  const config = loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: db.url, seedDemo: false, logLevel: 'error' });
  const gw = new Gateway({ config, plugins: [], logger: createLogger('error') });
  await gw.migrate();
  const scope = await TenantScope.load(gw.orm); // signs the tenant setting as request transactions do
  await gw.stop('migrated');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const t0 = Date.now();
    await c.query(SEED.replace(/\$1/g, String(RESIDENTS)));
    await c.query('vacuum analyze'); // steady state: visibility map set, index-only scans possible
    console.log(`seeded ${RESIDENTS} residents in ${Date.now() - t0} ms`);
    const [{ id: district }] = (await c.query(`select id from district where division_code = '430211'`)).rows;
    const communities = (await c.query(`select id from community where district_id = $1`, [district])).rows.map((r) => r.id);
    const streets = (await c.query(`select id from street where district_id = $1`, [district])).rows.map((r) => r.id);
    const setPolicy = async (using: string) => {
      await c.query(`drop policy if exists tenant_isolation on resident`);
      await c.query(`create policy tenant_isolation on resident to gongzhi_app using (${using}) with check (${using})`);
    };
    const run = async (sql: string, rls: boolean) => {
      await c.query('begin');
      if (rls) {
        await c.query(`set local role gongzhi_app`);
        await c.query(`select set_config('gongzhi.districts', $1, true)`, [scope.setting([district])]);
      }
      const t = performance.now();
      const res = await c.query(sql, [sql.includes('street_id = any') ? streets : communities]);
      const ms = performance.now() - t;
      await c.query('rollback');
      return { ms, rows: res.rows.length, sum: res.rows.reduce((s, r) => s + r.n, 0) };
    };
    const variants = [['no RLS (owner)', null], ['RLS, 1.0 policy', OLD_POLICY], ['RLS, once per statement', NEW_POLICY], ['(array arm only)', ARRAY_ONLY]] as const;
    for (const [name, sql] of Object.entries(STATEMENTS)) {
      const times: Record<string, number[]> = {};
      const answers = new Set<string>();
      for (let round = -1; round < ROUNDS; round++) {
        for (const [label, policy] of variants) {
          if (policy) await setPolicy(policy);
          const r = await run(sql, policy !== null);
          answers.add(`${r.rows}/${r.sum}`);
          if (round >= 0) (times[label] ??= []).push(r.ms); // round -1 warms the cache
        }
      }
      if (answers.size !== 1) throw new Error(`${name}: variants disagree ${[...answers].join(' vs ')}`);
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const base = med(times['no RLS (owner)']);
      console.log(`\n${name} (${[...answers][0]} rows/total):`);
      for (const [label] of variants) {
        const m = med(times[label]);
        console.log(`  ${label.padEnd(26)} p50 ${m.toFixed(1).padStart(8)} ms   ${(m / base).toFixed(2)}× no-RLS`);
      }
    }
    await setPolicy(NEW_POLICY);
    await c.query('begin');
    await c.query(`set local role gongzhi_app`);
    await c.query(`select set_config('gongzhi.districts', $1, true)`, [scope.setting([district])]);
    const plan = await c.query(`explain (analyze, costs off, timing off, summary off) ${STATEMENTS['residents per community']}`, [communities]);
    await c.query('rollback');
    console.log(`\nEXPLAIN residents per community, current policy:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`.replace(/'\{[^}]{200,}\}'/g, "'{…100 ids…}'")).join('\n')}`);
  } finally {
    await c.end();
    if (process.env.BENCH_KEEP) console.log(`kept ${db.url}`);
    else await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
