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
  // Errors raised as GraphQL errors on purpose (validation, coercion, limits) wrap nothing.
  return original instanceof GraphQLError && !original.originalError;
}

/** Unexpected errors reach clients as a generic message with the request id; details go to the log. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  // Apollo re-labels every validation error; keep the code of our limit rules.
  const original = (error as GraphQLError)?.originalError as GraphQLError | undefined;
  if (original?.extensions?.code === 'QUERY_TOO_COMPLEX') return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  if (isClientError(error)) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestId ?? (formatted.extensions?.requestId as string | undefined) },
  };
}
