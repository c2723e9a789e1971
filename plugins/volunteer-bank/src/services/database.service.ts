import { createHash } from 'node:crypto';
import type { EntityManager, SqlEntityManager } from '@gongzhi/plugin-sdk';

/** Raw SQL through the operation's EntityManager (and its transaction, when inside one). `?` placeholders. */
export function all<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (em as unknown as SqlEntityManager).execute<T[]>(sql, params as never[], 'all');
}

export async function one<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T | null> {
  const rows = await all<T>(em, sql, params);
  return rows[0] ?? null;
}

/** A text[] parameter: `array(select jsonb_array_elements_text(?::jsonb))` takes this. */
export const textArray = (values: string[]): string => JSON.stringify(values);
export const TEXT_ARRAY = 'array(select jsonb_array_elements_text(?::jsonb))';

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; name?: string; constraint?: string; message?: string };
  const unique = err?.code === '23505' || err?.name === 'UniqueConstraintViolationException';
  return unique && (!constraint || err.constraint === constraint || !!err.message?.includes(constraint));
}

/** Stable hash of an operation and its normalised parameters (idempotency fingerprint). */
export function fingerprintOf(operation: string, params: Record<string, unknown>): string {
  const keys = Object.keys(params).sort();
  const canonical = JSON.stringify([operation, keys.map((k) => [k, params[k] ?? null])]);
  return createHash('sha256').update(canonical).digest('hex');
}
