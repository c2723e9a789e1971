import { createHash } from 'node:crypto';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * The cost limit is priced with the values an operation runs with: `first: $n` costs what
 * `first: <n>` costs, on HTTP and graphql-ws, for documents the gateway has parsed and
 * validated before (its caches) and for persisted queries.
 */
const MAX_COST = 41;
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({ config: { limits: { depth: 12, aliases: 30, directives: 20, tokens: 5000, cost: MAX_COST }, pageSizeMax: 100, rateLimit: { perAccountPerMinute: 100_000, perIpPerMinute: 100_000 } } });
  await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 });
});
afterAll(() => gw?.close());

type Result = { data?: unknown; errors?: { extensions?: Record<string, any> }[] };
const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

function overWs(query: string, variables?: Record<string, unknown>): Promise<Result> {
  const client = gw.wsClient();
  return new Promise((resolve) => {
    client.subscribe({ query, variables }, {
      next: (v) => resolve(v as Result),
      error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ extensions: { code: 'SOCKET', reason: String(e) } }] }),
      complete: () => undefined,
    });
  });
}

// 1 (districts) + n × (nodes 1 + name 1): 20 → 41, 21 → 43
const WITH_VARIABLE = 'query Cost($n: Int) { districts(first: $n) { nodes { name } } }';
const literal = (n: number) => `query Cost { districts(first: ${n}) { nodes { name } } }`;

describe.each(['HTTP', 'WebSocket'])('%s', (transport) => {
  const run = (q: string, v?: Record<string, unknown>) => (transport === 'HTTP' ? gw.request(q, v) : overWs(q, v));

  test('first: $n costs what the literal costs: 20 passes, 21 is refused, in either order of the same text', async () => {
    for (const n of [20, 21, 20, 21]) {
      const [byVariable, byLiteral] = [await run(WITH_VARIABLE, { n }), await run(literal(n))];
      expect([codes(byVariable), codes(byLiteral)]).toEqual(n === 20 ? [[], []] : [['QUERY_TOO_COMPLEX'], ['QUERY_TOO_COMPLEX']]);
    }
    const refused = await run(WITH_VARIABLE, { n: 21 });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: MAX_COST, actual: 43 });
    expect(refused.errors?.[0].extensions?.http).toBeUndefined();
    expect(refused.data ?? undefined).toBeUndefined();
  });

  test("a variable's default value counts, and an omitted variable is the default page size", async () => {
    expect(codes(await run('query($n: Int = 21) { districts(first: $n) { nodes { name } } }'))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes(await run(WITH_VARIABLE, {}))).toEqual([]);
  });

  test('@include(if: $x) charges the fields it includes only', async () => {
    const q = 'query($x: Boolean!) { districts(first: 20) { nodes { name } } me @include(if: $x) { username } }';
    expect(codes(await run(q, { x: false }))).toEqual([]);
    expect(codes(await run(q, { x: true }))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('variables that do not coerce answer as before (a variable error, not a cost)', async () => {
    expect(codes(await run(WITH_VARIABLE, { n: 'many' }))).toEqual(['BAD_USER_INPUT']);
  });
});

test('HTTP status: a cost refusal is 200 with application/json and 400 with graphql-response+json, as validation failures', async () => {
  const post = (accept: string) => fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${gw.adminToken}` },
    body: JSON.stringify({ query: WITH_VARIABLE, variables: { n: 21 } }),
  });
  expect((await post('application/json')).status).toBe(200);
  expect((await post('application/graphql-response+json')).status).toBe(400);
});

test('a persisted query (APQ) is priced with each request’s variables', async () => {
  const sha256Hash = createHash('sha256').update(WITH_VARIABLE).digest('hex');
  const send = async (variables: Record<string, unknown>, withQuery: boolean) => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` },
      body: JSON.stringify({ ...(withQuery && { query: WITH_VARIABLE }), variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    return (await res.json()) as Result;
  };
  expect(codes(await send({ n: 1 }, true))).toEqual([]);
  expect(codes(await send({ n: 20 }, false))).toEqual([]);
  expect(codes(await send({ n: 21 }, false))).toEqual(['QUERY_TOO_COMPLEX']);
});

test('a nested tree with first: $n at every level is refused as its literal twin is', async () => {
  const tree = 'query($n: Int) { districts(first: $n) { nodes { streets(first: $n) { nodes { communities(first: $n) { nodes { id } } } } } } }';
  const treeLiteral = tree.replace('($n: Int)', '').replaceAll('$n', '100');
  const a = await gw.request(tree, { n: 100 });
  const b = await gw.request(treeLiteral);
  expect(codes(a)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(a.errors?.[0].extensions?.actual).toBe(b.errors?.[0].extensions?.actual);
});
