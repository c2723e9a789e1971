import 'reflect-metadata';
import { releaseSchemaSnapshots } from '../schema/schema-files';

/**
 * `pnpm schema:release core elderly-dining …`: publishes the current version's snapshot of
 * each package named: from then on it is immutable (its hash is in schema/releases/released.json).
 */
try {
  const names = process.argv.slice(2);
  if (!names.length) throw new Error('usage: pnpm schema:release <core|plugin name>…');
  for (const f of releaseSchemaSnapshots({ names })) process.stdout.write(`released schema/releases/${f}\n`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
