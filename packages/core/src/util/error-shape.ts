/**
 * Errors as they may be logged: never a driver message's values, a `detail` (it quotes
 * row values) or a stack's first line (it repeats the message). Used by the logger for
 * every `Error` and every `error` string it is given.
 */

/** The SQLSTATE of a (possibly wrapped) driver error. */
export function sqlState(error: unknown): string | undefined {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code ?? (e as { sqlState?: unknown }).sqlState;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

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
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The database's own reason, without the statement MikroORM puts before it (it may carry secrets). */
export function driverReason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const statement = statementOf(message);
  return (statement ? message.slice(message.indexOf(statement) + statement.length + 3) : message).split('\n')[0].trim();
}

/** MikroORM prefixes driver messages with the statement: `<sql> - <message>`. */
function statementOf(message: string | undefined): string | undefined {
  // Greedy to the last ` - `: a literal holding ` - ` must not leave its tail in the reason.
  const m = message?.match(/^\s*(?:\w+: )?((?:select|insert|update|delete|with|set|begin|commit|rollback|savepoint|release|create|alter|drop|grant|revoke)\b[\s\S]*) - /i);
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

/** An error of any kind: driver errors by shape, others by name and message; stack frames only. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: scrubMessage(String(error)) };
  const frames = (error.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at ')).slice(0, 8).map((l) => l.trim());
  const db = describeDatabaseError(error);
  const base = db.sqlState || db.statement ? db : { error: error.name, message: scrubMessage(error.message) };
  return { ...base, stack: frames };
}

/** A driver message (`<sql> - <reason>`) as the statement's shape and the reason without quoted values; others capped. */
export function scrubMessage(message: string): string {
  const sql = statementOf(message);
  if (!sql) return message.slice(0, 500);
  const reason = message.slice(message.indexOf(sql) + sql.length + 3).replace(/"[^"]*"|'[^']*'/g, '?').slice(0, 300);
  return `${statementShape(sql)} - ${reason}`;
}

export function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause) {
    seen.add(e);
    yield e;
  }
}
