import WebSocket from 'ws';
import { Lexer, Source, TokenKind } from 'graphql';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/** Every limit at N passes and at N+1 is rejected, over HTTP and over graphql-ws. */
const LIMITS = { depth: 6, aliases: 3, directives: 2, tokens: 100, cost: 22 };
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({ config: { limits: LIMITS, pageSizeMax: 10, bodyLimitBytes: 2048, rateLimit: { perAccountPerMinute: 100_000, perIpPerMinute: 100_000 } } });
  await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 });
});
afterAll(() => gw?.close());

const codes = (r: { errors?: { extensions?: Record<string, any> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Over graphql-ws: the first result or the errors of one operation. */
function overWs(query: string): Promise<{ errors?: { extensions?: Record<string, any> }[] }> {
  const client = gw.wsClient();
  return new Promise((resolve) => {
    client.subscribe({ query }, {
      next: (v) => resolve(v as never),
      error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ extensions: { code: 'SOCKET', reason: String(e) } }] }),
      complete: () => undefined,
    });
  });
}

// depth: nested fields, the innermost a scalar
const CHAIN = ['districts(first: 1)', 'nodes', 'streets(first: 1)', 'nodes', 'district', 'streets(first: 1)', 'nodes', 'district', 'streets(first: 1)', 'nodes'];
const depthQuery = (levels: number) => {
  let q = 'id';
  for (let i = levels - 2; i >= 0; i--) q = `${CHAIN[i]} { ${q} }`;
  return `{ ${q} }`;
};
const aliasQuery = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
const directiveQuery = (n: number) => `{ me { ${Array.from({ length: n }, () => 'username @include(if: true)').join(' ')} } }`;
const tokenCount = (q: string) => {
  const lexer = new Lexer(new Source(q));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
};
/** Cheap in cost, long in tokens: `nodes(ids: [...])` is 12 tokens plus one per id. */
const tokenQuery = (n: number) => `{ nodes(ids: [${Array.from({ length: n - 12 }, () => '"x"').join(' ')}]) { __typename } }`;
// me 1 + grants 1 + a default page (20) of ids = 22 (a list of objects holds a page; see cost-model.test.ts)
const COST_OK = '{ me { grants { id } } }';
const COST_OVER = '{ me { grants { id } } __typename }';

const cases: [string, string, string, string][] = [
  ['depth', depthQuery(LIMITS.depth), depthQuery(LIMITS.depth + 1), 'QUERY_TOO_COMPLEX'],
  ['aliases', aliasQuery(LIMITS.aliases), aliasQuery(LIMITS.aliases + 1), 'QUERY_TOO_COMPLEX'],
  ['directives', directiveQuery(LIMITS.directives), directiveQuery(LIMITS.directives + 1), 'QUERY_TOO_COMPLEX'],
  ['cost', COST_OK, COST_OVER, 'QUERY_TOO_COMPLEX'],
  ['page size', '{ districts(first: 10) { totalCount } }', '{ districts(first: 11) { totalCount } }', 'BAD_USER_INPUT'],
];

describe.each(['HTTP', 'WebSocket'])('%s', (transport) => {
  const run = (q: string) => (transport === 'HTTP' ? gw.request(q) : overWs(q));
  test.each(cases)('%s: N passes, N+1 is rejected', async (_name, ok, over, code) => {
    const a = await run(ok);
    expect(codes(a)).not.toContain(code);
    expect(codes(a)).toEqual([]);
    const b = await run(over);
    expect(codes(b)).toContain(code);
  });

  test('tokens: N passes, N+1 is rejected', async () => {
    const ok = tokenQuery(LIMITS.tokens);
    const over = tokenQuery(LIMITS.tokens + 1);
    expect([tokenCount(ok), tokenCount(over)]).toEqual([LIMITS.tokens, LIMITS.tokens + 1]);
    expect(codes(await run(ok))).toEqual([]);
    const r = await run(over);
    expect(codes(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(JSON.stringify(r.errors)).toMatch(/contains more tha[nt] 100 tokens/);
  });
});

test('HTTP body: the limit passes, one byte more is 413', async () => {
  const body = (size: number) => {
    const base = JSON.stringify({ query: '{ me { username } }', variables: {}, pad: '' });
    return JSON.stringify({ query: '{ me { username } }', variables: {}, pad: 'x'.repeat(size - Buffer.byteLength(base)) });
  };
  const send = (b: string) => fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` }, body: b });
  expect(Buffer.byteLength(body(2048))).toBe(2048);
  expect((await send(body(2048))).status).toBe(200);
  expect((await send(body(2049))).status).toBe(413);
});

test('WebSocket message: 64 KiB passes, one byte more closes the socket (1009)', async () => {
  const frame = (size: number) => {
    const base = JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${gw.adminToken}`, pad: '' } });
    return JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${gw.adminToken}`, pad: 'x'.repeat(size - base.length) } });
  };
  const attempt = async (size: number) => {
    const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
    await new Promise((r) => ws.once('open', r));
    const outcome = new Promise<string>((r) => {
      ws.once('message', (m) => r(JSON.parse(String(m)).type));
      ws.once('close', (c) => r(`closed ${c}`));
    });
    ws.send(frame(size));
    const o = await outcome;
    ws.close();
    return o;
  };
  expect(await attempt(64 * 1024)).toBe('connection_ack');
  expect(await attempt(64 * 1024 + 1)).toBe('closed 1009');
});

test('per-account rate limit: N requests pass, the next gets RATE_LIMITED (429)', async () => {
  const limited = await createTestGateway({ config: { rateLimit: { perAccountPerMinute: 5, perIpPerMinute: 100_000 } } });
  try {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limited.request('{ me { username } }'));
    expect(results.slice(0, 5).map(codes)).toEqual([[], [], [], [], []]);
    expect(codes(results[5])).toEqual(['RATE_LIMITED']);
    expect(results[5].status).toBe(429);
  } finally {
    await limited.close();
  }
});

const redisTest = process.env.REDIS_URL ? test : test.skip;
redisTest('with REDIS_URL the per-account limit is shared by every gateway', async () => {
  const one = await createTestGateway({ config: { redisUrl: process.env.REDIS_URL!, rateLimit: { perAccountPerMinute: 5, perIpPerMinute: 100_000 } } });
  try {
    const other = await createGatewayOnSameDatabase(one);
    const codesSeen: string[][] = [];
    for (let i = 0; i < 3; i++) codesSeen.push(codes(await one.request('{ me { username } }')));
    for (let i = 0; i < 3; i++) codesSeen.push(codes(await other.request('{ me { username } }', undefined, { token: one.adminToken })));
    expect(codesSeen).toEqual([[], [], [], [], [], ['RATE_LIMITED']]);
    await other.gateway.stop('test');
  } finally {
    await one.close();
  }
});

/** A second gateway process-equivalent on the same database, sharing nothing in memory. */
async function createGatewayOnSameDatabase(first: TestGateway) {
  const { Gateway, loadConfig, createLogger } = await import('@gongzhi/core');
  const config = { ...first.gateway.config, port: 0 };
  const g = new Gateway({ config: loadConfig({}, config), plugins: [], logger: createLogger('error') });
  await g.start();
  return {
    gateway: g,
    request: async (query: string, variables?: Record<string, unknown>, opts: { token?: string } = {}) => {
      const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` }, body: JSON.stringify({ query, variables }) });
      return res.json();
    },
  };
}
