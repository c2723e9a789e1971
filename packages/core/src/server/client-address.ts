import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type ClientAddress = (req: IncomingMessage) => string | null;

/**
 * The client's address for rate limits, the login lockout and logs, the same for HTTP and
 * WebSocket upgrades. Behind a reverse proxy every socket comes from the proxy, so
 * `X-Forwarded-For` is read, but only through the hops `trust` names (a forged header from
 * a client is not a hop the gateway trusts).
 *   trust: null (the socket's peer), a hop count ("1"), or addresses/CIDRs/names
 *   ("loopback", "10.0.0.0/8,172.16.0.0/12") as Express's `trust proxy` takes them.
 */
export function clientAddressOf(trust: string | null): ClientAddress {
  if (!trust) return (req) => req.socket.remoteAddress ?? null;
  const hops = /^\d+$/.test(trust) ? Number(trust) : null;
  const trusted = hops !== null ? (_addr: string, i: number) => i < hops : proxyaddr.compile(trust.split(',').map((s) => s.trim()).filter(Boolean));
  return (req) => (req.socket.remoteAddress ? proxyaddr(req as Parameters<typeof proxyaddr>[0], trusted) : null);
}

/** Config check: what `clientAddressOf` would refuse. */
export function trustProxyProblem(trust: string | null): string | null {
  if (!trust || /^\d+$/.test(trust)) return null;
  try {
    proxyaddr.compile(trust.split(',').map((s) => s.trim()).filter(Boolean));
    return null;
  } catch (e) {
    return `GONGZHI_TRUST_PROXY: ${(e as Error).message} (addresses, CIDRs, loopback/linklocal/uniquelocal, or a hop count)`;
  }
}
