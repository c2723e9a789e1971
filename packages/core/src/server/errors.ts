import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isExpectedError } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import { databaseTrouble, serviceUnavailable } from './database-errors';
import { describeDatabaseError, describeError } from '../util/error-shape';

/** Codes Apollo itself assigns to client mistakes; safe to show. */
const CLIENT_CODES = new Set([
  'SERVICE_UNAVAILABLE', 'TRANSACTION_FAILED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/** True when the error is a client's mistake or an expected domain error. */
export function isClientError(error: unknown): boolean {
  const code = (error as GraphQLError)?.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) return true;
  const original = unwrapResolverError(error);
  if (isExpectedError(original)) return true;
  // Errors raised as GraphQL errors on purpose (validation, coercion, limits) wrap nothing.
  return original instanceof GraphQLError && !original.originalError;
}

/** Unexpected errors reach clients as a generic message with the request id; details go to the log. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  // Apollo re-labels every validation error; keep the code of our limit rules.
  const original = (error as GraphQLError)?.originalError as GraphQLError | undefined;
  if (original?.extensions?.code === 'QUERY_TOO_COMPLEX' || original?.extensions?.code === 'BAD_USER_INPUT') return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  if (isClientError(error)) return formatted;
  const id = requestId ?? (formatted.extensions?.requestId as string | undefined);
  // A database that is away is the service's trouble, not the client's: retry later.
  if (databaseTrouble(error) === 'unavailable') {
    const { message, extensions } = serviceUnavailable(id);
    const { http: _http, ...rest } = extensions;
    return { message, locations: formatted.locations, path: formatted.path, extensions: rest };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestId ?? (formatted.extensions?.requestId as string | undefined) },
  };
}

/**
 * Apollo's `formatError`: masks, and logs one JSON line per error worth a line. Limit
 * rejections are a client's doing (info, the rule and its numbers); a database away is
 * a warning; only unexpected errors are errors. Never a message or `detail` of a driver
 * error (they quote row values) and never a stack's first line (it repeats the message).
 */
export function errorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = maskError(formatted, error);
    const ext = masked.extensions ?? {};
    if (ext.code === 'QUERY_TOO_COMPLEX') log.info('query refused by a limit', { requestId: ext.requestId, limit: ext.limit, actual: ext.actual, max: ext.max });
    else if (ext.code === 'SERVICE_UNAVAILABLE') log.warn('database unavailable', { requestId: ext.requestId, ...describeDatabaseError(unwrapResolverError(error)) });
    else if (ext.code === 'INTERNAL_SERVER_ERROR') log.error('unexpected error', { requestId: ext.requestId, ...describeError(unwrapResolverError(error)) });
    return masked;
  };
}
