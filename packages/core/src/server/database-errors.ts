import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';

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
];
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** The SQLSTATE of a (possibly wrapped) driver error. */
export function sqlState(error: unknown): string | undefined {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code ?? (e as { sqlState?: unknown }).sqlState;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

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

/**
 * A driver error as it may be logged: the statement's shape (literals replaced) and the
 * SQLSTATE, never the message's values or the `detail` (which quotes row values).
 */
export function describeDatabaseError(error: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { error: (error as Error)?.name ?? 'Error' };
  const state = sqlState(error);
  if (state) out.sqlState = state;
  for (const e of causes(error)) {
    const pg = e as { table?: string; constraint?: string; routine?: string; sql?: string };
    out.table ??= pg.table;
    out.constraint ??= pg.constraint;
    const sql = pg.sql ?? statementOf((e as Error)?.message);
    if (sql && !out.statement) out.statement = statementShape(sql);
  }
  const trouble = databaseTrouble(error);
  if (trouble) out.trouble = trouble;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** MikroORM prefixes driver messages with the statement: `<sql> - <message>`. */
function statementOf(message: string | undefined): string | undefined {
  const m = message?.match(/^\s*((?:select|insert|update|delete|with|set|begin|commit|rollback|savepoint|release)\b[\s\S]*?) - /i);
  return m?.[1];
}

/** Literals out, shape kept: `where name = '张三' and n = 3` → `where name = ? and n = ?`. */
export function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\$[\s\S]*?\$\$/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
}

function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause) {
    seen.add(e);
    yield e;
  }
}
