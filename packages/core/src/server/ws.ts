import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError, NoSchemaIntrospectionCustomRule, createSourceEventStream, execute, getOperationAST, parse, validate, specifiedRules,
  type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ValidationRule,
} from 'graphql';
import type { Logger } from '../util/logger';
import type { Caller } from '../identity/authenticator';
import type { CoreContext } from '../graphql/core-context';
import { beginTenantTransaction } from '../security/tenant-transaction';
import { checkVariableText } from '../security/input-text';
import type { PricedOperation } from '../security/query-cost';
import { variableErrors } from './variable-errors';
import type { GraphQLFormattedError } from 'graphql';
import type { AuditEntry } from '../security/audit';
import { errorFormatter } from './errors';
import { endOperation, operationAudit } from './operation-end';
import { isShared, sharedResult } from '../dashboard/shared-execution';
import { sqlCounter } from '../db/orm';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { elapsedMs, outcomeOf, reportRequest } from './request-report';
import { watchSession, type SessionWatch } from './ws-revocation';
import { SocketClosed, WebSocketAdmission, type AdmissionLimits, type SocketAdmission } from './ws-admission';
import { closeSocket } from './ws-close';
import type { ClientAddress } from './client-address';
import { databaseTrouble, serviceUnavailable } from './database-errors';

/** Parsed and validated documents, by text (re-subscribing skips both); no cost: that depends on each operation's variables. */
export class DocumentCache {
  private readonly docs = new Map<string, DocumentNode>();
  hits = 0;
  misses = 0;
  constructor(
    private readonly schema: GraphQLSchema,
    /** In addition to graphql's specified rules, as Apollo's `validationRules`. */
    private readonly rules: readonly ValidationRule[],
    private readonly max = 1000,
    private readonly maxTokens?: number,
    /** Production: as Apollo's `introspection: false` and `hideSchemaDetailsFromClientErrors`. */
    private readonly hideSchema = false,
  ) {
    if (hideSchema) this.rules = [...rules, NoSchemaIntrospectionCustomRule];
  }

  get(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.docs.get(query);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    let doc: DocumentNode;
    try {
      doc = parse(query, { maxTokens: this.maxTokens });
    } catch (e) {
      const err = e as GraphQLError;
      return [new GraphQLError(err.message, { source: err.source, positions: err.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    // Same codes as over HTTP: limit rules keep theirs, the rest are validation failures.
    const errors = validate(this.schema, doc, [...specifiedRules, ...this.rules]).map((err) => {
      if (err.extensions?.code) return err;
      const message = this.hideSchema ? err.message.replace(/ Did you mean .+\?$/, '') : err.message;
      return new GraphQLError(message, { nodes: err.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    });
    if (errors.length) return errors;
    if (this.docs.size >= this.max) this.docs.delete(this.docs.keys().next().value!);
    this.docs.set(query, doc);
    return doc;
  }
}

export interface WebSocketOptions extends Omit<SessionWatch, 'authenticate'> {
  server: Server;
  schema: GraphQLSchema;
  log: Logger;
  metrics: GatewayMetrics;
  initTimeoutMs: number;
  admission: AdmissionLimits;
  rules?: readonly ValidationRule[];
  maxTokens?: number;
  /** No introspection and no field suggestions (production). */
  hideSchema?: boolean;
  authenticate(header: string | null): Promise<Caller | null>;
  clientAddress: ClientAddress;
  context(caller: Caller | null, ip: string | null): CoreContext;
  /** The same caller with a fresh EntityManager (each event of a subscription). */
  refork(ctx: CoreContext): CoreContext;
  beforeOperation(ctx: CoreContext): Promise<void>;
  /** The cost limit with this operation's variables (the document comes from the cache). */
  cost(ctx: CoreContext, op: PricedOperation): Promise<GraphQLError | null>;
  audit(entries: AuditEntry[]): Promise<void>;
}

interface Extra extends Record<PropertyKey, unknown> {
  socket: import('ws').WebSocket;
  request: import('node:http').IncomingMessage;
  caller?: Caller | null;
  expiry?: NodeJS.Timeout;
  admission?: SocketAdmission;
  /** Operations refused by the admission limits (the first writes a request line, the count is logged at close). */
  refused?: number;
}

/** One admitted operation: its slot (given back once, when it ends) and its socket's turns. */
interface Admitted { release: () => void; socket: SocketAdmission }

/**
 * An error thrown outside the resolvers (no connection from the pool, the socket gone) as
 * the client's answer: never its message, and never an exception left to graphql-ws
 * (which would close the socket with it and print a stack).
 */
function thrownAsAnswer(requestId: string | undefined, e: unknown): GraphQLError {
  if (e instanceof SocketClosed) return new GraphQLError('Socket closed', { extensions: { code: 'CLIENT_CLOSED' } });
  if (databaseTrouble(e) === 'unavailable') {
    const { http: _http, ...extensions } = serviceUnavailable(requestId).extensions;
    return new GraphQLError('Service temporarily unavailable; retry shortly', { extensions });
  }
  return new GraphQLError('Internal server error', { originalError: e as Error });
}

/**
 * Runs `fn` in the caller's tenant transaction (role + districts), as HTTP requests do,
 * and commits before anything is sent; a failed COMMIT answers its error instead.
 */
async function inTenant<T>(ctx: CoreContext, log: Logger, fn: () => Promise<T> | T): Promise<{ value: T; failure: null } | { value: null; failure: GraphQLError }> {
  await beginTenantTransaction(ctx.em as never, ctx.services.tenantScope, ctx.auth.districts);
  let value: T;
  try {
    value = await fn();
  } catch (e) {
    await endOperation(ctx, false, log);
    throw e;
  }
  const failure = await endOperation(ctx, true, log);
  return failure ? { value: null, failure } : { value, failure: null };
}

/** One operation's result and its audit entries, commit failure included. */
async function executeAudited(ctx: CoreContext, args: ExecutionArgs, opts: WebSocketOptions): Promise<ExecutionResult> {
  const { value, failure } = await inTenant(ctx, opts.log, () => execute(args));
  const result: ExecutionResult = failure ? { data: null, errors: [failure] } : value;
  const entries = operationAudit(ctx, args.document, result.errors ?? [], failure);
  if (entries.length) await opts.audit(entries).catch(() => undefined);
  return result;
}

/**
 * graphql-ws on the same HTTP server and path as `/graphql`: authentication on connect
 * (connectionParams `authorization`), the same limits and masking as HTTP, and each
 * operation and each subscription event in its own tenant transaction.
 */
export function attachWebSocket(opts: WebSocketOptions) {
  const wss = new WebSocketServer({ server: opts.server, path: '/graphql', maxPayload: 64 * 1024 });
  // graphql-ws prints a socket's error (an oversized frame) as a multi-line console.error;
  // replace its listener, once it is attached, by one JSON line. ws has already closed the
  // socket with the right code (1009 for a frame too large).
  wss.on('connection', (socket) => queueMicrotask(() => {
    socket.removeAllListeners('error');
    socket.on('error', (err: Error & { code?: string }) => {
      opts.log.warn('websocket closed on a protocol error', { code: err.code, reason: err.message.slice(0, 100) });
      if (socket.readyState === socket.OPEN) closeSocket(socket, 'protocolError');
    });
  }));
  let active = 0; // subscriptions streaming now
  const started = new WeakMap<CoreContext, number>();
  const admitted = new WeakMap<CoreContext, Admitted>();
  const admission = new WebSocketAdmission(opts.admission);
  const report = (line: { requestId: string; operation: string | undefined; operationName: string | null }, t0: number, errors: readonly GraphQLError[] | undefined, sql: number) =>
    reportRequest(opts.log, opts.metrics, { transport: 'ws', ...line, outcome: outcomeOf(errors), durationMs: elapsedMs(t0), sqlStatements: sql });
  /** Runs one operation (or a subscription's set-up) counting its SQL, then writes its request line. */
  const measured = async <R>(args: ExecutionArgs, run: () => Promise<R>, errorsOf: (r: R) => readonly GraphQLError[] | undefined): Promise<R> => {
    const ctx = args.contextValue as CoreContext;
    const sql = { count: 0 };
    const result = await sqlCounter.run(sql, run);
    const operation = getOperationAST(args.document, args.operationName)?.operation;
    report({ requestId: ctx.requestId, operation, operationName: args.operationName ?? null }, started.get(ctx) ?? performance.now(), errorsOf(result), sql.count);
    return result;
  };
  const cache = new DocumentCache(opts.schema, opts.rules ?? [], 1000, opts.maxTokens, opts.hideSchema);
  // Same masking and log lines as HTTP; graphql-ws sends these as they are.
  const format = errorFormatter(opts.log);
  const mask = (e: GraphQLError): GraphQLError => format(e.toJSON(), e) as GraphQLFormattedError as GraphQLError;
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: opts.schema,
      isProd: true, // close reasons never carry an error's message, whatever NODE_ENV says
      connectionInitWaitTimeout: opts.initTimeoutMs,
      onConnect: async (ctx) => {
        const p = ctx.connectionParams ?? {};
        const header = (p.authorization ?? p.Authorization ?? (p.token ? `Bearer ${p.token}` : null)) as string | null;
        try {
          ctx.extra.caller = await opts.authenticate(header);
        } catch {
          return false; // closes with 4403 Forbidden
        }
        const expiresAt = ctx.extra.caller?.expiresAt;
        if (expiresAt) {
          ctx.extra.expiry = setTimeout(() => closeSocket(ctx.extra.socket, 'tokenExpired'), Math.max(0, expiresAt.getTime() - Date.now()));
          ctx.extra.expiry.unref();
          ctx.extra.socket.once('close', () => clearTimeout(ctx.extra.expiry));
        }
        watchSession(ctx.extra.socket, header, ctx.extra.caller, opts);
        const socket = admission.socket(ctx.extra.caller?.actor.accountId ?? `ip:${opts.clientAddress(ctx.extra.request)}`);
        ctx.extra.admission = socket;
        ctx.extra.socket.once('close', () => {
          socket.close();
          if ((ctx.extra.refused ?? 0) > 1) opts.log.warn('websocket operations refused by admission limits', { refused: ctx.extra.refused });
        });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const t0 = performance.now();
        const release = ctx.extra.admission!.take();
        const refused = (errors: readonly GraphQLError[], requestId: string = randomUUID(), operation?: string) => {
          if (typeof release === 'function') release();
          report({ requestId, operation, operationName: payload.operationName ?? null }, t0, errors, 0);
          return errors;
        };
        if (typeof release !== 'function') {
          // A flood is counted in full but logged once per socket (and its count at close).
          ctx.extra.refused = (ctx.extra.refused ?? 0) + 1;
          if (ctx.extra.refused === 1) return refused([release]);
          opts.metrics.request({ transport: 'ws', operationName: payload.operationName ?? null, outcome: outcomeOf([release]), durationMs: elapsedMs(t0), sqlStatements: 0 });
          return [release];
        }
        try {
          const doc = cache.get(payload.query);
          if (!(doc as DocumentNode).kind) return refused(doc as readonly GraphQLError[]);
          const operation = getOperationAST(doc as DocumentNode, payload.operationName)?.operation;
          // graphql-ws would answer this itself, past the hooks that give the slot back.
          if (!operation) return refused([new GraphQLError('Unable to identify operation', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })]);
          const bad = checkVariableText(payload.variables);
          if (bad) return refused([bad], undefined, operation);
          const uncoerced = variableErrors(opts.schema, doc as DocumentNode, payload.operationName, payload.variables);
          if (uncoerced.length) return refused(uncoerced, undefined, operation);
          const contextValue = opts.context(ctx.extra.caller ?? null, opts.clientAddress(ctx.extra.request));
          const tooCostly = await opts.cost(contextValue, { document: doc as DocumentNode, operationName: payload.operationName, variables: payload.variables });
          if (tooCostly) return refused([tooCostly], contextValue.requestId, operation);
          try {
            await opts.beforeOperation(contextValue);
          } catch (e) {
            return refused([e instanceof GraphQLError ? e : thrownAsAnswer(contextValue.requestId, e)], contextValue.requestId, operation);
          }
          started.set(contextValue, t0);
          admitted.set(contextValue, { release, socket: ctx.extra.admission! });
          return {
            schema: opts.schema,
            document: doc as DocumentNode,
            variableValues: payload.variables ?? undefined,
            operationName: payload.operationName ?? undefined,
            contextValue,
          };
        } catch (e) {
          return refused([thrownAsAnswer(undefined, e)]);
        }
      },
      execute: async (args: ExecutionArgs) => {
        const ctx = args.contextValue as CoreContext;
        const op = admitted.get(ctx)!;
        try {
          return await measured(args, () => op.socket.inTurn(() => executeAudited(ctx, args, opts)).catch((e): ExecutionResult => ({ errors: [thrownAsAnswer(ctx.requestId, e)] })), (r) => r.errors);
        } finally {
          op.release();
        }
      },
      subscribe: async (args: ExecutionArgs) => {
        const ctx = args.contextValue as CoreContext;
        const op = admitted.get(ctx)!;
        // The request line of a subscription is written when its stream is set up (or refused), not per event.
        const { value: source, failure } = await measured(args,
          () => op.socket.inTurn(() => inTenant(ctx, opts.log, () => createSourceEventStream(args))).catch((e) => ({ value: null, failure: thrownAsAnswer(ctx.requestId, e) })),
          (r) => (r.failure ? [r.failure] : isAsyncIterable(r.value) ? undefined : (r.value as ExecutionResult).errors));
        if (failure || !isAsyncIterable(source)) {
          op.release();
          return failure ? { errors: [failure] } : (source as ExecutionResult);
        }
        const it = source[Symbol.asyncIterator]();
        active++;
        let ended = false;
        const end = () => {
          if (!ended) active--;
          ended = true;
          op.release();
        };
        const mapped: AsyncIterableIterator<ExecutionResult> = {
          next: async () => {
            const r = await it.next();
            if (r.done) {
              end();
              return r;
            }
            // A shareable payload (a dashboard snapshot) is executed once for all its subscribers;
            // any other event in the account's turn, like its queries.
            const run = () => {
              const eventCtx = opts.refork(ctx);
              return executeAudited(eventCtx, { ...args, rootValue: r.value, contextValue: eventCtx }, opts);
            };
            const value = await sharedResult(args, r.value, isShared(r.value) ? run : () => op.socket.inTurn(run));
            return { value, done: false };
          },
          return: async () => {
            end();
            await it.return?.();
            return { value: undefined, done: true };
          },
          throw: async (e: unknown) => {
            end();
            await it.return?.();
            throw e;
          },
          [Symbol.asyncIterator]() {
            return mapped;
          },
        };
        return mapped;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(mask),
      onNext: (_ctx, _id, _payload, _args, result) =>
        'errors' in result && result.errors?.length ? { ...result, errors: result.errors.map(mask) } : result,
    },
    wss,
  );
  return { wss, cache, subscriptions: () => active, dispose: () => disposable.dispose() };
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> => !!v && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
