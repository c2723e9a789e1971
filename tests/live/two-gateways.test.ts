import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Pool } from 'pg';
import { createScratchDatabase } from '@gongzhi/testing';
import {
  ADD_NOTE, EVENTS, PrivateRedis, collect, demoTree, enableFixture, fixturePluginDir, freePort, gql, login, sleep, startGateway, wsClient,
  type GatewayProcess,
} from './processes';

/**
 * Two real gateway processes on one database, with each engine that carries events
 * between gateways. The periodic outbox poll is set to a minute, so deliveries within
 * seconds prove the engine (and its reconnection catch-up), not the safety net.
 */
const engines = ['postgres', 'redis'] as const;

describe.each(engines)('two gateways, %s engine', (engine) => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let pool: Pool;
  let redis: PrivateRedis | null = null;
  let a: GatewayProcess;
  let b: GatewayProcess;
  let tree: Awaited<ReturnType<typeof demoTree>>;
  const pluginDir = fixturePluginDir();
  const clients: ReturnType<typeof wsClient>[] = [];
  const client = (g: GatewayProcess) => {
    const c = wsClient(g.wsUrl);
    clients.push(c);
    return c;
  };
  const add = (g: GatewayProcess, community: string, text: string) => gql(g.url, ADD_NOTE, { c: community, t: text });
  /** Subscribing from the current cursor: nothing slips between subscribing and the first mutation. */
  const cursorNow = async () => (await pool.query(`select coalesce(max(seq), 0)::text as c from outbox_event`)).rows[0].c as string;

  beforeAll(async () => {
    db = await createScratchDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env: Record<string, string> = {
      DATABASE_URL: db.url, GONGZHI_EVENT_ENGINE: engine, GONGZHI_EVENT_POLL_MS: '60000', GONGZHI_PLUGIN_DIRS: pluginDir,
    };
    if (engine === 'redis') {
      redis = new PrivateRedis(await freePort());
      await redis.start();
      env.REDIS_URL = redis.url;
    }
    a = await startGateway(env); // migrates and seeds first; B then finds everything in place
    await login(a.url);
    tree = await demoTree(a.url);
    await enableFixture(a.url, tree.district);
    b = await startGateway(env);
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await pool?.end();
    await db?.drop();
    fs.rmSync(pluginDir, { recursive: true, force: true });
  }, 60_000);

  test('a mutation on one gateway reaches subscribers on the other (both ways), within two seconds', async () => {
    const onB = collect(client(b), EVENTS, { n: tree.district, a: await cursorNow() });
    const onA = collect(client(a), EVENTS, { n: tree.district, a: await cursorNow() });
    const t0 = Date.now();
    expect((await add(a, tree.streets[0].community, 'from A')).errors).toBeUndefined();
    await onB.until(1);
    const latency = Date.now() - t0;
    expect(await add(b, tree.streets[0].community, 'from B')).not.toHaveProperty('errors');
    await onA.until(2);
    await onB.until(2);
    expect(onB.items.map((i) => i.events.payload.text)).toEqual(['from A', 'from B']);
    expect(onA.items.map((i) => i.events.payload.text)).toEqual(['from A', 'from B']);
    expect(latency).toBeLessThan(2000); // the outbox poll is a minute: this is the engine
    process.stdout.write(`${engine}: mutation on A → subscriber on B in ${latency} ms\n`);
    onA.dispose();
    onB.dispose();
  });

  test('1,000 mutations forced to roll back deliver zero events', async () => {
    const onA = collect(client(a), EVENTS, { n: tree.district, a: await cursorNow() });
    const onB = collect(client(b), EVENTS, { n: tree.district, a: await cursorNow() });
    const gateways = [a, b];
    let failed = 0;
    for (let i = 0; i < 1000; i += 25) {
      const batch = await Promise.all(Array.from({ length: 25 }, (_, j) => add(gateways[(i + j) % 2], tree.streets[0].community, 'boom')));
      failed += batch.filter((r) => r.errors?.[0]?.extensions?.code === 'INTERNAL_SERVER_ERROR').length;
    }
    expect(failed).toBe(1000);
    await add(a, tree.streets[0].community, 'sentinel');
    await onA.until(1);
    await onB.until(1);
    await sleep(300);
    expect(onA.items.map((i) => i.events.payload.text)).toEqual(['sentinel']);
    expect(onB.items.map((i) => i.events.payload.text)).toEqual(['sentinel']);
    const [{ n }] = (await pool.query(`select count(*)::int as n from outbox_event where payload->>'text' = 'boom'`)).rows;
    expect(n).toBe(0);
    onA.dispose();
    onB.dispose();
  }, 240_000);

  test('a subscriber that reconnects with its last cursor gets exactly the 100 it missed, in order, then live ones', async () => {
    const c1 = client(b);
    const first = collect(c1, EVENTS, { n: tree.district, a: await cursorNow() });
    await add(a, tree.streets[0].community, 'before');
    await first.until(1);
    const cursor = first.items[0].events.cursor as string;
    first.dispose();
    await c1.dispose();

    const sent: string[] = [];
    for (let i = 0; i < 100; i += 10) {
      const texts = Array.from({ length: 10 }, (_, j) => `missed ${i + j}`);
      sent.push(...texts);
      const results = await Promise.all(texts.map((t, j) => add([a, b][j % 2], tree.streets[(i + j) % tree.streets.length].community, t)));
      expect(results.filter((r) => r.errors)).toEqual([]);
    }
    const again = collect(client(b), EVENTS, { n: tree.district, a: cursor });
    await again.until(100);
    await add(a, tree.streets[0].community, 'live after');
    await again.until(101);
    await sleep(300);
    const cursors = again.items.map((i) => BigInt(i.events.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    expect(cursors[0]).toBe(BigInt(cursor) + 1n);
    expect(cursors[99]).toBe(BigInt(cursor) + 100n);
    const texts = again.items.map((i) => i.events.payload.text as string);
    expect(texts.slice(0, 100).sort()).toEqual([...sent].sort());
    expect(texts.slice(100)).toEqual(['live after']);
    again.dispose();
  }, 60_000);

  test('a subscriber scoped to one street never receives another street’s or district’s events', async () => {
    const [s1, s2] = tree.streets;
    const onStreet = collect(client(b), EVENTS, { n: s1.id, a: await cursorNow() });
    const otherDistrict = randomUUID();
    const districtUuid = Buffer.from(tree.district, 'base64').toString().split(':')[1];
    await add(a, s2.community, 'street two');
    await pool.query(`insert into outbox_event (name, program, district_id, street_id, payload) values
      ('fixture.note.added', 'fixture', $1, $2, '{"text":"other district"}'),
      ('fixture.note.added', 'fixture', $3, null, '{"text":"district level"}')`, [otherDistrict, randomUUID(), districtUuid]);
    await add(a, s1.community, 'street one');
    await add(b, s2.community, 'street two again');
    await add(b, s1.community, 'street one again');
    await onStreet.until(2);
    await sleep(500);
    expect(onStreet.items.map((i) => i.events.payload.text)).toEqual(['street one', 'street one again']);
    expect(new Set(onStreet.items.map((i) => i.events.streetId))).toEqual(new Set([s1.id]));
    onStreet.dispose();
  });

  if (engine === 'postgres') {
    test('a gateway that loses its LISTEN connection reconnects and catches up: nothing committed is lost', async () => {
      const onB = collect(client(b), EVENTS, { n: tree.district, a: await cursorNow() });
      const killed = await pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'gongzhi-listen' and datname = current_database()`);
      expect(killed.rowCount).toBe(2);
      const texts = Array.from({ length: 20 }, (_, i) => `during reconnect ${i}`);
      for (const t of texts) await add(a, tree.streets[0].community, t);
      await onB.until(20, 10_000);
      expect(onB.items.map((i) => i.events.payload.text)).toEqual(texts);
      const [{ n }] = (await pool.query(`select count(*)::int as n from pg_stat_activity where application_name = 'gongzhi-listen' and datname = current_database()`)).rows;
      expect(n).toBe(2);
      onB.dispose();
    }, 30_000);
  }

  if (engine === 'redis') {
    test('Redis stopped for a while under a stream of mutations, then restarted: every committed event arrives', async () => {
      const onB = collect(client(b), EVENTS, { n: tree.district, a: await cursorNow() });
      const committed: string[] = [];
      let stop = false;
      const stream = (async () => {
        for (let i = 0; !stop; i++) {
          const res = await add(i % 3 ? a : b, tree.streets[i % tree.streets.length].community, `stream ${i}`);
          if (!res.errors) committed.push(`stream ${i}`);
          await sleep(20);
        }
      })();
      await sleep(1000);
      await redis!.stop();
      const beforeOutage = committed.length;
      await sleep(2500); // mutations keep committing while Redis is down
      const duringOutage = committed.length - beforeOutage;
      const restartedAt = Date.now();
      await redis!.start();
      await sleep(1500);
      stop = true;
      await stream;
      expect(duringOutage).toBeGreaterThanOrEqual(3); // the gateways kept serving writes without Redis
      await onB.until(committed.length, 15_000);
      const caughtUpMs = Date.now() - restartedAt;
      await sleep(300);
      const delivered = new Set(onB.items.map((i) => i.events.payload.text));
      console.log(`redis outage 2.5 s: ${committed.length} events committed (${duringOutage} while Redis was down), ${delivered.size} delivered to the other gateway's subscriber, ${committed.filter((t) => !delivered.has(t)).length} lost, all delivered ${caughtUpMs} ms after Redis restarted`);
      expect(onB.items.map((i) => i.events.payload.text).sort()).toEqual([...committed].sort());
      const cursors = onB.items.map((i) => BigInt(i.events.cursor));
      expect(cursors.every((c, i) => i === 0 || c === cursors[i - 1] + 1n)).toBe(true);
      expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
      onB.dispose();
    }, 60_000);
  }
});
