import { Pool } from 'pg';
import { createScratchDatabase } from '@gongzhi/testing';
import { ADD_NOTE, demoTree, enableFixture, fixturePluginDir, gql, login, sleep, startGateway, type GatewayProcess } from './processes';
import fs from 'node:fs';

/**
 * An idle gateway commits nothing. Measured from PostgreSQL's side on a real gateway process:
 * `pg_stat_database.xact_commit` of its database (flushed by idle backends within ~10 s, so
 * the baseline is taken after that) and `pg_stat_activity` (live: the last time any of the
 * gateway's connections ran a statement). Every read-only statement counts as a commit there.
 */
const QUIET_MS = 1000;

describe('idle gateway', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let stats: Pool; // connected to another database, so its own statements are not counted
  let g: GatewayProcess;
  const pluginDir = fixturePluginDir({ dashboard: true });

  const commits = async () =>
    Number((await stats.query(`select xact_commit from pg_stat_database where datname = $1`, [db.name])).rows[0].xact_commit);
  /** Milliseconds since any connection to the gateway's database last ran a statement. */
  const idleForMs = async () =>
    Number((await stats.query(
      `select coalesce(extract(epoch from now() - max(state_change)) * 1000, 1e9) as ms from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [db.name])).rows[0].ms);

  beforeAll(async () => {
    db = await createScratchDatabase();
    const url = new URL(db.url);
    url.pathname = '/postgres';
    stats = new Pool({ connectionString: url.toString(), max: 1 });
    g = await startGateway({ DATABASE_URL: db.url, GONGZHI_PLUGIN_DIRS: pluginDir, GONGZHI_EVENT_ENGINE: 'postgres', GONGZHI_EVENT_QUIET_AFTER_MS: String(QUIET_MS) });
    await login(g.url);
    const tree = await demoTree(g.url);
    await enableFixture(g.url, tree.district);
    // Activity first (an event sequenced, relayed and dispatched), so the idle state follows real work.
    const res = await gql(g.url, ADD_NOTE, { c: tree.streets[0].community, t: 'before idling' });
    expect(res.errors).toBeUndefined();
    expect(await idleForMs()).toBeLessThan(1000); // the probe sees the gateway's work
  }, 120_000);

  afterAll(async () => {
    await g?.stop();
    await stats?.end();
    await db?.drop();
    fs.rmSync(pluginDir, { recursive: true, force: true });
  }, 60_000);

  it('runs no statement and commits no transaction while nobody uses it', async () => {
    await sleep(QUIET_MS + 10_500); // the safety net winds down; idle backends flush their pending counters
    const before = await commits();
    await sleep(4000);
    const after = await commits();
    const idle = await idleForMs();
    console.log(`idle gateway: ${after - before} commits in 4 s; no statement for ${(idle / 1000).toFixed(1)} s`);
    expect(after - before).toBe(0);
    expect(idle).toBeGreaterThan(4000);
  }, 60_000);
});
