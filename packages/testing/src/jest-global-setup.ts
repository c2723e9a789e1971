import path from 'node:path';
import { createLogger } from '@gongzhi/core/src/util/logger';
import { startEmbeddedPostgres } from '@gongzhi/core/src/db/embedded-postgres';

/** Without DATABASE_URL, tests get a real PostgreSQL: the embedded one, in .data/test-pg. */
export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const root = path.resolve(__dirname, '../../..');
  // One folder per run: concurrent test runs must not take each other's server for a crashed one.
  const dir = path.join(root, '.data', 'test', `run-${process.pid}`);
  const db = await startEmbeddedPostgres(dir, createLogger('warn'), 54339);
  (globalThis as Record<string, unknown>).__GONGZHI_EMBEDDED_DIR__ = dir;
  process.env.DATABASE_URL = db.url;
  (globalThis as Record<string, unknown>).__GONGZHI_EMBEDDED__ = db;
}
