/**
 * Volunteer-bank credits per second through the gateway (GraphQL over HTTP, `grantPoints`)
 * with 8, 32 and 128 concurrent writers, spread over 10,000 volunteers and concentrated on
 * one hot account; then the same SQL statements run directly with `pg` in the same run,
 * and the ratio. Checks the ledger invariants after every scenario.
 *
 *   NODE_PATH=packages/plugin-sdk/node_modules node -r @swc-node/register tests/bench/volunteer-credits.bench.ts [creditsPerScenario=2000] [volunteers=10000]
 *
 * (NODE_PATH: @gongzhi/testing requires reflect-metadata without declaring it; jest resolves it, plain node does not.)
 *
 * Uses DATABASE_URL when set, else starts an embedded PostgreSQL in .data/bench-volunteer.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { createTestGateway, TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../../plugins/volunteer-bank/src/plugin';
import { PROGRAM } from '../../plugins/volunteer-bank/src/program';
import { fingerprintOf } from '../../plugins/volunteer-bank/src/services/database.service';

const pluginRequire = createRequire(path.resolve(__dirname, '../../plugins/volunteer-bank/package.json'));
interface PgClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, any>[] }>;
  release(): void;
}
const { Pool } = pluginRequire('pg') as {
  Pool: new (o: { connectionString: string; max: number }) => { connect(): Promise<PgClient>; end(): Promise<void> };
};

const CREDITS = Number(process.argv[2] ?? 2000);
const VOLUNTEERS = Number(process.argv[3] ?? 10_000);
const WRITERS = [8, 32, 128];
const POOL = 20; // the gateway's pool size in this run; the direct run gets the same

async function database(): Promise<(() => Promise<void>) | null> {
  if (process.env.DATABASE_URL) return null;
  const { startEmbeddedPostgres } = await import('@gongzhi/core/src/db/embedded-postgres');
  const { createLogger } = await import('@gongzhi/core/src/util/logger');
  const db = await startEmbeddedPostgres(path.resolve(__dirname, '../../.data/bench-volunteer'), createLogger('warn'), 54371);
  process.env.DATABASE_URL = db.url;
  return () => db.stop();
}

/** Runs `total` jobs with `writers` concurrent loops; returns jobs/s and failures. */
async function drive(writers: number, total: number, job: (i: number) => Promise<boolean>) {
  let next = 0;
  let failed = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < total) {
      const i = next++;
      if (!(await job(i))) failed++;
    }
  }));
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: total / s, failed };
}

async function violations(gw: TestGateway): Promise<number> {
  const [r] = await gw.sql(`select
    (select count(*) from vb_account a where a.kind <> 'ISSUANCE' and a.balance <>
      coalesce((select sum(amount) from vb_transfer where to_account_id = a.id), 0)
      - coalesce((select sum(amount) from vb_transfer where from_account_id = a.id), 0))::int as mismatched,
    (select count(*) from vb_account where kind <> 'ISSUANCE' and balance < 0)::int as negative,
    ((select coalesce(sum(t.amount), 0) from vb_transfer t join vb_account i on i.id = t.from_account_id where i.kind = 'ISSUANCE' and i.unit = 'POINTS')
      - (select coalesce(sum(t.amount), 0) from vb_transfer t join vb_account i on i.id = t.to_account_id where i.kind = 'ISSUANCE' and i.unit = 'POINTS')
      <> (select coalesce(sum(balance), 0) from vb_account where kind <> 'ISSUANCE' and unit = 'POINTS'))::int as totals`);
  return r.mismatched + r.negative + r.totals;
}

async function main(): Promise<void> {
  const stopDb = await database();
  const gw = await createTestGateway({ plugins: [plugin], config: { logLevel: 'error', dbPoolMax: POOL } });
  const dbUrl = (gw.orm.config.get('clientUrl') as string | undefined) ?? process.env.DATABASE_URL!;
  const pool = new Pool({ connectionString: dbUrl, max: POOL });
  try {
    const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 1 });
    await gw.enableProgram(tree.district.id, PROGRAM);
    const districtId = tree.district.id;
    const c = tree.communities[0];
    // 10,000 residents and volunteers in bulk (registration is not what we measure).
    await gw.sql(`insert into resident (id, district_id, street_id, community_id, name, gender, birth_date, care_tags)
      select gen_random_uuid(), $1, $2, $3, '志愿者' || g, 'FEMALE', date '1980-01-01', '{}' from generate_series(1, $4) g`,
    [districtId, c.streetId, c.id, VOLUNTEERS]);
    await gw.sql(`insert into vb_volunteer (district_id, street_id, community_id, resident_id, name)
      select district_id, street_id, community_id, id, name from resident where community_id = $1 and name like '志愿者%'`, [c.id]);
    await gw.sql(`insert into vb_account (district_id, kind, unit, volunteer_id)
      select district_id, k.kind, k.unit, v.id from vb_volunteer v, (values ('VOLUNTEER', 'POINTS'), ('TIME_BANK', 'MINUTES')) k(kind, unit)`);
    const volunteers = (await gw.sql<{ id: string }>('select id from vb_volunteer order by id')).map((r) => r.id);
    const GRANT = `mutation($v: ID!, $k: String!) { grantPoints(input: { volunteerId: $v, amount: 3, idempotencyKey: $k }) { transfer { id toBalanceAfter } } }`;
    // Warm-up (also creates the issuance account) and the statement count of one credit.
    const warm = await Promise.all(volunteers.slice(0, 50).map((v, i) => gw.request(GRANT, { v: toGlobalId('Volunteer', v), k: `warm-${i}` })));
    if (warm.some((r) => r.errors)) throw new Error(JSON.stringify(warm.find((r) => r.errors)!.errors));
    const [issuance] = await gw.sql(`select id from vb_account where district_id = $1 and kind = 'ISSUANCE' and unit = 'POINTS'`, [districtId]);

    /** The statements the plugin runs for one credit, in the same order, straight to PostgreSQL. */
    const direct = async (volunteerId: string, key: string): Promise<boolean> => {
      const client = await pool.connect();
      try {
        await client.query('select * from vb_volunteer where id = $1 limit 1', [volunteerId]);
        const accounts = await client.query(`select id, kind from vb_account where volunteer_id = $1`, [volunteerId]);
        const points = accounts.rows.find((a) => a.kind === 'VOLUNTEER')!.id;
        await client.query('select * from vb_transfer where district_id = $1 and idempotency_key = $2', [districtId, key]);
        await client.query('begin');
        const bal = await client.query('update vb_account set balance = balance + $1 where id = $2 returning balance', [3, points]);
        await client.query(`insert into vb_transfer (district_id, from_account_id, to_account_id, amount, unit, kind, idempotency_key,
            fingerprint, reversal_of, memo, from_balance_after, to_balance_after)
          values ($1, $2, $3, 3, 'POINTS', 'GRANT', $4, $5, null, null, null, $6) returning *`,
        [districtId, issuance.id, points, key, fingerprintOf('grantPoints', { volunteerId, amount: 3, memo: null }), bal.rows[0].balance]);
        await client.query(`insert into outbox_event (name, program, district_id, street_id, community_id, payload)
          values ('volunteer.points-credited', $1, $2, $3, $4, $5)`,
        [PROGRAM, districtId, c.streetId, c.id, JSON.stringify({ accountId: points, volunteerId, amount: 3, kind: 'GRANT' })]);
        await client.query('commit');
        return true;
      } catch {
        await client.query('rollback').catch(() => undefined);
        return false;
      } finally {
        client.release();
      }
    };

    console.log(`volunteer-bank credits: ${VOLUNTEERS} volunteers, ${CREDITS} credits per scenario, pool ${POOL} (gateway and direct)`);
    console.log(`one grantPoints request ran ${warm[0].sqlCount} SQL statements in the gateway; the direct run issues 8 (incl. begin/commit)`);
    console.log('| accounts | writers | gateway credits/s | direct SQL credits/s | ratio | failed (gw/direct) | invariant violations |');
    console.log('|---|---|---|---|---|---|---|');
    let run = 0;
    let worst = Infinity;
    let totalViolations = 0;
    for (const target of ['spread', 'hot'] as const) {
      for (const writers of WRITERS) {
        run++;
        const who = (i: number) => (target === 'hot' ? volunteers[0] : volunteers[(i * 7919) % volunteers.length]);
        const gwRes = await drive(writers, CREDITS, async (i) => {
          const r = await gw.request(GRANT, { v: toGlobalId('Volunteer', who(i)), k: `gw-${run}-${i}` });
          return !r.errors;
        });
        const v1 = await violations(gw);
        const dRes = await drive(writers, CREDITS, (i) => direct(who(i), `sql-${run}-${i}`));
        const v2 = await violations(gw);
        const ratio = gwRes.perSecond / dRes.perSecond;
        worst = Math.min(worst, ratio);
        totalViolations += v1 + v2;
        console.log(`| ${target === 'hot' ? 'one hot account' : `${VOLUNTEERS} spread`} | ${writers} | ${gwRes.perSecond.toFixed(0)} | ${dRes.perSecond.toFixed(0)} | ${ratio.toFixed(2)} | ${gwRes.failed}/${dRes.failed} | ${v1 + v2} |`);
      }
    }
    console.log(`worst ratio ${worst.toFixed(2)} (target >= 0.50); invariant violations: ${totalViolations}`);
  } finally {
    await pool.end();
    await gw.close();
    await stopDb?.();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
