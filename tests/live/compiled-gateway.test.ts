import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createScratchDatabase, exited, repoRoot } from '@gongzhi/testing';

/**
 * What the production image runs, without Docker: `pnpm build`, then the packages laid out
 * as docker/Dockerfile's build stage lays them out (dist/<package> over each package folder,
 * its node_modules beside it) in a folder of its own, started with plain `node` in production
 * mode. Nothing may load TypeScript: the folder holds no .ts file and no loader is given.
 */
let app: string;
let proc: ChildProcess | null = null;
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
const runtime = ['packages/core', 'packages/plugin-sdk', ...fs.readdirSync(path.join(repoRoot, 'plugins')).map((d) => `plugins/${d}`)];

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-dist.mjs')], { cwd: repoRoot, stdio: 'pipe' });
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-compiled-'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules'));
  for (const p of runtime) {
    fs.cpSync(path.join(repoRoot, 'dist', p), path.join(app, p), { recursive: true });
    // the workspace's links, kept relative (as cp -a keeps them): @gongzhi/plugin-sdk is the compiled one next door
    fs.cpSync(path.join(repoRoot, p, 'node_modules'), path.join(app, p, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  db = await createScratchDatabase();
}, 300_000);
afterAll(async () => {
  if (proc && proc.exitCode === null) {
    proc.kill('SIGTERM');
    await exited(proc);
  }
  await db?.drop();
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.name === 'node_modules' ? [] : e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);

test('the build holds JavaScript only, with every package entry point moved to .js', () => {
  for (const p of runtime) {
    const all = files(path.join(app, p));
    expect(all.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(app, p, 'package.json'), 'utf8'));
    expect(fs.existsSync(path.join(app, p, pkg.main))).toBe(true);
    for (const target of Object.values<string>(pkg.exports ?? {})) expect(fs.existsSync(path.join(app, p, target))).toBe(true);
  }
  expect(fs.existsSync(path.join(app, 'packages/core/src/server/dashboard-assets/dashboard.js'))).toBe(true);
});

test('node packages/core/src/main.js starts in production mode on PostgreSQL and is ready', async () => {
  proc = spawn(process.execPath, ['packages/core/src/main.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      GONGZHI_JWT_SECRET: randomBytes(32).toString('hex'), GONGZHI_DATA_KEY: randomBytes(32).toString('base64'),
      GONGZHI_PLUGIN_DIRS: path.join(app, 'plugins'),
    },
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 90 s:\n${out}`)), 90_000);
    proc!.stdout!.on('data', () => {
      const m = out.match(/ready: (http:\/\/[\d.:]+)\/graphql/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc!.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(res.status).toBeLessThan(500);
  expect(out).not.toMatch(/\.ts\b.*(error|Error)/);
  proc.kill('SIGTERM');
  expect(await exited(proc)).toBe(0);
}, 120_000);
