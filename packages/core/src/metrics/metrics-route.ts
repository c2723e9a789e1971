import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { GatewayMetrics } from './gateway-metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `/metrics` in Prometheus text format. With a token, only `Authorization: Bearer <token>`
 * may scrape it (401 otherwise); without one it is open in development and test, and not
 * served at all in production.
 */
export function metricsRouter(metrics: GatewayMetrics, token: string | null, production: boolean): Router {
  const r = Router();
  if (!token && production) return r;
  const expected = token ? digest(`Bearer ${token}`) : null;
  r.get('/metrics', async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').json({ error: 'metrics need the bearer token of GONGZHI_METRICS_TOKEN' });
      return;
    }
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
