import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * Subscription fan-out without per-subscriber execution. Each subscriber's event would be
 * executed on its own (graphql-ws runs the selection set per subscription, here in a tenant
 * transaction); for a payload marked `shareable` (a dashboard snapshot handed to every
 * subscriber of a node, whose fields are plain data) the result is computed once per
 * (document, operation, variables) and reused by every subscriber asking the same.
 * Authorisation stays per subscriber: it happens when each subscription starts.
 */
const RESULTS = Symbol('gongzhi.sharedResults');

type Shared = { [RESULTS]?: WeakMap<DocumentNode, Map<string, Promise<ExecutionResult>>> };

/** Marks an event payload as the same for every subscriber that receives it. */
export function shareable<T extends object>(payload: T): T {
  Object.defineProperty(payload, RESULTS, { value: new WeakMap(), enumerable: false });
  return payload;
}

/** True for a payload marked `shareable` (its result is computed once for all subscribers). */
export const isShared = (payload: unknown): boolean => !!(payload as Shared | null)?.[RESULTS];

/**
 * The result of one subscription event: `run()` for ordinary payloads; for a `shareable`
 * payload, the first subscriber's `run()` for everyone with the same document, operation
 * and variables (graphql-ws `subscribe` hooks call this around their per-event execute).
 */
export function sharedResult(args: ExecutionArgs, payload: unknown, run: () => Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> {
  const results = (payload as Shared | null)?.[RESULTS];
  if (!results) return Promise.resolve(run());
  let byVars = results.get(args.document);
  if (!byVars) results.set(args.document, (byVars = new Map()));
  const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  let result = byVars.get(key);
  if (!result) byVars.set(key, (result = Promise.resolve(run())));
  return result;
}
