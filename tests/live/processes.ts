import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { spawn, type ChildProcess } from 'node:child_process';
import { exited, startGatewayProcess, type GatewayProcess } from '@gongzhi/testing';

/** Helpers for tests that run real gateway processes (and a private redis-server). */
export const root = path.resolve(__dirname, '../..');

/**
 * A plugins folder holding only the fixture plugin (re-exported, so the fixture itself stays a
 * test package); `dashboard`: the variant with a dashboard section (tests/live/fixture-dashboard.ts).
 */
export function fixturePluginDir(opts: { dashboard?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-live-plugins-'));
  fs.mkdirSync(path.join(dir, 'fixture'));
  fs.writeFileSync(path.join(dir, 'fixture', 'package.json'), JSON.stringify({ name: 'fixture-link', main: 'plugin.js', gongzhi: { plugin: true } }));
  const source = opts.dashboard
    ? `module.exports = { default: require(${JSON.stringify(path.join(__dirname, 'fixture-dashboard.ts'))}).fixtureWithDashboard };`
    : `module.exports = require(${JSON.stringify(path.join(root, 'tests/fixtures/fixture-plugin/src/plugin.ts'))});`;
  fs.writeFileSync(path.join(dir, 'fixture', 'plugin.js'), `${source}\n`);
  return dir;
}

export type { GatewayProcess };
export { exited };

/** Every test gateway of a run shares secrets (tokens of one are valid on the other) and has no rate limit. */
const TEST_ENV: Record<string, string> = {
  PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', GONGZHI_SEED_DEMO: 'true',
  GONGZHI_JWT_SECRET: 'live-tests-only-secret-0123456789abcdef', GONGZHI_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  GONGZHI_RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000', GONGZHI_RATE_LIMIT_IP_PER_MINUTE: '1000000',
};

export const startGateway = (env: Record<string, string>, nodeArgs: string[] = []): Promise<GatewayProcess> =>
  startGatewayProcess({ ...TEST_ENV, ...env }, nodeArgs);

/** Access token of the demo platform admin (seeded with the demo district). */
export let token = '';

export async function login(url: string): Promise<string> {
  token = ''; // a token of another test's database would be refused
  const res = await gql<{ login: { accessToken: string } }>(url, 'mutation { login(username: "admin", password: "gongzhi-demo-2026") { accessToken } }');
  if (!res.data) throw new Error(`demo login failed: ${JSON.stringify(res.errors)}`);
  token = res.data.login.accessToken;
  return token;
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: T; errors?: any[] }>;
}

export function wsClient(wsUrl: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: () => ({ authorization: `Bearer ${token}` }) });
}

/** Collects every result of a subscription; `until(n)` waits for n of them. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown>) {
  const items: T[] = [];
  const errors: unknown[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (r) => {
      if (r.errors) errors.push(r.errors);
      if (r.data) items.push(r.data as T);
      for (const w of waiters.filter((w) => items.length >= w.n)) w.resolve();
    },
    error: (e) => errors.push(e),
    complete: () => undefined,
  });
  return {
    items, errors, dispose,
    until: (n: number, timeoutMs = 15_000) => new Promise<void>((resolve, reject) => {
      if (items.length >= n) return resolve();
      const t = setTimeout(() => reject(new Error(`got ${items.length} of ${n} results; errors: ${JSON.stringify(errors)}`)), timeoutMs);
      waiters.push({ n, resolve: () => { clearTimeout(t); resolve(); } });
    }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A private redis-server for outage tests (the machine's shared one is never stopped). */
export class PrivateRedis {
  proc: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', os.tmpdir()], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
      proc.stdout!.on('data', (d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(t);
          resolve();
        }
      });
      proc.once('exit', (c) => reject(new Error(`redis-server exited ${c}:\n${out}`)));
    });
  }
  async stop(): Promise<void> {
    if (!this.proc) return;
    const p = this.proc;
    this.proc = null;
    p.kill('SIGKILL');
    await exited(p);
  }
}

export const ADD_NOTE = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id } }`;
export const EVENTS = `subscription($n: ID!, $a: String) { events(node: $n, after: $a) { cursor name districtId streetId communityId payload } }`;

/** The demo district's ids, with each street's first community. */
export async function demoTree(url: string) {
  if (!token) await login(url);
  const res = await gql(url, `{ districts { nodes { id streets(first: 10) { nodes { id communities(first: 5) { nodes { id } } } } } } }`);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const d = res.data.districts.nodes[0];
  const streets = d.streets.nodes.map((s: any) => ({ id: s.id as string, community: s.communities.nodes[0].id as string }));
  return { district: d.id as string, streets };
}

export async function enableFixture(url: string, district: string): Promise<void> {
  const res = await gql(url, `mutation($d: ID!) { setProgramEnabled(districtId: $d, program: "fixture", enabled: true) { enabled } }`, { d: district });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}
