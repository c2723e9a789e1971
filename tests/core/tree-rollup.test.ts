import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createTestGateway, rng, type TestGateway } from '@gongzhi/testing';
import { recountAndRollup } from './tree-recount';

const TAGS = ['ELDERLY_60', 'ELDERLY_80', 'LIVING_ALONE', 'EMPTY_NEST', 'DISABLED', 'LOW_INCOME', 'EXTREME_POVERTY', 'CHILD_IN_DIFFICULTY', 'VETERAN'];

let gw: TestGateway;
let pool: Pool;
type Tree = { district: string; streets: string[]; communities: { id: string; street: string }[]; grids: { id: string; community: string }[] };
const trees: Tree[] = [];

beforeAll(async () => {
  gw = await createTestGateway();
  pool = new Pool({ connectionString: gw.databaseUrl, max: 45 });
  for (const code of ['430291', '430292']) {
    const t: Tree = { district: randomUUID(), streets: [], communities: [], grids: [] };
    await pool.query(`insert into district (id, name, division_code) values ($1, $2, $3)`, [t.district, `区${code}`, code]);
    for (let s = 0; s < 2; s++) {
      const street = randomUUID();
      t.streets.push(street);
      await pool.query(`insert into street (id, district_id, name, kind) values ($1, $2, $3, 'STREET')`, [street, t.district, `街道${s}`]);
      for (let c = 0; c < 2; c++) await addCommunity(pool, t, street);
    }
    trees.push(t);
  }
});
afterAll(async () => {
  await pool?.end();
  await gw?.close();
});

async function addCommunity(db: Pool | PoolClient, t: Tree, street: string): Promise<void> {
  const id = randomUUID();
  await db.query(`insert into community (id, district_id, street_id, name, kind) values ($1, $2, $3, $4, 'URBAN')`, [id, t.district, street, `社区${id.slice(0, 8)}`]);
  t.communities.push({ id, street });
  for (let g = 0; g < 2; g++) {
    const gid = randomUUID();
    await db.query(`insert into grid (id, district_id, street_id, community_id, name, households) values ($1, $2, $3, $4, $5, $6)`,
      [gid, t.district, street, id, `网格${g}`, 10 + g]);
    t.grids.push({ id: gid, community: id });
  }
}

/** A transaction as the request role with the tree's district as tenant: the triggers run under row-level security. */
async function asApp<T>(t: Tree, fn: (c: PoolClient) => Promise<T>, commit = true): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query('set local role gongzhi_app');
    await c.query(`select set_config('gongzhi.districts', $1, true)`, [gw.tenantSetting([t.district])]);
    const out = await fn(c);
    await c.query(commit ? 'commit' : 'rollback');
    return out;
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
}

const KINDS = ['insert', 'insert', 'delete', 'moveCommunity', 'moveGrid', 'tags', 'households', 'bulkTags', 'bulkMove', 'newGrid', 'dropGrid', 'newCommunity', 'rolledBack'];
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];
const tagsOf = (r: () => number) => `{${TAGS.filter(() => r() < 0.2).join(',')}}`;

/** Inserts `n` residents in one statement (a multi-row insert, as bulk imports do). */
async function insertResidents(c: PoolClient, t: Tree, r: () => number, n: number, community = pick(r, t.communities)): Promise<void> {
  const grids = t.grids.filter((g) => g.community === community.id);
  const rows = Array.from({ length: n }, () => [randomUUID(), r() < 0.2 ? null : pick(r, grids).id, tagsOf(r)]);
  await c.query(`insert into resident (id, district_id, street_id, community_id, grid_id, name, gender, birth_date, care_tags)
    select u.id, $1, $2, $3, u.gid, '居民', 'FEMALE', '1950-01-01', u.tags::text[] from unnest($4::uuid[], $5::uuid[], $6::text[]) u(id, gid, tags)`,
  [t.district, community.street, community.id, rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2])]);
}

const someResident = async (c: PoolClient, r: () => number): Promise<string | null> =>
  (await c.query(`select id from resident order by id offset floor($1::float8 * (select count(*) from resident))::bigint limit 1`, [r()])).rows[0]?.id ?? null;

/** One random write; each kind of change the figures depend on, single rows and whole sets. */
async function randomStep(r: () => number, step: number): Promise<string> {
  const t = pick(r, trees);
  const kind = pick(r, KINDS);
  await asApp(t, async (c) => {
    const resident = await someResident(c, r);
    switch (kind) {
      case 'insert': return insertResidents(c, t, r, 1 + Math.floor(r() * 5));
      case 'delete': return resident && c.query('delete from resident where id = $1', [resident]);
      case 'moveCommunity': { // to any community of the district, often another street
        const to = pick(r, t.communities);
        const grid = pick(r, t.grids.filter((g) => g.community === to.id));
        return resident && c.query('update resident set community_id = $2, street_id = $3, grid_id = $4 where id = $1', [resident, to.id, to.street, r() < 0.3 ? null : grid.id]);
      }
      case 'moveGrid':
        return resident && c.query(`update resident set grid_id = (select id from grid g where g.community_id = resident.community_id order by random() limit 1) where id = $1`, [resident]);
      case 'tags': return resident && c.query('update resident set care_tags = $2 where id = $1', [resident, tagsOf(r)]);
      case 'households': return c.query('update grid set households = $2 where id = $1', [pick(r, t.grids).id, Math.floor(r() * 300)]);
      case 'bulkTags': // a statement changing many rows' tags at once
        return c.query(`update resident set care_tags = array_append(array_remove(care_tags, $2), $2) where community_id = $1`, [pick(r, t.communities).id, pick(r, TAGS)]);
      case 'bulkMove': { // a whole grid's residents to another community
        const to = pick(r, t.communities);
        return c.query('update resident set community_id = $2, street_id = $3, grid_id = null where grid_id = $1', [pick(r, t.grids).id, to.id, to.street]);
      }
      case 'newGrid': {
        const community = pick(r, t.communities);
        const id = randomUUID();
        t.grids.push({ id, community: community.id });
        return c.query(`insert into grid (id, district_id, street_id, community_id, name, households) values ($1, $2, $3, $4, $5, 7)`,
          [id, t.district, community.street, community.id, `新网格${step}`]);
      }
      case 'dropGrid': { // only grids nobody lives in, and never a community's last one
        const grid = pick(r, t.grids);
        if (t.grids.filter((g) => g.community === grid.community).length < 2) return;
        const { rowCount } = await c.query('delete from grid where id = $1 and not exists (select 1 from resident where grid_id = $1)', [grid.id]);
        if (rowCount) t.grids.splice(t.grids.indexOf(grid), 1);
        return;
      }
      case 'newCommunity': return addCommunity(c, t, pick(r, t.streets));
      case 'rolledBack': throw Object.assign(new Error('rolled back'), { expected: true });
    }
  }).catch((e) => {
    if (!e.expected) throw e;
  });
  if (kind === 'rolledBack') await asApp(t, (c) => insertResidents(c, t, r, 3), false);
  return kind;
}

test('rollups equal a recount after 320 random writes (inserts, deletes, moves between communities/streets/grids, tag and household changes)', async () => {
  const r = rng(15);
  const kinds = new Map<string, number>();
  for (let step = 0; step < 320; step++) {
    const k = await randomStep(r, step);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (step % 80 === 79) {
      const { recount, rollup } = await recountAndRollup((s, p) => pool.query(s, p));
      expect(rollup).toEqual(recount);
    }
  }
  expect(kinds.size).toBe(new Set(KINDS).size); // every kind of write happened
  const { recount, rollup } = await recountAndRollup((s, p) => pool.query(s, p));
  expect(Object.keys(recount).length).toBeGreaterThan(100);
  expect(rollup).toEqual(recount);
}, 120_000);

test('40 parallel transactions into one community lose no increment', async () => {
  const t = trees[0];
  const hot = t.communities[0];
  const before = Number((await pool.query(`select count(*) from resident where community_id = $1`, [hot.id])).rows[0].count);
  await Promise.all(Array.from({ length: 40 }, (_, i) => asApp(t, async (c) => {
    const r = rng(1000 + i);
    await insertResidents(c, t, r, 2, hot);
    await c.query(`update resident set care_tags = $2 where id = (select id from resident where community_id = $1 order by id limit 1 offset $3)`, [hot.id, tagsOf(r), i]);
    await insertResidents(c, t, r, 1, hot);
  })));
  const [{ n }] = (await pool.query(`select sum(n)::int as n from tree_rollup where node_id = $1 and figure = 'residents'`, [hot.id])).rows;
  expect(n).toBe(before + 120);
  const { recount, rollup } = await recountAndRollup((s, p) => pool.query(s, p));
  expect(rollup).toEqual(recount);
  // the writers spread over the slots instead of one row per figure
  const [{ slots }] = (await pool.query(`select count(distinct slot)::int as slots from tree_rollup where node_id = $1 and figure = 'residents'`, [hot.id])).rows;
  expect(slots).toBeGreaterThan(8);
}, 60_000);

test('concurrent writers to one community do not wait on one another', async () => {
  const t = trees[1];
  const hot = t.communities[0];
  const HOLD_MS = 400;
  const WRITERS = 12;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, i) => asApp(t, async (c) => {
    await insertResidents(c, t, rng(2000 + i), 1, hot);
    await c.query(`select pg_sleep($1)`, [HOLD_MS / 1000]); // holding its counter rows until commit
  })));
  const ms = Date.now() - t0;
  // one hot row per figure would serialize them: at least WRITERS × HOLD_MS = 4.8 s
  expect(ms).toBeLessThan((WRITERS * HOLD_MS) / 2.5);
  const { recount, rollup } = await recountAndRollup((s, p) => pool.query(s, p));
  expect(rollup).toEqual(recount);
}, 60_000);
