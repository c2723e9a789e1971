import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exited } from '@gongzhi/testing';

const root = path.resolve(__dirname, '../..');
const mod = (p: string) => `require(${JSON.stringify(path.join(root, p))})`;

/** Runs in the child: one embedded server, stopped and started again on `stop` / `start` lines. */
const SCRIPT = `
const { startEmbeddedPostgres } = ${mod('packages/core/src/db/embedded-postgres.ts')};
const log = ${mod('packages/core/src/util/logger.ts')}.createLogger('warn');
const [dir, port] = [process.argv[1], Number(process.argv[2])];
let db = null;
const start = () => startEmbeddedPostgres(dir, log, port).then((d) => { db = d; console.log('URL ' + d.url); });
const stop = () => (db ? db.stop() : Promise.resolve()).then(() => { db = null; console.log('STOPPED'); });
let queue = start();
require('node:readline').createInterface({ input: process.stdin }).on('line', (l) => {
  queue = queue.then(l === 'stop' ? stop : l === 'start' ? start : () => stop().then(() => process.exit(0)));
});
queue.catch((e) => { console.error(e); process.exit(1); });`;

/**
 * A private embedded PostgreSQL driven from its own process (the package is ESM-only,
 * which jest cannot load), kept in `dir` on `port` so it can be stopped and started in place.
 */
export class PostgresProcess {
  private proc: ChildProcess | null = null;
  private out = '';
  url = '';
  constructor(readonly dir: string, readonly port: number) {}

  async start(): Promise<void> {
    if (!this.proc) {
      this.proc = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SCRIPT, this.dir, String(this.port)], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.stdout!.on('data', (d) => (this.out += d));
      this.proc.stderr!.on('data', (d) => (this.out += d));
    } else this.proc.stdin!.write('start\n');
    this.url = (await this.next(/URL (\S+)/))[1];
  }

  /** Fast shutdown (SIGINT to the server): open connections and transactions are cut. */
  async stop(): Promise<void> {
    this.proc?.stdin!.write('stop\n');
    await this.next(/STOPPED/);
  }

  async close(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    p.stdin!.write('exit\n');
    await exited(p);
  }

  private next(re: RegExp): Promise<RegExpMatchArray> {
    const from = this.out.length;
    return new Promise((resolve, reject) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        const m = this.out.slice(from).match(re);
        if (m) {
          clearInterval(poll);
          resolve(m);
        } else if (Date.now() - t0 > 60_000 || this.proc?.exitCode != null) {
          clearInterval(poll);
          reject(new Error(`embedded PostgreSQL: no ${re} in:\n${this.out}`));
        }
      }, 10);
    });
  }
}
