import { randomUUID } from 'node:crypto';
import express from 'express';
import { isExpectedError, type GongzhiPlugin, type HttpRoute, UnauthenticatedError } from '@gongzhi/plugin-sdk';
import type { CoreContext } from '../graphql/core-context';
import type { Caller } from '../identity/authenticator';
import type { AuditEntry } from '../security/audit';
import { beginTenantTransaction } from '../security/tenant-transaction';
import { sqlCounter } from '../db/orm';
import type { Logger } from '../util/logger';
import { describeError } from '../util/error-shape';
import { databaseTrouble, RETRY_AFTER_SECONDS } from './database-errors';
import { endOperation } from './operation-end';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, PROGRAM_NOT_ENABLED: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429,
};

/** Query parameters given once as plain strings; repeated or nested ones are left out. */
const plainQuery = (q: express.Request['query']): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));

/**
 * Plugins' GET routes (manifest `routes`) at `/plugins/<name><path>`: one operation each, like a
 * GraphQL request — signed-in caller, rate limits, the tenant transaction (committed before the
 * reply is sent), the plugin's audit records — with errors as JSON `{ errors: [...] }`.
 */
export function pluginRoutes(deps: {
  plugins: GongzhiPlugin[];
  authenticate(header: string | undefined): Promise<Caller | null>;
  createContext(input: { caller: Caller; requestId: string; ip: string | null }): CoreContext;
  admit(ctx: CoreContext): Promise<void>;
  audit(entries: AuditEntry[]): Promise<void>;
  exposeSqlCount: boolean;
  rlsOff: boolean;
  log: Logger;
}): express.Router {
  const router = express.Router();
  for (const plugin of deps.plugins) {
    for (const route of plugin.routes ?? []) {
      router.get(`/plugins/${plugin.name}${route.path}`, (req, res) => sqlCounter.run({ count: 0 }, () => serve(route, req, res)));
    }
  }

  async function serve(route: HttpRoute, req: express.Request, res: express.Response): Promise<void> {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let ctx: CoreContext | null = null;
    try {
      const caller = await deps.authenticate(req.headers.authorization);
      if (!caller) throw new UnauthenticatedError();
      ctx = deps.createContext({ caller, requestId, ip: req.ip ?? null });
      await deps.admit(ctx);
      await beginTenantTransaction(ctx.em as never, ctx.services.tenantScope, ctx.auth.districts, deps.rlsOff);
      const reply = await route.handle(ctx, plainQuery(req.query));
      const failure = await endOperation(ctx, true, deps.log);
      if (failure) throw failure;
      await deps.audit(ctx.pendingAudit.splice(0)).catch(() => undefined);
      if (reply.filename) res.attachment(reply.filename);
      const sql = sqlCounter.getStore()?.count;
      if (deps.exposeSqlCount && sql !== undefined) res.setHeader('x-sql-statements', String(sql));
      res.status(reply.status ?? 200).type(reply.contentType).send(reply.body);
    } catch (e) {
      if (ctx) await endOperation(ctx, false, deps.log);
      refuse(res, e, requestId);
    }
  }

  function refuse(res: express.Response, e: unknown, requestId: string): void {
    if (isExpectedError(e)) {
      const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
      res.status(STATUS[String(extensions.code)] ?? 400).json({ errors: [{ message: e.message, extensions: { ...extensions, requestId } }] });
      return;
    }
    const unavailable = databaseTrouble(e) === 'unavailable';
    if (unavailable) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    else deps.log.error('unexpected error in a plugin route', { requestId, ...describeError(e) });
    const code = unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    res.status(unavailable ? 503 : 500).json({ errors: [{ message: unavailable ? 'Service temporarily unavailable; retry shortly' : 'Internal server error', extensions: { code, requestId } }] });
  }

  return router;
}
