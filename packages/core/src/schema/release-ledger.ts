import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Which release snapshots are published, and their sha256: `schema/releases/released.json`.
 * Only `pnpm schema:release` adds to it; a listed snapshot is never rewritten. A snapshot not
 * listed is unreleased and is regenerated freely. Entries are checked against the file as it
 * stood in every commit of the git history too, so deleting a snapshot together with its
 * entry does not pass either.
 */
export const LEDGER = 'released.json';

export type Ledger = Record<string, string>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readLedger(releasesDir: string): Ledger {
  const file = path.join(releasesDir, LEDGER);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Ledger) : {};
}

export function writeLedger(releasesDir: string, ledger: Ledger): void {
  const sorted = Object.fromEntries(Object.entries(ledger).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(path.join(releasesDir, LEDGER), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Every entry the ledger ever had in the repository's history (empty outside a git checkout). */
function historicalEntries(repoRoot: string, ledgerPath: string): Ledger {
  const git = (...args: string[]) => execFileSync('git', ['-C', repoRoot, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const all: Ledger = {};
  let commits: string[];
  try {
    commits = git('log', '--format=%H', '--', ledgerPath).split('\n').filter(Boolean);
  } catch {
    return all;
  }
  for (const c of commits) {
    try {
      Object.assign(all, JSON.parse(git('show', `${c}:${ledgerPath}`)) as Ledger);
    } catch {
      // the file was deleted in that commit
    }
  }
  return all;
}

/** Published snapshots that are missing, edited, or dropped from the ledger. */
export function ledgerProblems(releasesDir: string, repoRoot: string): string[] {
  const problems: string[] = [];
  const ledger = readLedger(releasesDir);
  const ledgerPath = path.relative(repoRoot, path.join(path.resolve(repoRoot, 'schema', 'releases'), LEDGER));
  for (const [file, hash] of Object.entries(historicalEntries(repoRoot, ledgerPath))) {
    if (ledger[file] !== hash) problems.push(`schema/releases/${file} was published (see git log -- schema/releases/${LEDGER}) but its ledger entry was removed or changed`);
  }
  for (const [file, hash] of Object.entries(ledger)) {
    const p = path.join(releasesDir, file);
    if (!fs.existsSync(p)) problems.push(`schema/releases/${file} is published but missing: restore it from git, never regenerate a release`);
    else if (sha256(fs.readFileSync(p, 'utf8')) !== hash) problems.push(`schema/releases/${file} was edited after its release: restore it from git`);
  }
  return problems;
}
