import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, login, startGateway, type GatewayProcess } from '../live/processes';
import { PostgresProcess } from './postgres-process';

/**
 * A real gateway process over a PostgreSQL of its own that the test may stop and start,
 * set up before the suite and removed after it (the machine's shared server is never stopped).
 */
export function gatewayOverOwnPostgres(name: string, env: Record<string, string> = {}): { db: () => PostgresProcess; gateway: () => GatewayProcess } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gz-${name}-`));
  let db: PostgresProcess;
  let g: GatewayProcess;
  beforeAll(async () => {
    db = new PostgresProcess(dir, await freePort());
    await db.start();
    g = await startGateway({ DATABASE_URL: db.url, ...env });
    await login(g.url);
  }, 120_000);
  afterAll(async () => {
    await g?.stop();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => db, gateway: () => g };
}
