import { spawn } from 'node:child_process';
import { exited, startGatewayProcess } from '@gongzhi/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { Client } from 'pg';

/**
 * The real process as README starts it, on an embedded PostgreSQL in a fresh data
 * folder: first start (initdb), graceful SIGTERM, warm restart, kill -9 and recovery.
 */
const root = path.resolve(__dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-life-'));
/** The README path: no DATABASE_URL, so an embedded PostgreSQL in a fresh data folder. */
const env = (): Record<string, string | undefined> => ({ PORT: '0', GONGZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: undefined });

const startGateway = (extra: Record<string, string> = {}) => startGatewayProcess({ ...env(), ...extra });

async function gql(url: string, query: string, token?: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
  return res.json();
}
const demoLogin = async (url: string) =>
  (await gql(url, 'mutation { login(username: "district.admin", password: "gongzhi-demo-2026") { accessToken } }')).data.login.accessToken as string;

const timings: Record<string, number> = {};

afterAll(() => {
  process.stdout.write(`start-to-ready: first start (initdb + seed) ${timings.first} ms, warm restart ${timings.warm} ms, after kill -9 ${timings.crash} ms\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('first start initialises the embedded database, migrates, seeds, and serves the graph', async () => {
  const g = await startGateway();
  timings.first = g.ms;
  const body = await gql(g.url, '{ districts { nodes { name divisionCode stats { residentCount } } } }', await demoLogin(g.url));
  expect(body.data.districts.nodes).toEqual([{ name: '青溪区', divisionCode: '330199', stats: { residentCount: expect.any(Number) } }]);
  expect(body.data.districts.nodes[0].stats.residentCount).toBeGreaterThanOrEqual(300);
  expect((await fetch(`${g.url}/readyz`)).status).toBe(200);
  // JIT off: it recompiles expensive statements on every run (README, "Your own PostgreSQL")
  const port = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  const pg = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/gongzhi` });
  await pg.connect();
  expect((await pg.query('show jit')).rows[0].jit).toBe('off');
  await pg.end();

  // graceful shutdown: open sockets are closed with 1001, the process exits 0
  const ws = new WebSocket(g.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise((r) => ws.once('message', r));
  const closeCode = new Promise<number>((r) => ws.once('close', (c) => r(c)));
  g.proc.kill('SIGTERM');
  expect(await closeCode).toBe(1001);
  expect(await exited(g.proc)).toBe(0);
}, 120_000);

test('a warm restart keeps the data and does not seed twice', async () => {
  const g = await startGateway();
  timings.warm = g.ms;
  expect((await gql(g.url, '{ districts { totalCount } }', await demoLogin(g.url))).data.districts.totalCount).toBe(1);
  g.proc.kill('SIGKILL'); // crash: leaves the database running and postmaster.pid behind
  await exited(g.proc);
}, 120_000);

test('after kill -9 the next start recovers from the stale lock and comes up', async () => {
  expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
  const g = await startGateway();
  timings.crash = g.ms;
  expect((await fetch(`${g.url}/readyz`)).status).toBe(200);
  g.proc.kill('SIGINT');
  expect(await exited(g.proc)).toBe(0);
  expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
}, 120_000);

test('bad configuration stops the start with one clear message per bad value', async () => {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/core/src/main.ts'], {
    cwd: root, env: { ...(process.env as Record<string, string>), PORT: 'eighty', GONGZHI_PAGE_SIZE_MAX: '0', DATABASE_URL: 'mysql://x' },
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  expect(await exited(proc)).toBe(2);
  expect(err).toContain('PORT="eighty" must be an integer from 0 to 65535');
  expect(err).toContain('GONGZHI_PAGE_SIZE_MAX="0" must be an integer from 1 to 1000');
  expect(err).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
}, 60_000);

test('pnpm db:migrate applies every package’s migrations once; running it again is a no-op', async () => {
  const { createScratchDatabase } = await import('@gongzhi/testing');
  const db = await createScratchDatabase();
  try {
    const run = () => new Promise<{ code: number | null; out: string }>((resolve) => {
      const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/core/src/cli/migrate.ts'], {
        cwd: root, env: { ...(process.env as Record<string, string>), DATABASE_URL: db.url, GONGZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      });
      let out = '';
      proc.stdout!.on('data', (d) => (out += d));
      proc.stderr!.on('data', (d) => (out += d));
      proc.once('exit', (code) => resolve({ code, out }));
    });
    const first = await run();
    expect(first.code).toBe(0);
    const { coreMigrations } = await import('@gongzhi/core/src/migrations');
    expect(first.out).toContain(`core: ${coreMigrations.map((m) => m.name).join(', ')}\n`);
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^core: up to date$/m);
    expect(second.out).not.toMatch(/Migration2026/);
  } finally {
    await db.drop();
  }
}, 120_000);
