import path from 'node:path';
import { createLogger } from '@gongzhi/core/src/util/logger';
import { startEmbeddedPostgres } from '@gongzhi/core/src/db/embedded-postgres';

/** Without DATABASE_URL, tests get a real PostgreSQL: the embedded one, in .data/test-pg. */
export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const root = path.resolve(__dirname, '../../..');
  const db = await startEmbeddedPostgres(path.join(root, '.data', 'test'), createLogger('warn'), 54339);
  process.env.DATABASE_URL = db.url;
  (globalThis as Record<string, unknown>).__GONGZHI_EMBEDDED__ = db;
}
