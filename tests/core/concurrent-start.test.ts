import { Client } from 'pg';
import { createScratchDatabase, startGatewayProcess } from '@gongzhi/testing';

/**
 * N gateways started at once on one fresh database (compose scaling, a rolling deploy):
 * migrations, the security set-up and the seed run once, under an advisory lock; the others
 * wait for it and then skip what is already applied. Used to fail with
 * `tuple concurrently updated` (grants) or duplicate tables (migrations).
 */
const N = 4;

test(`${N} gateways starting at once on a fresh database all come up`, async () => {
  const db = await createScratchDatabase();
  const env = {
    DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GONGZHI_SEED_DEMO: 'true',
    GONGZHI_JWT_SECRET: 'concurrent-start-secret-0123456789abcdef', GONGZHI_DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  const t0 = Date.now();
  const started = await Promise.allSettled(Array.from({ length: N }, () => startGatewayProcess(env)));
  const ms = Date.now() - t0;
  const gateways = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason).slice(0, 2000)] : []));
    expect(failures).toEqual([]);
    process.stdout.write(`${N} gateways at once on a fresh database: all ready in ${ms} ms\n`);
    for (const g of gateways) expect((await fetch(`${g.url}/readyz`)).status).toBe(200);

    // Exactly one gateway did the set-up; the others found it applied.
    const outputs = gateways.map((g) => g.output());
    expect(outputs.filter((o) => o.includes('"msg":"migrations applied"'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('"msg":"security set-up applied"'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('"msg":"demo district seeded"'))).toHaveLength(1);

    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      expect((await c.query('select count(*)::int as n from district')).rows[0].n).toBe(1);
      const dup = await c.query('select username, count(*) from account group by username having count(*) > 1');
      expect(dup.rows).toEqual([]);
    } finally {
      await c.end();
    }
  } finally {
    const codes = await Promise.all(gateways.map((g) => g.stop('SIGTERM')));
    await db.drop();
    expect(codes).toEqual(gateways.map(() => 0));
  }
}, 180_000);

test('a restart on an applied database takes the lock, skips migrations and the security set-up', async () => {
  const db = await createScratchDatabase();
  const env = { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GONGZHI_SEED_DEMO: 'false' };
  try {
    const first = await startGatewayProcess(env);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('"msg":"security set-up applied"');
    const second = await startGatewayProcess(env);
    expect(await second.stop()).toBe(0);
    expect(second.output()).not.toContain('"msg":"migrations applied"');
    expect(second.output()).not.toContain('"msg":"security set-up applied"');
  } finally {
    await db.drop();
  }
}, 120_000);
