/**
 * Headless Chromium for browser tests, with no step outside `pnpm install`: Debian's
 * `/usr/bin/chromium` when the machine has it, else the binary shipped inside the
 * `@sparticuz/chromium` npm package (decompressed once into the system temp folder).
 * `GONGZHI_CHROMIUM` overrides: a path to a Chromium binary, or `bundled` for the npm one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './gateway-process';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Nothing here may reach out: the network is closed, and a test must not depend on it. */
const ARGS = [
  '--no-sandbox', // tests run as root
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The npm-shipped binary, decompressed into `<tmp>/gongzhi-chromium-<version>/`. The package
 * is ESM-only and unpacks into `os.tmpdir()` with an exists-check (racy between jest workers),
 * so a child process unpacks into a private staging folder that is then renamed into place.
 */
function bundledChromium(): string {
  const entry = require.resolve('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(os.tmpdir(), `gongzhi-chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(os.tmpdir(), { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), `gongzhi-chromium-${version}-`));
  try {
    const script = `import c from ${JSON.stringify(pathToFileURL(entry).href)}; await c.executablePath();`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: staging }, stdio: 'pipe' });
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw e; // else another worker renamed its copy first
  }
  return binary;
}

/** The Chromium binary the browser tests use (see the file comment for the order). */
export function chromiumPath(): string {
  const wanted = process.env.GONGZHI_CHROMIUM;
  if (wanted === 'bundled') return bundledChromium();
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`GONGZHI_CHROMIUM=${wanted} does not exist`);
    return wanted;
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : bundledChromium();
}

/**
 * A fresh headless browser, set up as an officer's (zh-CN, China time); playwright gives each
 * launch its own temporary user-data-dir. Under `LANG=C` Chromium reports `en-US@posix`,
 * which `Intl` (and so uPlot) rejects.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ARGS,
    headless: true,
    timeout: 60_000,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' },
  });
}

/** Where tests save screenshots (`.data/` is gitignored); returns the file path. */
export function screenshotPath(name: string): string {
  const dir = path.join(repoRoot, '.data', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
