import { GraphQLError } from 'graphql';

export interface AdmissionLimits {
  /** Operations in flight on one socket (subscriptions until they end, queries and mutations until answered). */
  perSocket: number;
  /** The same, summed over an account's sockets on this gateway (anonymous sockets: per client address). */
  perAccount: number;
  /** Operations of one account running database work at once; the rest wait their turn in this process. */
  concurrentPerAccount: number;
}

export const tooManySubscriptions = (limit: 'socket' | 'account', max: number) =>
  new GraphQLError(`Too many operations open on this ${limit} (at most ${max}); complete some first`, {
    extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit, max },
  });

/** Thrown to work still waiting for its turn when its socket closed. */
export class SocketClosed extends Error {
  constructor() {
    super('socket closed');
  }
}

/** Work waiting for its turn; `cancel` takes it out of the line (its socket closed). */
export interface Ticket { cancel(): void }

/** One account's share of database work: at most `max` at once, first come first served. */
class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number, private readonly onIdle: () => void) {}

  async run<T>(fn: () => Promise<T>, onWait: (t: Ticket) => () => void): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve, fail) => {
        const start = () => (done(), resolve());
        const done = onWait({
          cancel: () => {
            const i = this.waiting.indexOf(start);
            if (i >= 0) this.waiting.splice(i, 1);
            fail(new SocketClosed());
          },
        });
        this.waiting.push(start);
      });
    } else this.running++;
    try {
      return await fn();
    } finally {
      // the turn passes to the next in line (running stays) or is given back
      const next = this.waiting.shift();
      if (next) next();
      else if (--this.running === 0) this.onIdle();
    }
  }

  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }
}

/**
 * One gateway's admission of graphql-ws operations: a slot per operation, taken before any
 * work and given back exactly once (when it ends or its socket closes), counted per socket
 * and per account; and each account's database work taken in turns, so one client's flood
 * queues behind itself instead of in front of everyone else in the connection pool.
 */
export class WebSocketAdmission {
  private readonly held = new Map<string, number>();
  private readonly turns = new Map<string, Turns>();
  constructor(readonly limits: AdmissionLimits) {}

  /** Nothing held and nothing running: the account leaves no trace. */
  private forget(account: string): void {
    if (!this.held.has(account) && this.turns.get(account)?.idle !== false) this.turns.delete(account);
  }

  /** A socket of `account`: its slots, its turns, and `close()` that gives everything back. */
  socket(account: string) {
    const open = new Set<() => void>();
    const waiting = new Set<Ticket>();
    let closed = false;
    const turns = () => {
      let t = this.turns.get(account);
      if (!t) this.turns.set(account, (t = new Turns(this.limits.concurrentPerAccount, () => this.forget(account))));
      return t;
    };
    return {
      /** A release function, or the limit that refuses the operation. */
      take: (): (() => void) | GraphQLError => {
        if (open.size >= this.limits.perSocket) return tooManySubscriptions('socket', this.limits.perSocket);
        const n = this.held.get(account) ?? 0;
        if (n >= this.limits.perAccount) return tooManySubscriptions('account', this.limits.perAccount);
        this.held.set(account, n + 1);
        const release = () => {
          if (!open.delete(release)) return;
          const left = (this.held.get(account) ?? 1) - 1;
          if (left > 0) this.held.set(account, left);
          else this.held.delete(account);
          this.forget(account);
        };
        open.add(release);
        return release;
      },
      /** Runs database work in the account's turn; throws SocketClosed once the socket is gone. */
      inTurn: <T>(fn: () => Promise<T>): Promise<T> => {
        if (closed) return Promise.reject(new SocketClosed());
        return turns().run(fn, (ticket) => (waiting.add(ticket), () => waiting.delete(ticket)));
      },
      close: () => {
        closed = true;
        for (const ticket of [...waiting]) ticket.cancel();
        for (const release of [...open]) release();
      },
    };
  }
}

export type SocketAdmission = ReturnType<WebSocketAdmission['socket']>;
