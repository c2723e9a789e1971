/**
 * `pnpm bench [name…]`: runs each benchmark in tests/bench (every `*.bench.ts`, or those
 * whose file name contains one of the names given) one after the other, each in its own
 * process, and prints their figures. Exits non-zero when one of them failed.
 *
 *   pnpm bench                      # all
 *   pnpm bench dashboard-fanout     # tests/bench/dashboard-fanout.bench.ts
 *   pnpm bench tests/bench/volunteer-credits.bench.ts -- 500   # arguments after -- go to the benchmarks
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const wanted = (split >= 0 ? argv.slice(0, split) : argv).map((a) => path.basename(a).replace(/\.bench\.ts$/, ''));
const passThrough = split >= 0 ? argv.slice(split + 1) : [];

const all = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.includes(w))) : all;
if (!chosen.length) {
  console.error(`no benchmark matches ${wanted.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

// Benchmarks import workspace packages whose own dependencies (reflect-metadata) plain node
// does not find from tests/; jest resolves them, so give node the same folders.
const nodePath = [path.join(root, 'packages/plugin-sdk/node_modules'), path.join(root, 'packages/core/node_modules'), process.env.NODE_PATH]
  .filter(Boolean).join(path.delimiter);
const failed: string[] = [];
for (const file of chosen) {
  console.log(`\n=== ${file} ===`);
  const t0 = Date.now();
  const res = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, file), ...passThrough], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: nodePath },
  });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (res.status !== 0) failed.push(file);
  console.log(`=== ${file}: ${res.status === 0 ? 'done' : `FAILED (${res.status ?? res.signal})`} in ${s} s ===`);
}
if (failed.length) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
