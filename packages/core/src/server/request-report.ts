import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../util/logger';
import type { GatewayMetrics, RequestRecord } from '../metrics/gateway-metrics';

/** One finished operation, HTTP or graphql-ws: what the request log line and the metrics get. */
export interface RequestLine extends RequestRecord {
  requestId: string;
  operation: string | undefined;
  /** HTTP only. */
  status?: number;
}

/** 'ok', or the distinct error codes the client got (an error without one is masked as INTERNAL_SERVER_ERROR). */
export const outcomeOf = (errors: readonly (GraphQLError | GraphQLFormattedError)[] | undefined): RequestRecord['outcome'] => {
  const seen = [...new Set((errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))];
  return seen.length ? seen : 'ok';
};

/** The info line `"msg":"request"` (the operation's name only, never its text or variables) and the metrics. */
export function reportRequest(log: Logger, metrics: GatewayMetrics, line: RequestLine): void {
  const { transport, requestId, operation, operationName, status, outcome, durationMs, sqlStatements } = line;
  log.info('request', { transport, requestId, operation, operationName, ...(status === undefined ? {} : { status }), outcome, durationMs, sqlStatements });
  metrics.request(line);
}

export const elapsedMs = (started: number) => Math.round((performance.now() - started) * 10) / 10;
