import type { EntityManager } from '@mikro-orm/core';
import { ConflictError } from './errors';

const REFUSALS = new Set(['23505', '23P01']); // unique_violation, exclusion_violation

/**
 * The database refused a row by a unique or exclusion constraint (by `constraint` when named),
 * as pg or MikroORM report it.
 */
export function violatesConstraint(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; name?: string; constraint?: string; message?: string } | null;
  const refused = !!err && (REFUSALS.has(err.code ?? '') || err.name === 'UniqueConstraintViolationException');
  return refused && (!constraint || err!.constraint === constraint || !!err!.message?.includes(constraint));
}

/**
 * Runs `work`; a refusal by `constraint` (any unique/exclusion one when omitted) becomes
 * CONFLICT. For the race a prior read cannot close (two concurrent inserts of one key).
 * Inside a request transaction give `work` its own savepoint (`em.transactional`) when the
 * operation must go on after the refusal.
 */
export async function conflictOn<T>(work: () => Promise<T>, conflict: string | (() => Error), constraint?: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!violatesConstraint(e, constraint)) throw e;
    throw typeof conflict === 'string' ? new ConflictError(conflict) : conflict();
  }
}

/** `em.flush()` under `conflictOn`. */
export const flushOrConflict = (em: EntityManager, conflict: string | (() => Error), constraint?: string): Promise<void> =>
  conflictOn(() => em.flush(), conflict, constraint);
