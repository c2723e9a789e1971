import { NotFoundError } from './errors';

/** Relay global ids: base64url("Typename:uuid"). Opaque to clients, stable for caches. */
export function toGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fromGlobalId(globalId: string): { typename: string; id: string } | null {
  let decoded: string;
  try {
    decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  const typename = decoded.slice(0, i);
  const id = decoded.slice(i + 1);
  return UUID.test(id) ? { typename, id } : null;
}

/**
 * Decode a global id that must name one of `typenames`; anything else (malformed,
 * another type) reads as "not found" so ids cannot be probed.
 */
export function decodeId(globalId: string, ...typenames: string[]): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || (typenames.length > 0 && !typenames.includes(parsed.typename))) {
    throw new NotFoundError(typenames[0] ?? 'Object');
  }
  return parsed.id;
}
