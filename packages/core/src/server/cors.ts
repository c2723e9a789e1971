import cors from 'cors';
import type { RequestHandler } from 'express';

/** Headers a browser client may send: the token, JSON bodies, and what Apollo's CSRF check accepts. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * CORS for front ends on other origins: only the configured origins, never credentials (the
 * token travels in `authorization`, not cookies), preflights cached 10 minutes. A foreign
 * origin's preflight gets no allow headers, so its browser refuses the call. Cross-site
 * simple requests are still refused by Apollo's CSRF prevention.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: allowed.has('*') ? '*' : (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}
