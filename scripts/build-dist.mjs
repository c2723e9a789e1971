// `pnpm build`: the gateway and its plugins as JavaScript in dist/ (same layout as the
// repository), for the production image. tsc compiles (tsconfig.build.json); then each runtime
// package gets its manifest with entry points moved from src/*.ts to src/*.js, and the files tsc
// does not emit (browser assets served from src/). dist/<package> replaces the source folder.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true }); // nothing stale from deleted sources
execFileSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const runtimePackages = ['packages/core', 'packages/plugin-sdk', ...readdirSync(path.join(root, 'plugins')).map((d) => `plugins/${d}`)]
  .filter((p) => existsSync(path.join(root, p, 'package.json')));

/** `src/x.ts` / `./src/x.ts` -> `.js`, anywhere in main and exports. */
const toJs = (v) => (typeof v === 'string' ? v.replace(/^(\.?\/?src\/.*)\.ts$/, '$1.js')
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJs(x)])) : v);

/** Non-TypeScript files under src/ (dashboard and GraphiQL assets). */
function copyAssets(from, to) {
  for (const entry of readdirSync(from)) {
    const f = path.join(from, entry);
    if (statSync(f).isDirectory()) copyAssets(f, path.join(to, entry));
    else if (!f.endsWith('.ts')) {
      mkdirSync(to, { recursive: true });
      cpSync(f, path.join(to, entry));
    }
  }
}

for (const p of runtimePackages) {
  const pkg = JSON.parse(readFileSync(path.join(root, p, 'package.json'), 'utf8'));
  if (!existsSync(path.join(dist, p, 'src'))) throw new Error(`dist/${p}/src is missing: tsconfig.build.json does not include it`);
  const { types: _types, devDependencies: _dev, ...rest } = pkg;
  const manifest = { ...rest, ...(pkg.main ? { main: toJs(pkg.main) } : {}), ...(pkg.exports ? { exports: toJs(pkg.exports) } : {}) };
  writeFileSync(path.join(dist, p, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyAssets(path.join(root, p, 'src'), path.join(dist, p, 'src'));
}
process.stdout.write(`dist/: ${runtimePackages.join(', ')}\n`);
