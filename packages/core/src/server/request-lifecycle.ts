import type { ApolloServerPlugin } from '@apollo/server';
import type { CoreContext } from '../graphql/core-context';
import type { AuditEntry } from '../security/audit';
import type { Logger } from '../util/logger';
import { sqlCounter } from '../db/orm';
import { mutationAudit } from '../security/mutation-audit';
import { beginTenantTransaction, endTenantTransaction } from '../security/tenant-transaction';

/**
 * One HTTP operation from start to end: rate limit, the tenant transaction around
 * execution, its commit, the audit entries, a log line (never the variables: they may
 * hold identity numbers and phones) and the SQL statement count header.
 */
export function requestLifecycle(deps: {
  log: Logger;
  exposeSqlCount: boolean;
  rlsOff: boolean;
  admit(ctx: CoreContext): Promise<void>;
  audit(entries: AuditEntry[]): Promise<void>;
}): ApolloServerPlugin<CoreContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          await deps.admit(contextValue);
          await beginTenantTransaction(contextValue.em as never, contextValue.auth.districts, deps.rlsOff);
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) (e.extensions as Record<string, unknown>).requestId ??= contextValue.requestId;
        },
        async willSendResponse({ response, contextValue, document, errors, operationName, operation }) {
          deps.log.debug('request', {
            requestId: contextValue.requestId, operation: operation?.operation, operationName,
            account: contextValue.actor?.accountId, errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          });
          await endTenantTransaction(contextValue.em as never, true).catch(async (e) => {
            deps.log.error('request transaction failed to commit', { requestId: contextValue.requestId, error: String(e) });
            await endTenantTransaction(contextValue.em as never, false).catch(() => undefined);
          });
          if (document) {
            await deps.audit([...mutationAudit(contextValue, document, errors ?? []), ...contextValue.pendingAudit.splice(0)]).catch(() => undefined);
          }
          const store = deps.exposeSqlCount ? sqlCounter.getStore() : undefined;
          if (store) response.http.headers.set('x-sql-statements', String(store.count));
        },
      };
    },
  };
}
