import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isExpectedError } from '@gongzhi/plugin-sdk';

/** Codes Apollo itself assigns to client mistakes; safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/** True when the error is a client's mistake or an expected domain error. */
export function isClientError(error: unknown): boolean {
  const code = (error as GraphQLError)?.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) return true;
  const original = unwrapResolverError(error);
  if (isExpectedError(original)) return true;
  // graphql-js's own validation and coercion errors carry no original error.
  return original instanceof GraphQLError && !original.originalError && !code;
}

/** Unexpected errors reach clients as a generic message with the request id; details go to the log. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  if (isClientError(error)) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestId ?? (formatted.extensions?.requestId as string | undefined) },
  };
}
