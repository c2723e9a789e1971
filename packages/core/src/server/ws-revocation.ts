import type { WebSocket } from 'ws';
import type { Caller } from '../identity/authenticator';
import { databaseTrouble } from './database-errors';
import { closeSocket } from './ws-close';

/** What a socket re-checks: the same header authenticates to the same caller with the same grants. */
export interface SessionWatch {
  recheckMs: number;
  authenticate(header: string | null): Promise<Caller | null>;
  /** Called with an account id whenever this gateway changed that account (revoke, lock, logout…). */
  onIdentityChange(listener: (accountId: string) => void): () => void;
}

const grantsKey = (c: Caller | null) => (c ? c.grants.map((g) => `${g.id}`).sort().join(',') : '');

/**
 * Keeps an open socket honest: every `recheckMs`, and at once when this gateway changes
 * the account, it authenticates again; a session that ended or grants that changed close
 * the socket with 4403 (the client reconnects and gets what it may see now). A database
 * that is away keeps the socket open until the next check.
 */
export function watchSession(socket: WebSocket, header: string | null, caller: Caller | null, watch: SessionWatch): void {
  if (!caller) return;
  let checking = false;
  const check = async () => {
    if (checking || socket.readyState !== socket.OPEN) return;
    checking = true;
    try {
      const now = await watch.authenticate(header);
      if (grantsKey(now) !== grantsKey(caller)) closeSocket(socket, 'grantsChanged');
    } catch (e) {
      if (databaseTrouble(e) !== 'unavailable') closeSocket(socket, 'sessionEnded');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), watch.recheckMs);
  timer.unref();
  const off = watch.onIdentityChange((accountId) => {
    if (accountId === caller.actor.accountId) void check();
  });
  socket.once('close', () => {
    clearInterval(timer);
    off();
  });
}
