import { createHash } from 'node:crypto';

/** Stable hash of an operation and its normalised parameters: what an idempotency key was first used for. */
export function fingerprintOf(operation: string, params: Record<string, unknown>): string {
  const keys = Object.keys(params).sort();
  const canonical = JSON.stringify([operation, keys.map((k) => [k, params[k] ?? null])]);
  return createHash('sha256').update(canonical).digest('hex');
}
