/**
 * Dashboard fan-out on one gateway: 1,000 and 10,000 WebSocket subscribers (graphql-ws,
 * one connection each) to the same `dashboard(node)`; one change (a mutation over HTTP);
 * delivery latency from the mutation to each subscriber (p50, p99, and the last one), the
 * snapshot computations it cost, and the gateway's resident memory per idle connection.
 * Target: 10,000 subscribers, p99 under 100 ms, under 100 KiB per idle connection.
 *
 *   pnpm bench dashboard-fanout [-- 1000,10000 [rounds=3]]
 *
 * The gateway is a separate process (`node -r @swc-node/register packages/core/src/main.ts`,
 * as in production) on a scratch database with the demo seed and the fixture plugin's
 * dashboard section, so the clients' own work and memory are not counted. Needs DATABASE_URL.
 */
import fs from 'node:fs';
import WebSocket from 'ws';
import { createScratchDatabase } from '@gongzhi/testing';
import { ADD_NOTE, demoTree, enableFixture, fixturePluginDir, gql, login, sleep, startGateway, type GatewayProcess } from '../live/processes';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const rounds = Number(process.argv[3] ?? 3);
const QUERY = `subscription($n: ID!) { dashboard(node: $n) { version sections { program figures { key value } } } }`;
const NOTES = /"type":"next".*"key":"notes","value":(\d+)/;

const rssKiB = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Sub { ws: WebSocket; notes: number; arrived: number }

/** One raw graphql-transport-ws connection with one subscription; resolves on its first snapshot. */
function connect(url: string, token: string, node: string, onNext: (s: Sub) => void): Promise<Sub> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    const sub: Sub = { ws, notes: -1, arrived: 0 };
    let first = true;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (raw) => {
      const text = String(raw);
      // The client shares the machine with the gateway: read `next` messages without JSON.parse.
      const notes = NOTES.exec(text);
      if (notes) {
        sub.arrived = performance.now();
        sub.notes = Number(notes[1]);
        if (first) {
          first = false;
          resolve(sub);
        } else onNext(sub);
        return;
      }
      const msg = JSON.parse(text);
      if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY, variables: { n: node } } }));
      else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type === 'error') reject(new Error(JSON.stringify(msg.payload)));
    });
    ws.on('error', reject);
  });
}

async function scenario(g: GatewayProcess, token: string, tree: Awaited<ReturnType<typeof demoTree>>, n: number) {
  global.gc?.();
  await sleep(500);
  const rss0 = rssKiB(g.proc.pid!);
  let waiting = 0;
  let target = 0;
  let done: (() => void) | null = null;
  const onNext = (s: Sub) => {
    if (s.notes === target && --waiting === 0) done?.();
  };
  const t0 = performance.now();
  const subs: Sub[] = [];
  for (let i = 0; i < n; i += 250) {
    subs.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, () => connect(g.wsUrl, token, tree.district, onNext)))));
  }
  const connectMs = performance.now() - t0;
  await sleep(3000); // idle
  const rss1 = rssKiB(g.proc.pid!);
  const perConn = (rss1 - rss0) / n;
  const results: { p50: number; p99: number; last: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    target = subs[0].notes + 1;
    waiting = n;
    const all = new Promise<void>((resolve) => (done = resolve));
    const start = performance.now();
    const res = await gql(g.url, ADD_NOTE, { c: tree.streets[0].community, t: `bench ${r}` });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    await Promise.race([all, sleep(30_000).then(() => { throw new Error(`${waiting} of ${n} subscribers got nothing in 30 s`); })]);
    const lat = subs.map((s) => s.arrived - start).sort((a, b) => a - b);
    results.push({ p50: pct(lat, 50), p99: pct(lat, 99), last: lat[lat.length - 1] });
    await sleep(1200); // past the dashboard interval, so the next change is computed at once
  }
  for (const s of subs) s.ws.terminate();
  await sleep(1500);
  return { n, connectMs, rss0, rss1, perConn, results };
}

async function main() {
  const db = await createScratchDatabase();
  const pluginDir = fixturePluginDir({ dashboard: true });
  const g = await startGateway({ DATABASE_URL: db.url, GONGZHI_PLUGIN_DIRS: pluginDir, GONGZHI_EVENT_ENGINE: 'memory', GONGZHI_DASHBOARD_INTERVAL_MS: '1000', GONGZHI_WS_INIT_TIMEOUT_MS: '60000',
    GONGZHI_EXPOSE_SQL_COUNT: 'false', LOG_LEVEL: 'error' });
  try {
    const token = await login(g.url);
    const tree = await demoTree(g.url);
    await enableFixture(g.url, tree.district);
    console.log(`gateway pid ${g.proc.pid}, one district dashboard, ${rounds} changes per size`);
    console.log('| subscribers | connect all (s) | p50 (ms) | p99 (ms) | last (ms) | RSS before → idle (MiB) | per idle connection (KiB) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const n of sizes) {
      const r = await scenario(g, token, tree, n);
      const p50 = r.results.map((x) => x.p50.toFixed(0)).join(' / ');
      const p99 = r.results.map((x) => x.p99.toFixed(0)).join(' / ');
      const last = r.results.map((x) => x.last.toFixed(0)).join(' / ');
      console.log(`| ${n} | ${(r.connectMs / 1000).toFixed(1)} | ${p50} | ${p99} | ${last} | ${(r.rss0 / 1024).toFixed(0)} → ${(r.rss1 / 1024).toFixed(0)} | ${r.perConn.toFixed(1)} |`);
    }
    console.log('(latency: from sending the mutation to each subscriber receiving the new snapshot; one figure per change)');
  } finally {
    await g.stop();
    await db.drop();
    fs.rmSync(pluginDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
