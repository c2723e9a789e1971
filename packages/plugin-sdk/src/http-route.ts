import type { GongzhiContext } from './context';

/** What a plugin's HTTP route answers with (200 unless `status` says otherwise). */
export interface HttpReply {
  status?: number;
  /** e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  body: string | Buffer;
  /** Sent as an attachment under this name (UTF-8 names allowed). */
  filename?: string;
}

/**
 * A GET endpoint a plugin serves beside the graph, at `/plugins/<plugin name><path>` (for
 * downloads such as CSV files that a browser saves). The host authenticates the Bearer token
 * (none or a bad one: 401), applies the rate limits, and calls `handle` inside the caller's
 * tenant transaction with the context a resolver gets, so the plugin checks permissions as in
 * a resolver. A GongzhiError thrown answers JSON `{ error: { code, message, field? } }` with
 * BAD_USER_INPUT 400, FORBIDDEN and PROGRAM_NOT_ENABLED 403, NOT_FOUND 404, CONFLICT 409;
 * anything else 500 without detail. `query` holds each query parameter given once.
 */
export interface HttpRoute {
  /** `/` and then lower-case letters, digits, `-`, `_`, `.` and `/`. */
  path: string;
  handle(ctx: GongzhiContext, query: Readonly<Record<string, string>>): Promise<HttpReply>;
}
