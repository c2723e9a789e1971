/**
 * Volunteer-bank credits per second through the gateway (GraphQL over HTTP, `grantPoints`)
 * with 8, 32 and 128 concurrent writers, spread over 10,000 volunteers and concentrated on
 * one hot account; then the same SQL statements run directly with `pg` in the same run,
 * and the ratio. Checks the ledger invariants after every scenario.
 *
 *   pnpm bench volunteer-credits -- [creditsPerScenario=2000] [volunteers=10000]
 *
 * Uses DATABASE_URL when set, else starts an embedded PostgreSQL in .data/bench-volunteer.
 */
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createTestGateway, TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../../plugins/volunteer-bank/src/plugin';
import { PROGRAM } from '../../plugins/volunteer-bank/src/program';
import { fingerprintOf } from '../../plugins/volunteer-bank/src/services/fingerprint';

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

/** A light keep-alive HTTP client, so the driver's own cost (fetch) is not billed to the gateway. */
function poster(url: string, sockets: number, token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const u = new URL(url);
  return (body: string) => new Promise<{ errors?: unknown[] }>((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
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
  const gw = await createTestGateway({ plugins: [plugin], config: { logLevel: 'error', dbPoolMax: POOL, rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
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
    await gw.request(GRANT, { v: toGlobalId('Volunteer', volunteers[1]), k: 'probe-1' }); // caches the issuance id
    const probe = await gw.request(GRANT, { v: toGlobalId('Volunteer', volunteers[2]), k: 'probe-2' });
    const [issuance] = await gw.sql(`select id from vb_account where district_id = $1 and kind = 'ISSUANCE' and unit = 'POINTS'`, [districtId]);

    const [admin] = await gw.sql(`select id from account where username = 'test-admin'`);

    /**
     * The statements the gateway sends for one credit, in the same order, straight to PostgreSQL:
     * the request's tenant transaction (role, districts) and mutation savepoint, the plugin's read,
     * its savepoint with the ledger statement and the outbox row, and the audit entry in its own transaction.
     */
    const direct = async (volunteerId: string, key: string): Promise<boolean> => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('set local role gongzhi_app');
        await client.query(`select set_config('gongzhi.districts', $1, true)`, [gw.tenantSetting('*')]);
        await client.query('savepoint gz_mutation');
        const [v] = (await client.query(`select v.*, pa.id as points_account_id, ta.id as time_account_id,
            (select to_jsonb(t) from vb_transfer t where t.district_id = v.district_id and t.idempotency_key = $1) as existing
          from vb_volunteer v join vb_account pa on pa.volunteer_id = v.id and pa.kind = 'VOLUNTEER'
          join vb_account ta on ta.volunteer_id = v.id and ta.kind = 'TIME_BANK' where v.id = $2`, [key, volunteerId])).rows;
        const points = v.points_account_id;
        await client.query('savepoint trx1');
        await client.query(`with side as (update vb_account set balance = balance + $1 where id = $2 returning balance)
          insert into vb_transfer (district_id, from_account_id, to_account_id, amount, unit, kind, idempotency_key, fingerprint,
            reversal_of, memo, from_balance_after, to_balance_after)
          select $3, $4, $5, $6, 'POINTS', 'GRANT', $7, $8, null, null, null, side.balance from side returning *`,
        [3, points, districtId, issuance.id, points, 3, key, fingerprintOf('grantPoints', { volunteerId, amount: 3, memo: null })]);
        await client.query(`insert into outbox_event (seq, name, program, district_id, street_id, community_id, payload, occurred_at)
          values (null, 'volunteer.points-credited', $1, $2, $3, $4, $5, now()) returning id`,
        [PROGRAM, districtId, c.streetId, c.id, JSON.stringify({ accountId: points, volunteerId, amount: 3, kind: 'GRANT' })]);
        await client.query('release savepoint trx1');
        await client.query('release savepoint gz_mutation');
        await client.query('commit');
        await client.query('begin');
        await client.query('set local role gongzhi_app');
        await client.query(`select set_config('gongzhi.districts', $1, true)`, [gw.tenantSetting('*')]);
        await client.query(`insert into audit_log (account_id, actor, action, object_type, object_id, district_id, outcome, detail, request_id)
          values ($1, 'bench', 'mutation grantPoints', null, null, $2, 'SUCCESS', null, $3)`, [admin.id, districtId, key]);
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
    console.log(`one grantPoints request ran ${probe.sqlCount} SQL statements in the gateway; the direct run issues the same 17 (tenant transaction and mutation savepoint, the plugin's statements, audit entry)`);
    console.log('| accounts | writers | gateway credits/s | direct SQL credits/s | ratio | failed (gw/direct) | invariant violations |');
    console.log('|---|---|---|---|---|---|---|');
    let run = 0;
    const failures = new Set<string>();
    let worst = Infinity;
    let totalViolations = 0;
    for (const target of ['spread', 'hot'] as const) {
      for (const writers of WRITERS) {
        run++;
        const who = (i: number) => (target === 'hot' ? volunteers[0] : volunteers[(i * 7919) % volunteers.length]);
        const post = poster(gw.url, writers, gw.adminToken);
        const gwRes = await drive(writers, CREDITS, async (i) => {
          const r = await post(JSON.stringify({ query: GRANT, variables: { v: toGlobalId('Volunteer', who(i)), k: `gw-${run}-${i}` } }));
          if (r.errors) failures.add(String((r.errors[0] as { extensions?: { code?: string } }).extensions?.code));
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
    if (failures.size) console.log(`gateway failure codes: ${[...failures].join(', ')}`);
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
