import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { causes, sqlState } from '../util/error-shape';

/**
 * What a database error means for the client. `unavailable`: the database cannot be
 * reached or is shutting down (retry later). `conflict`: a serialization failure or a
 * deadlock (retry the whole operation). `constraint`: a check that failed (retrying
 * the same input fails again). Null: not a database problem we classify.
 */
export type DatabaseTrouble = 'unavailable' | 'conflict' | 'constraint';

const UNAVAILABLE_MESSAGES = [
  'Connection terminated', 'Timeout acquiring a connection', 'connection error and is not queryable',
  'Client was closed', 'the database system is', 'terminating connection', 'server closed the connection',
  'Connection ended unexpectedly', 'Unable to acquire a connection', 'Connection is closed', 'Transaction query already complete',
];
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);


export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  const state = sqlState(error);
  if (state) {
    if (state.startsWith('08') || state.startsWith('57P') || state === '53300' || state === '53000') return 'unavailable';
    if (state === '40001' || state === '40P01') return 'conflict';
    if (state.startsWith('23')) return 'constraint';
    return null;
  }
  for (const e of causes(error)) {
    const errno = (e as { code?: unknown }).code;
    if (typeof errno === 'string' && UNAVAILABLE_ERRNO.has(errno)) return 'unavailable';
    const message = (e as Error)?.message ?? '';
    if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return 'unavailable';
  }
  return null;
}

/** Seconds a client should wait before retrying after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 1;

/** The client's answer while the database is away: HTTP 503, Retry-After, retryable. */
export function serviceUnavailable(requestId?: string): GraphQLError {
  return new GraphQLError('Service temporarily unavailable; retry shortly', {
    extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, requestId, http: retryHttp() },
  });
}

/**
 * The operation ran but its transaction did not commit: nothing was stored.
 * Retryable unless a deferred check rejected the data itself.
 */
export function transactionFailed(trouble: DatabaseTrouble | null, requestId?: string): GraphQLError {
  const retryable = trouble !== 'constraint';
  return new GraphQLError(
    retryable ? 'The change could not be committed and was not stored; retry it' : 'The change violates a check made at commit and was not stored',
    { extensions: { code: 'TRANSACTION_FAILED', retryable, requestId } },
  );
}

/** HTTP status of an answer that carries `retryable`: 503 (with Retry-After) when a retry may succeed. */
export const statusFor = (retryable: boolean): number => (retryable ? 503 : 409);

const retryHttp = () => ({ status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) });

