import Negotiator from 'negotiator';
import type { HeaderMap } from '@apollo/server';

export const APPLICATION_JSON = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The media type of a single GraphQL response, chosen as Apollo chooses it (application/json
 * first, also when there is no Accept); null when the client accepts neither (Apollo answers 406).
 */
export function responseMediaType(accept: string | undefined): string | null {
  if (!accept) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? null;
}

/**
 * GraphQL over HTTP: with `application/json` a well-formed request is answered 200 whatever its
 * GraphQL errors (a 4xx could come from any intermediary); `application/graphql-response+json`
 * keeps the 400 of a response without `data`. `wellFormed`: the request carried a query (one
 * without, or with a non-string one, stays 400, as does a body that is not JSON, which never
 * reaches Apollo). Only 400 changes: 401, 405, 429 and 503 are about the transport.
 */
export function negotiateStatus(http: { status?: number; headers: HeaderMap }, accept: string | undefined, wellFormed: boolean): void {
  const type = responseMediaType(accept);
  if (!type) return;
  http.headers.set('content-type', type);
  if (type === APPLICATION_JSON && http.status === 400 && wellFormed) http.status = 200;
}
