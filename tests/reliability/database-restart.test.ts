import { Client } from 'pg';
import { gatewayOverOwnPostgres } from './gateway-over-own-postgres';
import { sleep, token } from '../live/processes';

/**
 * A real PostgreSQL restarted under steady writes, behind a real gateway process:
 * every acknowledged write is stored afterwards; during the outage clients get 503
 * SERVICE_UNAVAILABLE (or TRANSACTION_FAILED) with Retry-After, never 500; /healthz
 * stays 200 and /readyz says 503; the pool recovers by itself. Prints the figures.
 */
const { db, gateway: g } = gatewayOverOwnPostgres('restart', { GONGZHI_DB_POOL_MAX: '10' });

interface Outcome { status: number; code: string; retryAfter: string | null; id?: string; at: number }

let serial = 0;
async function write(): Promise<Outcome> {
  const n = serial++;
  const code = `${11 + Math.floor(n / 9801) % 5}${String(1 + Math.floor(n / 99) % 99).padStart(2, '0')}${String(1 + n % 99).padStart(2, '0')}`;
  try {
    const res = await fetch(`${g().url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id } }`, variables: { i: { name: `restart-${n}`, divisionCode: code } } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { data?: { createDistrict?: { id: string } }; errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? 'OK', retryAfter: res.headers.get('retry-after'), id: body.data?.createDistrict?.id, at: Date.now() };
  } catch (e) {
    return { status: 0, code: `transport: ${(e as Error).name}`, retryAfter: null, at: Date.now() };
  }
}

test('PostgreSQL restart under steady writes: every acknowledged write is stored', async () => {
  const outcomes: Outcome[] = [];
  let running = true;
  const writers = Array.from({ length: 4 }, async () => {
    while (running) outcomes.push(await write());
  });

  await sleep(1500);
  const stoppedAt = Date.now();
  await db().stop(); // fast shutdown: open connections and transactions are cut
  await sleep(300);
  const health = (await fetch(`${g().url}/healthz`)).status;
  const ready = (await fetch(`${g().url}/readyz`)).status;
  await sleep(1700);
  const restartAt = Date.now();
  await db().start();
  const upAt = Date.now();
  let recoveredAt = 0;
  for (let i = 0; i < 200 && !recoveredAt; i++) {
    await sleep(50);
    recoveredAt = outcomes.find((o) => o.at > upAt && o.code === 'OK')?.at ?? 0;
  }
  await sleep(1000);
  running = false;
  await Promise.all(writers);
  const readyAfter = (await fetch(`${g().url}/readyz`)).status;

  const acked = outcomes.filter((o) => o.code === 'OK').map((o) => Buffer.from(o.id!, 'base64').toString().replace(/^District:/, ''));
  const c = new Client({ connectionString: db().url });
  await c.connect();
  const rows = (await c.query(`select id from district where name like 'restart-%'`)).rows.map((r) => r.id as string);
  await c.end();
  const present = new Set(rows);
  const lost = acked.filter((id) => !present.has(id));
  const byCode: Record<string, number> = {};
  for (const o of outcomes.filter((o) => o.at >= stoppedAt && o.at <= (recoveredAt || Date.now()))) byCode[`${o.status} ${o.code}`] = (byCode[`${o.status} ${o.code}`] ?? 0) + 1;
  const errorsNo503 = outcomes.filter((o) => o.code !== 'OK' && (o.status !== 503 || o.retryAfter !== '1'));

  process.stdout.write(
    `database restart: ${outcomes.length} writes sent, ${acked.length} acknowledged, ${acked.filter((id) => present.has(id)).length} of them stored, ${lost.length} lost; ` +
    `${rows.length - acked.length} stored without acknowledgement (the client saw an error and may retry: idempotency keys make that safe)\n` +
    `database restart: down ${restartAt - stoppedAt} ms (restart took ${upAt - restartAt} ms), first acknowledged write ${recoveredAt ? recoveredAt - upAt : 'never'} ms after the database was up\n` +
    `database restart: answers during the outage ${JSON.stringify(byCode)}; /healthz ${health}, /readyz ${ready} during, ${readyAfter} after\n`,
  );

  if (errorsNo503.length) process.stdout.write(`database restart: unexpected answers, gateway log:\n${g().output().split('\n').filter((l) => l.includes('unexpected')).join('\n')}\n`);
  expect(lost).toEqual([]);
  expect(acked.length).toBeGreaterThan(10);
  expect(recoveredAt).toBeGreaterThan(0);
  expect(recoveredAt - upAt).toBeLessThan(5000);
  expect(errorsNo503.map((o) => `${o.status} ${o.code}`)).toEqual([]);
  expect(Object.keys(byCode).some((k) => k.startsWith('503'))).toBe(true);
  expect(health).toBe(200);
  expect(ready).toBe(503);
  expect(readyAfter).toBe(200);
}, 90_000);
