/**
 * The local GraphiQL page on a bare express app: no database, no gateway.
 * Also drives the page's fetcher (HTTP + graphql-ws) against a tiny real
 * graphql-ws server, and the page in headless Chromium (@gongzhi/testing's launcher).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import {
  graphql,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '@gongzhi/testing/src/browser';
import { graphiqlRouter } from './graphiql';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fetcherModule = require('./graphiql-assets/fetcher.js') as {
  createFetcher(options: Record<string, unknown>): Fetcher;
  toWebSocketUrl(endpoint: string, base: string): string;
  findAuthorization(headers: Record<string, unknown>): string | undefined;
  operationTypeOf(params: { query: string; operationName?: string | null }, opts?: unknown): string;
};

type Result = { data?: Record<string, unknown> | null; errors?: { message: string }[] };
type Fetcher = ((
  params: { query: string; operationName?: string | null; variables?: Record<string, unknown> },
  opts?: { headers?: Record<string, unknown> },
) => Promise<Result> | AsyncIterableIterator<Result>) & { dispose(): void };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// A tiny GraphQL server: POST /graphql + graphql-ws on the same path.

interface Ctx {
  authorization?: string | null;
}

const state = { foreverStopped: 0, wsConnections: 0, lastHttpAuthorization: undefined as string | undefined };

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Ctx>({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, resolve: () => 'world' },
      whoami: { type: GraphQLString, resolve: (_s, _a, ctx) => ctx.authorization ?? null },
    },
  }),
  mutation: new GraphQLObjectType<unknown, Ctx>({
    name: 'Mutation',
    fields: {
      echo: {
        type: GraphQLString,
        args: { text: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_s, args: { text: string }) => args.text,
      },
    },
  }),
  subscription: new GraphQLObjectType<unknown, Ctx>({
    name: 'Subscription',
    fields: {
      count: {
        type: GraphQLInt,
        args: { to: { type: new GraphQLNonNull(GraphQLInt) } },
        subscribe: async function* (_s: unknown, args: { to: number }) {
          for (let i = 1; i <= args.to; i++) yield { count: i };
        },
      },
      whoami: {
        type: GraphQLString,
        subscribe: async function* (_s: unknown, _a: unknown, ctx: Ctx) {
          yield { whoami: ctx.authorization ?? null };
        },
      },
      forever: {
        type: GraphQLInt,
        subscribe: async function* () {
          try {
            for (let i = 0; ; i++) {
              await sleep(10);
              yield { forever: i };
            }
          } finally {
            state.foreverStopped += 1;
          }
        },
      },
      boom: {
        type: GraphQLInt,
        subscribe: () => {
          throw new Error('boom');
        },
      },
    },
  }),
});

function buildApp(endpoint = '/graphql') {
  const app = express();
  app.use(graphiqlRouter({ endpoint }));
  app.post('/graphql', express.json(), async (req, res) => {
    state.lastHttpAuthorization = req.get('authorization');
    const { query, variables, operationName } = req.body ?? {};
    const result = await graphql({
      schema,
      source: query,
      variableValues: variables,
      operationName,
      contextValue: { authorization: req.get('authorization') ?? null } satisfies Ctx,
    });
    res.json(result);
  });
  return app;
}

async function startServer(): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(buildApp());
  const wss = new WebSocketServer({ server, path: '/graphql' });
  wss.on('connection', () => {
    state.wsConnections += 1;
  });
  const disposable = useServer<Record<string, unknown>>(
    {
      schema,
      context: (ctx: { connectionParams?: Readonly<Record<string, unknown>> }): Ctx => ({
        authorization: (ctx.connectionParams?.authorization as string | undefined) ?? null,
      }),
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function collect(iterable: AsyncIterable<Result>, max = 100): Promise<Result[]> {
  const out: Result[] = [];
  for await (const value of iterable) {
    out.push(value);
    if (out.length >= max) break;
  }
  return out;
}

// ---------------------------------------------------------------------------

describe('graphiqlRouter: the page and its assets', () => {
  const app = buildApp();

  it('serves an HTML page with a strict Content-Security-Policy', async () => {
    const res = await request(app).get('/graphiql');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(res.text).toContain('id="graphiql"');
    expect(res.text).toContain('data-endpoint="/graphql"');
  });

  it('has no inline script and no URL to another host', async () => {
    const res = await request(app).get('/graphiql');
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body.trim()).toBe('');
    }
    expect(res.text).not.toMatch(/https?:\/\//i);
    expect(res.text).not.toMatch(/(src|href)="\/\//i);
  });

  it('serves every script and stylesheet the page names, with long cache headers', async () => {
    const page = await request(app).get('/graphiql');
    const refs = [...page.text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) =>
      m[1].replace(/&#38;/g, '&'),
    );
    expect(refs.length).toBe(6);
    for (const ref of refs) {
      expect(ref.startsWith('/graphiql/assets/')).toBe(true);
      const res = await request(app).get(ref);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.headers['content-type']).toMatch(ref.includes('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const size = Number(res.headers['content-length'] ?? (res.body as Buffer)?.length ?? res.text.length);
      expect(size).toBeGreaterThan(0);
    }
  });

  it('serves the fetcher asset', async () => {
    const page = await request(app).get('/graphiql');
    const ref = /src="([^"]*\/fetcher\.js[^"]*)"/.exec(page.text)?.[1];
    expect(ref).toBeDefined();
    const res = await request(app).get(ref!);
    expect(res.status).toBe(200);
    expect(res.text).toContain('graphql-transport-ws');
    expect(res.text).toContain('connection_init');
  });

  it('revalidates an asset asked without its content hash, and 404s unknown files', async () => {
    const res = await request(app).get('/graphiql/assets/fetcher.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((await request(app).get('/graphiql/assets/nope.js')).status).toBe(404);
    expect((await request(app).get('/graphiql/assets/..%2Fgraphiql.ts')).status).toBe(404);
  });

  it('follows the mount prefix and escapes the endpoint', async () => {
    const prefixed = express();
    prefixed.use('/api', graphiqlRouter({ endpoint: '/api/graphql?x="<y>"' }));
    const page = await request(prefixed).get('/api/graphiql');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-endpoint="/api/graphql?x=&#34;&#60;y&#62;&#34;"');
    const ref = /src="([^"]*react\.production[^"]*)"/.exec(page.text)![1];
    expect(ref.startsWith('/api/graphiql/assets/')).toBe(true);
    expect((await request(prefixed).get(ref)).status).toBe(200);
  });
});

describe('graphiql-assets/fetcher.js', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let fetcher: Fetcher;

  beforeAll(async () => {
    srv = await startServer();
  });
  afterEach(() => fetcher?.dispose());
  afterAll(async () => {
    await srv.close();
  });

  const make = () =>
    (fetcher = fetcherModule.createFetcher({ url: '/graphql', base: `${srv.url}/graphiql`, WebSocket }));

  it('derives ws:// and wss:// from the page location', () => {
    expect(fetcherModule.toWebSocketUrl('/graphql', 'http://h:4000/graphiql')).toBe('ws://h:4000/graphql');
    expect(fetcherModule.toWebSocketUrl('/graphql', 'https://h/graphiql')).toBe('wss://h/graphql');
    expect(fetcherModule.toWebSocketUrl('https://x.example/gql', 'http://h/')).toBe('wss://x.example/gql');
  });

  it('tells subscriptions from queries and mutations', () => {
    const t = fetcherModule.operationTypeOf;
    expect(t({ query: '{ a }' })).toBe('query');
    expect(t({ query: '# subscription\nsubscription S { a }' })).toBe('subscription');
    expect(t({ query: 'query Q { a(s: "subscription") } subscription S { a }', operationName: 'S' })).toBe(
      'subscription',
    );
    expect(t({ query: 'subscription S { a } mutation M { b }', operationName: 'M' })).toBe('mutation');
    const documentAST = {
      definitions: [
        { kind: 'FragmentDefinition' },
        { kind: 'OperationDefinition', operation: 'subscription', name: { value: 'S' } },
      ],
    };
    expect(t({ query: 'ignored' }, { documentAST })).toBe('subscription');
    expect(fetcherModule.findAuthorization({ AUTHORIZATION: 'Bearer t' })).toBe('Bearer t');
  });

  it('sends queries and mutations by POST, with the headers editor headers', async () => {
    make();
    const q = (await fetcher({ query: '{ hello whoami }' }, { headers: { Authorization: 'Bearer abc' } })) as Result;
    expect(q).toEqual({ data: { hello: 'world', whoami: 'Bearer abc' } });
    expect(state.lastHttpAuthorization).toBe('Bearer abc');
    const m = (await fetcher({ query: 'mutation($t: String!) { echo(text: $t) }', variables: { t: '共治' } })) as Result;
    expect(m).toEqual({ data: { echo: '共治' } });
  });

  it('runs subscriptions over graphql-ws and completes', async () => {
    make();
    const it = fetcher({ query: 'subscription { count(to: 3) }' }) as AsyncIterableIterator<Result>;
    expect(typeof it[Symbol.asyncIterator]).toBe('function');
    expect(await collect(it)).toEqual([{ data: { count: 1 } }, { data: { count: 2 } }, { data: { count: 3 } }]);
  });

  it('passes Authorization as connectionParams { authorization }', async () => {
    make();
    const it = fetcher({ query: 'subscription { whoami }' }, { headers: { authorization: 'Bearer xyz' } });
    expect(await collect(it as AsyncIterable<Result>)).toEqual([{ data: { whoami: 'Bearer xyz' } }]);
    const anon = fetcher({ query: 'subscription { whoami }' });
    expect(await collect(anon as AsyncIterable<Result>)).toEqual([{ data: { whoami: null } }]);
  });

  it('stops a subscription on the server when GraphiQL stops it', async () => {
    make();
    const before = state.foreverStopped;
    const iterable = fetcher({ query: 'subscription { forever }' }) as AsyncIterableIterator<Result>;
    const first = await iterable.next();
    expect(first.value).toEqual({ data: { forever: 0 } });
    // what GraphiQL's stop button does
    await iterable[Symbol.asyncIterator]().return!();
    for (let i = 0; i < 100 && state.foreverStopped === before; i++) await sleep(10);
    expect(state.foreverStopped).toBe(before + 1);
  });

  it('shares one connection and reports subscription errors as results', async () => {
    make();
    const before = state.wsConnections;
    const a = fetcher({ query: 'subscription { count(to: 2) }' }) as AsyncIterable<Result>;
    const b = fetcher({ query: 'subscription { boom }' }) as AsyncIterable<Result>;
    const c = fetcher({ query: 'subscription { nope }' }) as AsyncIterable<Result>;
    const [ra, rb, rc] = await Promise.all([collect(a), collect(b), collect(c)]);
    expect(ra).toHaveLength(2);
    expect(rb[0].errors?.[0].message).toBe('boom');
    expect(rc).toHaveLength(1);
    expect(rc[0].errors?.[0].message).toMatch(/nope/);
    expect(state.wsConnections).toBe(before + 1);
  });

  it('ends open subscriptions with an error when the socket closes', async () => {
    const unreachable = fetcherModule.createFetcher({ url: 'http://127.0.0.1:1/graphql', WebSocket });
    const results = await collect(unreachable({ query: 'subscription { count(to: 1) }' }) as AsyncIterable<Result>);
    expect(results).toHaveLength(1);
    expect(results[0].errors?.[0].message).toMatch(/WebSocket closed/);
  });
});

// ---------------------------------------------------------------------------

describe('GraphiQL in a browser (chromium)', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    srv = await startServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('renders GraphiQL from local files only, and subscribes over WebSocket', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // 404s are reported below with their URL
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(srv.url) && !u.startsWith(srv.url.replace('http', 'ws')) && !u.startsWith('data:')) {
        foreign.push(u);
      }
    });
    await page.goto(`${srv.url}/graphiql`);
    await page.waitForSelector('.graphiql-container', { timeout: 20000 });

    // Through the UI: the query editor, the headers editor and the run button.
    await page.click('button:has-text("Headers")');
    const headersEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
    await page.waitForSelector(headersEditor, { timeout: 10000 });
    await page.evaluate((headersSelector) => {
      type CM = { CodeMirror: { setValue(v: string): void } };
      const q = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as CM;
      q.CodeMirror.setValue('subscription Who { whoami }');
      const h = document.querySelector(headersSelector) as unknown as CM;
      h.CodeMirror.setValue('{"Authorization": "Bearer from-ui"}');
    }, headersEditor);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('Bearer from-ui'),
      undefined,
      { timeout: 10000 },
    );

    // The fetcher as the page loaded it, in the browser's own fetch and WebSocket.
    const values = await page.evaluate(async () => {
      const w = window as unknown as {
        GongzhiGraphiQL: { createFetcher(o: unknown): (p: unknown, o?: unknown) => AsyncIterable<unknown> };
      };
      const f = w.GongzhiGraphiQL.createFetcher({ url: '/graphql' });
      const out: unknown[] = [];
      for await (const v of f({ query: 'subscription { whoami }' }, { headers: { Authorization: 'Bearer b' } })) {
        out.push(v);
      }
      for await (const v of f({ query: 'subscription { count(to: 2) }' })) out.push(v);
      out.push(await f({ query: '{ hello }' }));
      return out;
    });
    expect(values).toEqual([
      { data: { whoami: 'Bearer b' } },
      { data: { count: 1 } },
      { data: { count: 2 } },
      { data: { hello: 'world' } },
    ]);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
