/**
 * The request floor: `{ __typename }` signed in through the gateway vs bare graphql-http
 * on node:http with the same schema, same run, alternating rounds (medians printed).
 * Profile with `node --cpu-prof -r @swc-node/register tests/bench/floor.bench.ts`.
 */
import 'reflect-metadata';
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { createTestGateway } from '@gongzhi/testing';

const ROUND_MS = Number(process.env.BENCH_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 16;
const BODY = JSON.stringify({ query: '{ __typename }' });

async function round(url: string, headers: Record<string, string>): Promise<{ rps: number; sql: string | null }> {
  const end = Date.now() + ROUND_MS;
  let n = 0;
  let sql: string | null = null;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < end) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: BODY });
      const body = (await res.json()) as { data?: { __typename?: string } };
      if (body.data?.__typename !== 'Query') throw new Error(`unexpected answer ${JSON.stringify(body)}`);
      sql = res.headers.get('x-sql-statements');
      n++;
    }
  }));
  return { rps: n / (ROUND_MS / 1000), sql };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const gw = await createTestGateway({ config: { rateLimit: { perAccountPerMinute: 1e9, perIpPerMinute: 1e9 } } });
  const bare = http.createServer(createHandler({ schema: gw.gateway.schema }));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as import('node:net').AddressInfo).port}/graphql`;
  const auth = { authorization: `Bearer ${gw.adminToken}` };
  const ours: number[] = [];
  const theirs: number[] = [];
  let sql: string | null = null;
  await round(gw.url, auth); // warm-up both
  await round(bareUrl, {});
  for (let i = 0; i < ROUNDS; i++) {
    const g = await round(gw.url, auth);
    ours.push(g.rps);
    sql = g.sql;
    theirs.push((await round(bareUrl, {})).rps);
  }
  const [a, b] = [median(ours), median(theirs)];
  console.log(`floor { __typename } signed in: gateway ${a.toFixed(0)} req/s (${sql} SQL statements), bare graphql-http ${b.toFixed(0)} req/s → ${(a / b).toFixed(2)}× (rounds: ${ours.map((x) => x.toFixed(0)).join('/')} vs ${theirs.map((x) => x.toFixed(0)).join('/')})`);
  bare.close();
  await gw.close();
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
