import type { EntityManager, SqlEntityManager } from '@gongzhi/plugin-sdk';

/** Raw SQL on the operation's connection (and its transaction). `?` placeholders. */
export function rows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (em as unknown as SqlEntityManager).execute<T[]>(sql, params as never[], 'all');
}

/** The database refused a row by `constraint` (23505 unique, 23P01 exclusion). */
export function violates(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return (err?.code === '23505' || err?.code === '23P01') && (err.constraint === constraint || !!err.message?.includes(constraint));
}

/** Flushes, turning a refusal by `constraint` into `error` (the race a prior read cannot close). */
export async function flushOr(em: EntityManager, constraint: string, error: () => Error): Promise<void> {
  try {
    await em.flush();
  } catch (e) {
    throw violates(e, constraint) ? error() : e;
  }
}

/** Today in Asia/Shanghai (UTC+8 all year), `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole months (the day clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
