import type { EntityManager, SqlEntityManager } from '@gongzhi/plugin-sdk';

/**
 * Runs SQL with `?` placeholders on `em`, inside its transaction when it has one.
 * Arrays expand to lists: use `in (?)` and never pass an empty array.
 */
export function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (em as unknown as SqlEntityManager).execute(sql, params as never[]) as Promise<T[]>;
}

/** Rows changed by an UPDATE/DELETE (method 'run'). */
export async function update(em: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const res = (await (em as unknown as SqlEntityManager).execute(sql, params as never[], 'run')) as { affectedRows?: number };
  return res.affectedRows ?? 0;
}

/** PostgreSQL unique violation (23505), as MikroORM reports it. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; name?: string };
  return err?.code === '23505' || err?.name === 'UniqueConstraintViolationException';
}
