import type { WebSocket } from 'ws';

/**
 * Every close the gateway sends on its own, code and reason: a fixed set, never an
 * error's message. graphql-ws' protocol closes (4400, 4401, 4403 Forbidden, 4408, 4409,
 * 4429) are its own fixed texts, and its 4500 says only "Internal server error".
 */
export const WS_CLOSE = {
  goingAway: [1001, 'Going away'],
  /** After a protocol error ws has already answered (1009 for a frame too large). */
  protocolError: [1011, 'Internal server error'],
  tokenExpired: [4403, 'Token expired'],
  grantsChanged: [4403, 'Grants changed'],
  sessionEnded: [4403, 'Session ended'],
} as const satisfies Record<string, readonly [number, string]>;

export function closeSocket(socket: WebSocket, why: keyof typeof WS_CLOSE): void {
  const [code, reason] = WS_CLOSE[why];
  socket.close(code, reason);
}
