import fs from 'node:fs';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { createScratchDatabase } from '@gongzhi/testing';
import { demoTree, sleep, startGateway, type GatewayProcess } from '../live/processes';

/**
 * One abusive socket opening thousands of subscriptions, against a real gateway process:
 * another account's queries keep their latency, the abuser gets coded refusals past the
 * per-socket and per-account limits, the memory comes back when it leaves, and no close
 * reason carries an internal message. Prints the victim's p50/p99 and the gateway's RSS.
 */
const FLOOD = 10_000;
const PER_SOCKET = 100;
const PER_ACCOUNT = 250;
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let g: GatewayProcess;
let adminToken = '';
let victimToken = '';
let district = '';

const post = async (query: string, variables: Record<string, unknown> | undefined, token: string | null) => {
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
};
const loginAs = async (username: string) => (await post(`mutation($u: String!) { login(username: $u, password: "gongzhi-demo-2026") { accessToken } }`, { u: username }, null)).data.login.accessToken as string;

beforeAll(async () => {
  db = await createScratchDatabase();
  g = await startGateway({
    DATABASE_URL: db.url, GONGZHI_WS_MAX_SUBSCRIPTIONS_PER_SOCKET: String(PER_SOCKET), GONGZHI_WS_MAX_SUBSCRIPTIONS_PER_ACCOUNT: String(PER_ACCOUNT),
  });
  adminToken = await loginAs('admin');
  victimToken = await loginAs('district.admin');
  district = (await demoTree(g.url)).district;
}, 180_000);

afterAll(async () => {
  await g?.stop();
  await db?.drop();
});

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${g.proc.pid}/status`, 'utf8'))![1]) / 1024;

/**
 * The victim: another account's queries over HTTP, one after another, from its own process
 * (in this one the abuser's 10,000 answers would be parsed on the victim's event loop).
 * Resolves `ready` after a warm-up, then its figures.
 */
const VICTIM = `
const [url, token, n] = [process.argv[1], process.argv[2], Number(process.argv[3])];
const one = async () => {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify({ query: '{ districts { nodes { id name } } }' }) });
  const body = await res.json();
  return { ms: performance.now() - t0, ok: !body.errors && body.data.districts.nodes.length > 0 };
};
(async () => {
  for (let i = 0; i < 20; i++) await one();
  console.log('READY');
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await one());
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const at = (p) => ms[Math.min(ms.length - 1, Math.floor(p / 100 * ms.length))];
  console.log(JSON.stringify({ p50: at(50), p99: at(99), failed: runs.filter((r) => !r.ok).length }));
})();`;

function victim(n: number): { ready: Promise<void>; done: Promise<{ p50: number; p99: number; failed: number }> } {
  const proc = spawn(process.execPath, ['-e', VICTIM, `${g.url}/graphql`, victimToken, String(n)]);
  let out = '';
  const ready = new Promise<void>((resolve) => proc.stdout.on('data', (d) => {
    out += d;
    if (out.includes('READY')) resolve();
  }));
  const done = new Promise<{ p50: number; p99: number; failed: number }>((resolve, reject) => proc.once('exit', () => {
    try {
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    } catch {
      reject(new Error(`victim: ${out}`));
    }
  }));
  return { ready, done };
}

interface Abuser { ws: WebSocket; codes: Map<string, number>; accepted: () => number; closed: Promise<{ code: number; reason: string }> }

/** A raw graphql-transport-ws socket that acknowledges and then sends `n` subscriptions at once. */
async function abuse(n: number, token = adminToken): Promise<Abuser> {
  const ws = new WebSocket(g.wsUrl, 'graphql-transport-ws');
  const codes = new Map<string, number>();
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: String(reason) })));
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await new Promise<void>((resolve) => ws.on('message', (m) => {
    const msg = JSON.parse(String(m));
    if (msg.type === 'connection_ack') resolve();
    if (msg.type === 'error') {
      const code = msg.payload[0]?.extensions?.code ?? 'none';
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }));
  const query = `subscription($n: ID!) { events(node: $n) { cursor } }`;
  for (let i = 0; i < n; i++) ws.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query, variables: { n: district } } }));
  const refused = () => [...codes.values()].reduce((a, b) => a + b, 0);
  return { ws, codes, closed, accepted: () => n - refused() };
}

const activeSubscriptions = async () => Number(/^gongzhi_subscriptions_active (\d+)/m.exec(await (await fetch(`${g.url}/metrics`)).text())![1]);

test('one socket opening 10,000 subscriptions: the victim keeps its latency, the abuser is refused with a code, memory comes back', async () => {
  const quiet = await victim(200).done;
  const rssBefore = rssMb();

  const flooded = victim(200);
  await flooded.ready;
  const abuser = await abuse(FLOOD);
  const during = await flooded.done;
  for (let i = 0; i < 200 && abuser.accepted() > PER_SOCKET; i++) await sleep(50);
  const rssPeak = rssMb();
  expect(abuser.accepted()).toBe(PER_SOCKET);
  expect(abuser.codes.get('TOO_MANY_SUBSCRIPTIONS')).toBe(FLOOD - PER_SOCKET);

  // More sockets of the same account: refused once the account holds PER_ACCOUNT.
  const more = [await abuse(PER_SOCKET), await abuse(PER_SOCKET)];
  for (let i = 0; i < 100 && more[1].accepted() > PER_ACCOUNT - 2 * PER_SOCKET; i++) await sleep(50);
  expect(more[0].accepted() + more[1].accepted()).toBe(PER_ACCOUNT - PER_SOCKET);
  expect(more[1].codes.get('TOO_MANY_SUBSCRIPTIONS')).toBe(2 * PER_SOCKET - (PER_ACCOUNT - PER_SOCKET));
  const t0 = Date.now();
  for (let i = 0; i < 300 && (await activeSubscriptions()) < PER_ACCOUNT; i++) await sleep(50);
  const setUpMs = Date.now() - t0;
  expect(await activeSubscriptions()).toBe(PER_ACCOUNT);
  // another account still subscribes
  const other = await abuse(1, victimToken);
  await sleep(300);
  expect(other.accepted()).toBe(1);
  expect(other.codes.size).toBe(0);

  for (const a of [abuser, ...more, other]) a.ws.close(1000);
  const closes = await Promise.all([abuser, ...more, other].map((a) => a.closed));
  for (let i = 0; i < 100 && (await activeSubscriptions()) > 0; i++) await sleep(50);
  expect(await activeSubscriptions()).toBe(0);
  await sleep(2000);
  const rssAfter = rssMb();
  const after = await victim(100).done;
  process.stdout.write(
    `subscription flood: victim p50/p99 quiet ${quiet.p50.toFixed(1)}/${quiet.p99.toFixed(1)} ms, during ${FLOOD} subscriptions on one socket ${during.p50.toFixed(1)}/${during.p99.toFixed(1)} ms, after ${after.p50.toFixed(1)}/${after.p99.toFixed(1)} ms; ` +
    `abuser: ${abuser.accepted()} accepted, ${JSON.stringify(Object.fromEntries(abuser.codes))} refused; set-up of the account's last ${PER_ACCOUNT - PER_SOCKET} after ${setUpMs} ms; gateway RSS ${rssBefore.toFixed(0)} → ${rssPeak.toFixed(0)} → ${rssAfter.toFixed(0)} MB; closes ${JSON.stringify(closes)}\n`,
  );
  expect(quiet.failed + during.failed + after.failed).toBe(0);
  expect(during.p50 - quiet.p50).toBeLessThan(5);
  expect(rssAfter - rssBefore).toBeLessThan(60);
}, 180_000);
