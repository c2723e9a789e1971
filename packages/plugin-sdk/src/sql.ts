import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';

type Params = readonly unknown[];

const sqlOf = (em: EntityManager) => em as unknown as SqlEntityManager;

/**
 * Raw SQL on `em`'s connection: inside its transaction when it has one (a request's `ctx.em`
 * or an event handler's / job's `em`). `?` placeholders; an array parameter expands to a
 * list (`in (?)`, never empty) — for a list of any length as one parameter use `TEXT_ARRAY`.
 */
export function sqlRows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: Params = []): Promise<T[]> {
  return sqlOf(em).execute<T[]>(sql, params as never[], 'all');
}

/** The first row, or null (`insert … returning *`, `update … where … returning *`). */
export async function sqlRow<T = Record<string, unknown>>(em: EntityManager, sql: string, params: Params = []): Promise<T | null> {
  return (await sqlRows<T>(em, sql, params))[0] ?? null;
}

/** Runs an UPDATE / DELETE / INSERT without `returning`; the number of rows it changed. */
export async function sqlRun(em: EntityManager, sql: string, params: Params = []): Promise<number> {
  const res = (await sqlOf(em).execute(sql, params as never[], 'run')) as { affectedRows?: number };
  return res.affectedRows ?? 0;
}

/** A text[] built from one `textArray(values)` parameter, however many values (no list expansion). */
export const TEXT_ARRAY = 'array(select jsonb_array_elements_text(?::jsonb))';
export const textArray = (values: readonly string[]): string => JSON.stringify(values);
