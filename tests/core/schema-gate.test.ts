import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSchemaFiles, generateSchemaFiles, releaseSchemaSnapshots, schemaDir, writeSchemaFiles } from '@gongzhi/core/src/schema/schema-files';
import { LEDGER } from '@gongzhi/core/src/schema/release-ledger';
import { CORE_VERSION } from '@gongzhi/core/src/version';

/**
 * The gate from the side that would bypass it: a copy of schema/ where a published snapshot
 * is deleted, edited, or dropped from the ledger with its file, and a core that removes a
 * field without a major version. Unreleased snapshots stay regenerable.
 */
let files: Map<string, string>;
let dir: string;
beforeAll(async () => {
  files = await generateSchemaFiles();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-schema-'));
  fs.cpSync(schemaDir, dir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const check = (more: Partial<Parameters<typeof checkSchemaFiles>[0]> = {}) => checkSchemaFiles({ schemaDir: dir, files, ...more });
const rel = (f: string) => path.join(dir, 'releases', f);

test('the copy passes as the repository does, and the core is gated from its own 1.0.0 release', async () => {
  expect(await check()).toEqual([]);
  expect(JSON.parse(fs.readFileSync(rel(LEDGER), 'utf8'))).toHaveProperty(['core@1.0.0.graphql']);
  expect(CORE_VERSION).toBe('1.1.0');
});

test('a deleted published snapshot fails, and regenerating does not bring it back', async () => {
  fs.rmSync(rel('volunteer-bank@1.0.0.graphql'));
  await writeSchemaFiles({ schemaDir: dir, files });
  expect(fs.existsSync(rel('volunteer-bank@1.0.0.graphql'))).toBe(false);
  expect((await check()).join('\n')).toMatch(/volunteer-bank@1\.0\.0\.graphql is published but missing/);
});

test('an edited published snapshot fails, and regenerating does not overwrite it', async () => {
  const edited = fs.readFileSync(rel('elderly-dining@1.0.0.graphql'), 'utf8').replace('type Canteen implements Node {', 'type Canteen implements Node {\n  extra: String');
  fs.writeFileSync(rel('elderly-dining@1.0.0.graphql'), edited);
  await writeSchemaFiles({ schemaDir: dir, files });
  expect(fs.readFileSync(rel('elderly-dining@1.0.0.graphql'), 'utf8')).toBe(edited);
  expect((await check()).join('\n')).toMatch(/elderly-dining@1\.0\.0\.graphql was edited after its release/);
});

test('deleting a snapshot together with its ledger entry fails against the git history', async () => {
  fs.rmSync(rel('core@1.0.0.graphql'));
  const ledger = JSON.parse(fs.readFileSync(rel(LEDGER), 'utf8'));
  delete ledger['core@1.0.0.graphql'];
  fs.writeFileSync(rel(LEDGER), JSON.stringify(ledger));
  expect((await check()).join('\n')).toMatch(/core@1\.0\.0\.graphql was published .* but its ledger entry was removed/);
});

test('the core removing Resident.address without a major version is refused; with 2.0.0 it passes the gate', async () => {
  const core = files.get('core.graphql')!;
  const without = core.replace(/(type Resident implements Node \{[\s\S]*?)\n(\s*"""[^"]*"""\n)?\s*address: String\n/, '$1\n');
  expect(without).not.toEqual(core);
  const dropped = new Map(files).set('core.graphql', without);
  expect((await check({ files: dropped })).join('\n')).toMatch(/core: breaking change to SDL published in 1\.0\.0 needs a major version bump \(now 1\.1\.0\)[\s\S]*address/);
  expect((await check({ files: dropped, coreVersion: '2.0.0' })).join('\n')).not.toMatch(/breaking change/);
});

test('an unreleased snapshot is regenerated; once released it is immutable', async () => {
  const current = `core@${CORE_VERSION}.graphql`;
  fs.writeFileSync(rel(current), '# hand-edited\n');
  expect((await check()).join('\n')).toMatch(/unreleased\) is stale/);
  await writeSchemaFiles({ schemaDir: dir, files });
  expect(fs.readFileSync(rel(current), 'utf8')).toBe(files.get('core.graphql'));
  expect(await check()).toEqual([]);
  releaseSchemaSnapshots({ schemaDir: dir, names: ['core'] });
  fs.writeFileSync(rel(current), `${files.get('core.graphql')}\n# edited after release\n`);
  await writeSchemaFiles({ schemaDir: dir, files });
  expect((await check()).join('\n')).toMatch(new RegExp(`${current.replace(/\./g, '\\.')} was edited after its release`));
  expect(() => releaseSchemaSnapshots({ schemaDir: dir, names: ['core'] })).toThrow(/already released/);
});
