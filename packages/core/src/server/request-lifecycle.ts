import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { CoreContext } from '../graphql/core-context';
import type { AuditEntry } from '../security/audit';
import type { Logger } from '../util/logger';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { elapsedMs, outcomeOf, reportRequest } from './request-report';
import { sqlCounter } from '../db/orm';
import { beginTenantTransaction } from '../security/tenant-transaction';
import { checkVariableText } from '../security/input-text';
import type { PricedOperation } from '../security/query-cost';
import { touchesNoTable } from './no-table-operation';
import { RETRY_AFTER_SECONDS, statusFor } from './database-errors';
import { endOperation, operationAudit } from './operation-end';
import { negotiateStatus } from './response-media-type';

/**
 * One HTTP operation from start to end: rate limit, the tenant transaction around
 * execution, its COMMIT before the response exists (a failed commit replaces the
 * result with a retryable error), the audit entries, the status for the negotiated media type, a log line (never the variables:
 * they may hold identity numbers and phones) and the SQL statement count header.
 */
export function requestLifecycle(deps: {
  log: Logger;
  metrics: GatewayMetrics;
  exposeSqlCount: boolean;
  rlsOff: boolean;
  admit(ctx: CoreContext): Promise<void>;
  /** The cost limit with this request's variables (the validated document may come from a cache). */
  cost(ctx: CoreContext, op: PricedOperation): Promise<GraphQLError | null>;
  audit(entries: AuditEntry[]): Promise<void>;
}): ApolloServerPlugin<CoreContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let failure: GraphQLError | null = null;
      return {
        async didResolveOperation({ contextValue, request, operation, document, operationName }) {
          const bad = checkVariableText(request.variables);
          if (bad) throw badRequest(bad);
          const tooCostly = await deps.cost(contextValue, { document, operationName, variables: request.variables });
          if (tooCostly) throw badRequest(tooCostly);
          await deps.admit(contextValue);
          // The floor: an operation that can touch no table sends no SQL and holds no connection.
          if (touchesNoTable(operation)) return;
          await beginTenantTransaction(contextValue.em as never, contextValue.services.tenantScope, contextValue.auth.districts, deps.rlsOff);
        },
        async executionDidStart({ contextValue, response }) {
          return {
            async executionDidEnd(executionError) {
              failure = await endOperation(contextValue, !executionError, deps.log);
              if (!failure) return;
              response.body = { kind: 'single', singleResult: { data: null, errors: [failure.toJSON()] } };
              setHttp(response.http, statusFor(failure.extensions.retryable === true));
            },
          };
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) (e.extensions as Record<string, unknown>).requestId ??= contextValue.requestId;
        },
        async willSendResponse(rc) {
          const { response, contextValue, document, errors, operationName, operation } = rc;
          // Paths that never reached execution (limits, rate limit, a failed BEGIN) end here.
          await endOperation(contextValue, false, deps.log);
          if (document) await deps.audit(operationAudit(contextValue, document, errors ?? [], failure)).catch(() => undefined);
          if (codes(rc).includes('SERVICE_UNAVAILABLE')) setHttp(response.http, 503);
          if (response.body.kind === 'single') negotiateStatus(response.http, rc.request.http?.headers.get('accept'), rc.source !== undefined);
          const sql = sqlCounter.getStore()?.count;
          if (deps.exposeSqlCount && sql !== undefined) response.http.headers.set('x-sql-statements', String(sql));
          reportRequest(deps.log, deps.metrics, {
            transport: 'http', requestId: contextValue.requestId, operation: operation?.operation, operationName: operationName ?? null,
            status: response.http.status ?? 200, outcome: outcomeOf(response.body.kind === 'single' ? response.body.singleResult.errors : undefined),
            durationMs: elapsedMs(started), sqlStatements: sql,
          });
        },
      };
    },
  };
}

/** A client's error found before execution: 400, as a validation failure (negotiateStatus may make it 200). */
const badRequest = (e: GraphQLError): GraphQLError => Object.assign(e, { extensions: { ...e.extensions, http: { status: 400 } } });

type Http = GraphQLRequestContextWillSendResponse<CoreContext>['response']['http'];

/** The status, and Retry-After with a 503. */
function setHttp(http: Http, status: number): void {
  http.status = status;
  if (status === 503) http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
}

const codes = ({ response }: GraphQLRequestContextWillSendResponse<CoreContext>): unknown[] =>
  response.body.kind === 'single' ? (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code) : [];
