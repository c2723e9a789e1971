import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pendingMigrations, type MigrationPackage } from '../db/migrate';

/** `/healthz`: the process is up. `/readyz`: the database answers on both connections (system and request role) and every migration is applied. */
export function healthRouter(orm: () => MikroORM | null, requestOrm: () => MikroORM | null, packages: () => MigrationPackage[], shuttingDown: () => boolean): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const o = orm();
    if (!o || shuttingDown()) {
      res.status(503).json({ status: shuttingDown() ? 'shutting down' : 'starting' });
      return;
    }
    try {
      await o.em.fork().execute('select 1');
      await requestOrm()?.em.fork().execute('select 1');
      const pending = await pendingMigrations(o, packages());
      if (pending.length) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (e) {
      res.status(503).json({ status: 'database unreachable', error: String(e).slice(0, 200) });
    }
  });
  return r;
}
