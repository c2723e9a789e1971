import 'reflect-metadata';
import { checkSchemaFiles, writeSchemaFiles } from '../schema/schema-files';

/**
 * `pnpm schema:generate`: refuses when a plugin breaks its published SDL without a
 * major bump, else writes schema/*.graphql and a release snapshot per new version.
 */
async function main(): Promise<void> {
  const blocking = (await checkSchemaFiles()).filter((p) => !p.includes('is stale') && !p.includes('no released SDL'));
  if (blocking.length) {
    process.stderr.write(`${blocking.join('\n')}\n`);
    process.exit(1);
  }
  for (const f of await writeSchemaFiles()) process.stdout.write(`wrote schema/${f}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
