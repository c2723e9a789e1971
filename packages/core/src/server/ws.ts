import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, parse, validate, specifiedRules, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Logger } from '../util/logger';
import { isClientError } from './errors';

/** Parsed and validated subscription documents, by text (re-subscribing skips both). */
export class DocumentCache {
  private readonly docs = new Map<string, DocumentNode>();
  hits = 0;
  misses = 0;
  constructor(private readonly schema: GraphQLSchema, private readonly rules: readonly ValidationRule[], private readonly max = 1000) {}

  get(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.docs.get(query);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    let doc: DocumentNode;
    try {
      doc = parse(query);
    } catch (e) {
      return [e as GraphQLError];
    }
    const errors = validate(this.schema, doc, this.rules);
    if (errors.length) return errors;
    if (this.docs.size >= this.max) this.docs.delete(this.docs.keys().next().value!);
    this.docs.set(query, doc);
    return doc;
  }
}

/** graphql-ws on the same HTTP server and path as `/graphql`. */
export function attachWebSocket(opts: {
  server: Server;
  schema: GraphQLSchema;
  context: () => object;
  log: Logger;
  initTimeoutMs: number;
  rules?: readonly ValidationRule[];
}) {
  const wss = new WebSocketServer({ server: opts.server, path: '/graphql', maxPayload: 64 * 1024 });
  const cache = new DocumentCache(opts.schema, opts.rules ?? specifiedRules);
  const mask = (e: GraphQLError): GraphQLError => {
    if (isClientError(e)) return e;
    opts.log.error('subscription error', { error: String(e.originalError ?? e) });
    return new GraphQLError('Internal server error', { path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
  const disposable = useServer(
    {
      schema: opts.schema,
      connectionInitWaitTimeout: opts.initTimeoutMs,
      context: () => opts.context(),
      onSubscribe: (_ctx, _id, payload) => {
        const doc = cache.get(payload.query);
        if (!(doc as DocumentNode).kind) return doc as readonly GraphQLError[];
        return {
          schema: opts.schema,
          document: doc as DocumentNode,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: opts.context(),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(mask),
      onNext: (_ctx, _id, _payload, _args, result) =>
        'errors' in result && result.errors?.length ? { ...result, errors: result.errors.map(mask) } : result,
    },
    wss,
  );
  return { wss, cache, dispose: () => disposable.dispose() };
}
