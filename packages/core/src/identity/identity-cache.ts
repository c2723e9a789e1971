import type { Caller } from './authenticator';

type Identity = Omit<Caller, 'expiresAt'>;

/**
 * The caller's identity and grants per session, so a request costs no lookup. Never
 * widens access: an entry lives at most `ttlMs` (the bound for changes made through
 * another gateway), every change made through this gateway drops the account's entries
 * before it answers, and a lookup that raced with a change is not stored (`generation`).
 */
export class IdentityCache {
  private readonly bySession = new Map<string, { identity: Identity; at: number }>();
  private readonly sessionsOf = new Map<string, Set<string>>();
  private readonly listeners = new Set<(accountId: string) => void>();
  /** Accounts changed inside a transaction not yet committed: dropped again once it ends. */
  private readonly pending = new WeakMap<object, Set<string>>();
  /** Bumped by every invalidation; a lookup started before it must not be cached. */
  generation = 0;

  constructor(private readonly ttlMs: number, private readonly max = 50_000) {}

  get(sessionId: string): Identity | null {
    const hit = this.bySession.get(sessionId);
    if (!hit) return null;
    if (Date.now() - hit.at > this.ttlMs) {
      this.drop(sessionId, hit.identity.actor.accountId);
      return null;
    }
    return hit.identity;
  }

  set(sessionId: string, identity: Identity, generation: number): void {
    if (generation !== this.generation || this.ttlMs <= 0) return;
    if (this.bySession.size >= this.max) {
      const [oldest, entry] = this.bySession.entries().next().value!;
      this.drop(oldest, entry.identity.actor.accountId);
    }
    this.bySession.set(sessionId, { identity, at: Date.now() });
    const accountId = identity.actor.accountId;
    this.sessionsOf.set(accountId, (this.sessionsOf.get(accountId) ?? new Set()).add(sessionId));
  }

  /**
   * The account's grants, lock state or sessions changed: forget it and tell listeners
   * (open sockets). Changed inside a transaction (`tx`): again when it ends, since a
   * lookup in between still saw the old rows.
   */
  invalidateAccount(accountId: string, tx?: { isInTransaction(): boolean }): void {
    if (tx?.isInTransaction()) this.pending.set(tx, (this.pending.get(tx) ?? new Set()).add(accountId));
    this.generation++;
    for (const s of this.sessionsOf.get(accountId) ?? []) this.bySession.delete(s);
    this.sessionsOf.delete(accountId);
    for (const l of this.listeners) l(accountId);
  }

  settled(tx: object): void {
    const accounts = this.pending.get(tx);
    this.pending.delete(tx);
    for (const a of accounts ?? []) this.invalidateAccount(a);
  }

  onInvalidate(listener: (accountId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private drop(sessionId: string, accountId: string): void {
    this.bySession.delete(sessionId);
    this.sessionsOf.get(accountId)?.delete(sessionId);
  }
}
